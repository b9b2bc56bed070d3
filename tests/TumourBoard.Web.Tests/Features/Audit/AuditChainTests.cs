using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TumourBoard.Domain.Audit;
using TumourBoard.Domain.People;
using TumourBoard.Web.Features.Audit;
using TumourBoard.Web.Tests.Infrastructure;

namespace TumourBoard.Web.Tests.Features.Audit;

public sealed class AuditChainTests(DemoAppFixture fixture) : IClassFixture<DemoAppFixture>
{
    private readonly TumourBoardApp _app = fixture.App;

    private Task<List<AuditEntry>> ChainAsync() => _app.WithDbAsync(db => db.AuditEntries.AsNoTracking().OrderBy(a => a.Id).ToListAsync());

    private static void AssertChained(IReadOnlyList<AuditEntry> entries)
    {
        var previous = "";
        foreach (var entry in entries)
        {
            Assert.True(entry.HashIsValid(previous), $"audit entry {entry.Id} ({entry.Action}) does not follow its predecessor");
            previous = entry.Hash;
        }
    }

    [Fact]
    public async Task EntriesWrittenAtTheSameTime_FormOneUnbrokenChainInIdOrder()
    {
        var actor = await _app.ActorAsync("clinician.uzl@demo.tumourboard.be");

        await Task.WhenAll(Enumerable.Range(0, 60).Select(async i =>
        {
            await using var scope = _app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<AuditTrail>().RecordAsync(i % 2 == 0 ? actor : null, "test.concurrent", "case", i);
        }));

        var entries = await ChainAsync();
        Assert.Equal(60, entries.Count(e => e.Action == "test.concurrent"));
        AssertChained(entries);
    }

    [Fact]
    public async Task HashComputedByTheDatabase_IsTheOneTheApplicationVerifies_ForEveryField()
    {
        var at = new DateTime(2026, 11, 24, 13, 5, 7, DateTimeKind.Utc).AddTicks(1234567);
        await _app.WithDbAsync(async db =>
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            db.AuditEntries.Add(new AuditEntry(at, Guid.Parse("6f9619ff-8b86-d011-b42d-00c04fc964ff"), 3, "test.fields", "agenda-item", "42/é", AuditOutcome.Denied, "2001:db8::1"));
            db.AuditEntries.Add(new AuditEntry(at, null, null, "test.fields", null, null, AuditOutcome.Success, null));
            await db.SaveChangesAsync();
            await tx.CommitAsync();
            return 0;
        });

        var entries = await ChainAsync();
        var written = entries.Where(e => e.Action == "test.fields").ToList();
        Assert.Equal(2, written.Count);
        Assert.All(written, e => Assert.Equal(new DateTime(2026, 11, 24, 13, 5, 7, DateTimeKind.Utc).AddTicks(1234560), e.AtUtc));
        AssertChained(entries);
    }

    [Fact]
    public async Task Entry_ChangedInTheDatabase_NoLongerVerifies()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AuditTrail>().RecordAsync(null, "test.tamper", "case", 7);
        var entry = (await ChainAsync()).Last(e => e.Action == "test.tamper");
        // The first entry of the chain (when this test runs first) follows the empty hash.
        var previous = (await ChainAsync()).LastOrDefault(e => e.Id < entry.Id)?.Hash ?? "";
        Assert.True(entry.HashIsValid(previous));

        // What a tamperer holding the row would see if they changed the object it names: the stored hash gives it away.
        var altered = await _app.WithDbAsync(db => db.AuditEntries
            .FromSqlRaw("""SELECT "Id", "AtUtc", "UserId", "CentreId", "Action", "ObjectType", '8' AS "ObjectId", "Outcome", "ClientAddress", "PreviousHash", "Hash" FROM audit_entries""")
            .AsNoTracking().SingleAsync(e => e.Id == entry.Id));
        Assert.False(altered.HashIsValid(previous));
    }

    [Fact]
    public async Task SignInAttempts_AreAudited_WithTheAccountAndTheOutcome()
    {
        var user = await _app.CreateUserAsync(TumourBoard.Domain.People.Roles.Clinician);

        using (var client = _app.CreateBrowserlikeClient())
            await _app.PostLoginAsync(client, user.Email!, "Wrong-password-1");
        using (await _app.SignedInClientAsync(user.Email!))
        {
        }

        var entries = await _app.WithDbAsync(db => db.AuditEntries.Where(a => a.UserId == user.Id && a.Action == "auth.login").OrderBy(a => a.Id).ToListAsync());
        Assert.Equal([AuditOutcome.Denied, AuditOutcome.Success], entries.Select(e => e.Outcome));
        Assert.All(entries, e => Assert.Equal(user.CentreId, e.CentreId));
    }

    [Fact]
    public async Task TokenUse_IsAudited_OnceAMinuteWhenAccepted_AndEachTimeWhenRefused()
    {
        var user = await _app.CreateUserAsync(TumourBoard.Domain.People.Roles.Clinician);
        var actor = await _app.ActorAsync(user.Email!);
        await using var scope = _app.Services.CreateAsyncScope();
        var tokens = scope.ServiceProvider.GetRequiredService<TumourBoard.Web.Features.Tokens.TokenService>();
        var created = await tokens.CreateAsync(actor, "audit test", null);

        using (var client = _app.ApiClient(created.Value))
        {
            await client.GetAsync("api/v1/centres");
            await client.GetAsync("api/v1/centres");
        }
        await tokens.RevokeAsync(actor, created.Id);
        using (var client = _app.ApiClient(created.Value))
            Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await client.GetAsync("api/v1/centres")).StatusCode);

        var entries = await _app.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == "token.use" && a.UserId == user.Id).OrderBy(a => a.Id).ToListAsync());
        Assert.Equal([AuditOutcome.Success, AuditOutcome.Denied], entries.Select(e => e.Outcome));
    }
}
