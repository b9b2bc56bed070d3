using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TumourBoard.Web.Features.Exports;
using TumourBoard.Web.Tests.Infrastructure;

namespace TumourBoard.Web.Tests.Features.Exports;

public sealed class RegistryExportTests(DemoAppFixture fixture) : IClassFixture<DemoAppFixture>
{
    private readonly TumourBoardApp _app = fixture.App;

    private static async Task<string[][]> RowsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        return Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(';')).ToArray();
    }

    [Fact]
    public async Task Centre_ExportsItsDiscussedCase_CodedAndPseudonymous_WithItsFollowUp()
    {
        var (caseId, code) = await DiscussedCases.DiscussAsync(_app, "NCT05000003");
        var reported = await _app.ApiClient("demo-clinician.uzl").PutAsJsonAsync($"api/v1/cases/{caseId}/follow-up", new { implementation = new { outcome = "EnrolledInTrial" } });
        Assert.Equal(HttpStatusCode.OK, reported.StatusCode);

        var rows = await RowsAsync(await _app.ApiClient("demo-datamanager.uzl").GetAsync("api/v1/exports/registry.csv"));

        Assert.Equal(RegistryExportService.Columns, rows[0]);
        var row = rows.Single(r => r[0] == code).Zip(RegistryExportService.Columns).ToDictionary(p => p.Second, p => p.First);
        var today = DateOnly.FromDateTime(TumourBoard.Domain.Meetings.BoardTime.ToLocal(DateTime.UtcNow)).ToString("yyyy-MM-dd");
        Assert.Equal("UZL", row["centre"]);
        Assert.Equal(("Male", "7", "Relapse"), (row["sex"], row["age_years"], row["disease_status"]));
        Assert.Equal(("Phase I trial", "Majority", "NCT05000003"), (row["recommendation"], row["consensus"], row["trial_referral"]));
        Assert.Equal((today, today), (row["submitted_on"], row["recommended_on"]));
        Assert.Equal(("EnrolledInTrial", "", ""), (row["implementation"], row["not_implemented_reason"], row["response_3_months"]));
        Assert.Equal("Upcoming", row["follow_up"]);
        Assert.All(rows.Skip(1), r => Assert.Equal("UZL", r[1]));
        Assert.True(await _app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "registry.export")));
    }

    [Fact]
    public async Task Coordinator_ExportsAllCentres_OrOne()
    {
        var (_, code) = await DiscussedCases.DiscussAsync(_app, "NCT05000004");
        using var coordinator = _app.ApiClient("demo-coordinator");

        var all = await RowsAsync(await coordinator.GetAsync("api/v1/exports/registry.csv"));
        var cusl = await RowsAsync(await coordinator.GetAsync("api/v1/exports/registry.csv?centre=cusl"));

        Assert.Contains(all, r => r[0] == code);
        Assert.DoesNotContain(cusl, r => r[0] == code);
        Assert.All(cusl.Skip(1), r => Assert.Equal("CUSL", r[1]));
    }

    [Theory]
    [InlineData("demo-clinician.uzl", "api/v1/exports/registry.csv?centre=CUSL", HttpStatusCode.Forbidden)]
    [InlineData("demo-observer", "api/v1/exports/registry.csv", HttpStatusCode.Forbidden)]
    [InlineData("demo-admin", "api/v1/exports/registry.csv", HttpStatusCode.Forbidden)]
    [InlineData("demo-coordinator", "api/v1/exports/registry.csv?centre=NOPE", HttpStatusCode.NotFound)]
    [InlineData("demo-coordinator", "api/v1/exports/registry.csv?from=2026-03-01&to=2026-02-01", HttpStatusCode.BadRequest)]
    public async Task ExportOutsideOnesRights_OrWithABadPeriod_IsRefused(string token, string path, HttpStatusCode status)
    {
        var response = await _app.ApiClient(token).GetAsync(path);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
