using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TumourBoard.Domain.People;
using TumourBoard.Web.Features.Audit;
using TumourBoard.Web.Tests.Infrastructure;

namespace TumourBoard.Web.Tests.Features.Audit;

// A fixture of its own: the test breaks the chain of its database on purpose.
public sealed class AuditTamperingTests(DemoAppFixture fixture) : IClassFixture<DemoAppFixture>
{
    private readonly TumourBoardApp _app = fixture.App;

    [Fact]
    public async Task Verification_FindsTheRowChangedDirectlyInPostgreSql_AndTheEntriesBeforeItVerify()
    {
        var admin = await _app.ActorAsync("admin@demo.tumourboard.be");
        await using var scope = _app.Services.CreateAsyncScope();
        var trail = scope.ServiceProvider.GetRequiredService<AuditTrail>();
        for (var i = 0; i < 5; i++)
            await trail.RecordAsync(admin, "test.entry", "case", i);
        var audit = scope.ServiceProvider.GetRequiredService<AuditService>();
        Assert.True((await audit.VerifyAsync(admin)).IsIntact);
        var target = await _app.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == "test.entry" && a.ObjectId == "2").Select(a => a.Id).SingleAsync());
        var before = await _app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Id < target));

        // The table refuses UPDATE; whoever owns it can still switch the refusal off. The chain is what tells.
        var refused = await Assert.ThrowsAnyAsync<Exception>(() => _app.WithDbAsync(db =>
            db.Database.ExecuteSqlRawAsync("UPDATE audit_entries SET \"ObjectId\" = '99' WHERE \"Id\" = {0}", target)));
        Assert.Contains("append-only", refused.Message);
        await _app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
            """
            ALTER TABLE audit_entries DISABLE TRIGGER audit_entries_no_update_delete;
            UPDATE audit_entries SET "ObjectId" = '99' WHERE "Id" = {0};
            ALTER TABLE audit_entries ENABLE TRIGGER audit_entries_no_update_delete;
            """, target));

        var result = await audit.VerifyAsync(admin);

        Assert.False(result.IsIntact);
        Assert.Equal(target, result.BrokenAtId);
        Assert.Equal("content", result.Problem);
        Assert.Equal(before, result.EntriesChecked);
    }

    [Fact]
    public async Task AuditTrail_IsForAdministratorsOnly_InTheServiceAndTheExport()
    {
        var coordinator = await _app.ActorAsync("coordinator@demo.tumourboard.be");
        await using var scope = _app.Services.CreateAsyncScope();
        var audit = scope.ServiceProvider.GetRequiredService<AuditService>();

        await Assert.ThrowsAsync<AccessDeniedException>(() => audit.VerifyAsync(coordinator));
        await Assert.ThrowsAsync<AccessDeniedException>(() => audit.ListAsync(coordinator, new AuditFilter(), 0, 10));
        using var client = await _app.SignedInClientAsync("coordinator@demo.tumourboard.be");
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("admin/audit.csv")).StatusCode);
    }

    [Fact]
    public async Task CsvExport_ListsTheFilteredEntries_AndNeutralisesFormulas()
    {
        var admin = await _app.ActorAsync("admin@demo.tumourboard.be");
        await using var scope = _app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AuditTrail>().RecordAsync(admin, "test.csv", "case", "=HYPERLINK(\"x\",\"y\")");
        using var client = await _app.SignedInClientAsync("admin@demo.tumourboard.be");

        var response = await client.GetAsync("admin/audit.csv?action=test.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("id,at_utc,user,centre,action,object_type,object_id,outcome,client_address", lines[0]);
        var row = Assert.Single(lines.Skip(1));
        Assert.Contains(",admin@demo.tumourboard.be,", row);
        Assert.Contains(",test.csv,case,\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\",Success,", row);
    }
}
