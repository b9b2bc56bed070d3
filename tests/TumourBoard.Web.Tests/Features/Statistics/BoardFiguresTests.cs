using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TumourBoard.Domain.Cases;
using TumourBoard.Web.Tests.Infrastructure;

namespace TumourBoard.Web.Tests.Features.Statistics;

public sealed class BoardFiguresTests(DemoAppFixture fixture) : IClassFixture<DemoAppFixture>
{
    private readonly TumourBoardApp _app = fixture.App;

    private HttpClient As(string token) => _app.ApiClient(token);

    private async Task<JsonElement> FiguresAsync() =>
        await As("demo-coordinator").GetFromJsonAsync<JsonElement>("api/v1/figures");

    private static int CountOf(JsonElement figures, string figure, string code) =>
        figures.GetProperty(figure).EnumerateArray().Where(r => r.GetProperty("code").GetString() == code).Select(r => r.GetProperty("count").GetInt32()).SingleOrDefault();

    [Fact]
    public async Task DiscussedCase_IsCountedInEveryFigure()
    {
        var before = await FiguresAsync();

        var (caseId, _) = await DiscussedCases.DiscussAsync(_app, "NCT05000001");
        var notReported = await FiguresAsync();
        await _app.ApiClient("demo-datamanager.uzl").PutAsJsonAsync($"api/v1/cases/{caseId}/follow-up", new { implementation = new { outcome = "Implemented" } });

        var after = await FiguresAsync();
        Assert.Equal(CountOf(before, "followUpImplementation", "NotYetReported") + 1, CountOf(notReported, "followUpImplementation", "NotYetReported"));
        Assert.Equal(CountOf(before, "followUpImplementation", "NotYetReported"), CountOf(after, "followUpImplementation", "NotYetReported"));
        Assert.Equal(CountOf(before, "followUpImplementation", "Implemented") + 1, CountOf(after, "followUpImplementation", "Implemented"));
        Assert.Equal(CountOf(before, "casesPerCentre", "UZL") + 1, CountOf(after, "casesPerCentre", "UZL"));
        Assert.Equal(CountOf(before, "casesPerCentre", "CUSL"), CountOf(after, "casesPerCentre", "CUSL"));
        Assert.Equal(CountOf(before, "casesPerIccc3Group", "") + 1, CountOf(after, "casesPerIccc3Group", ""));
        Assert.Equal(CountOf(before, "recommendationsByConsensus", "Majority") + 1, CountOf(after, "recommendationsByConsensus", "Majority"));
        Assert.Equal(1, CountOf(after, "trialReferrals", "NCT05000001"));
        var delays = after.GetProperty("submissionToRecommendation");
        Assert.Equal(before.GetProperty("submissionToRecommendation").GetProperty("bands")[0].GetProperty("count").GetInt32() + 1,
            delays.GetProperty("bands")[0].GetProperty("count").GetInt32());
        var held = after.GetProperty("attendance").EnumerateArray().ToDictionary(a => a.GetProperty("centreCode").GetString()!);
        var heldBefore = before.GetProperty("attendance").EnumerateArray().ToDictionary(a => a.GetProperty("centreCode").GetString()!);
        Assert.Equal(heldBefore["UZL"].GetProperty("meetingsHeld").GetInt32() + 1, held["UZL"].GetProperty("meetingsHeld").GetInt32());
        Assert.Equal(heldBefore["UZL"].GetProperty("meetingsAttended").GetInt32() + 1, held["UZL"].GetProperty("meetingsAttended").GetInt32());
        Assert.Equal(heldBefore["CUSL"].GetProperty("meetingsAttended").GetInt32() + 1, held["CUSL"].GetProperty("meetingsAttended").GetInt32());
        Assert.Equal(heldBefore["UZA"].GetProperty("meetingsAttended").GetInt32(), held["UZA"].GetProperty("meetingsAttended").GetInt32());
    }

    [Fact]
    public async Task Csv_OpensInASpreadsheet_WithItsPeriod_AndTheExportIsAudited()
    {
        await DiscussedCases.DiscussAsync(_app, "NCT05000002");
        using var coordinator = As("demo-coordinator");

        var response = await coordinator.GetAsync("api/v1/figures/trial-referrals.csv?from=2026-01-01&to=2026-12-31");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("trial-referrals-2026-01-01-2026-12-31.csv", response.Content.Headers.ContentDisposition?.ToString());
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("from;to;trial;trial_label;referrals", lines[0]);
        Assert.Contains("2026-01-01;2026-12-31;NCT05000002;NCT05000002;1", lines);
        var audited = await _app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "figures.export" && a.ObjectId == "trial-referrals"));
        Assert.True(audited);
    }

    [Theory]
    [InlineData("api/v1/figures?from=2026-05-02&to=2026-05-01", HttpStatusCode.BadRequest, "Period.Invalid")]
    [InlineData("api/v1/figures?from=2015-01-01&to=2026-05-01", HttpStatusCode.BadRequest, "Period.LengthInvalid")]
    [InlineData("api/v1/figures?from=yesterday", HttpStatusCode.BadRequest, null)]
    [InlineData("api/v1/figures/salaries.csv", HttpStatusCode.NotFound, "Figures.NotFound")]
    public async Task BadPeriodOrFigure_IsAProblem(string path, HttpStatusCode status, string? code)
    {
        var response = await As("demo-coordinator").GetAsync(path);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        if (code is not null)
            Assert.Equal(code, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }
}
