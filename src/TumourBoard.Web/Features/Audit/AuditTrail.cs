using Microsoft.EntityFrameworkCore;
using TumourBoard.Domain.Audit;
using TumourBoard.Domain.People;
using TumourBoard.Web.Data;

namespace TumourBoard.Web.Features.Audit;

/// <summary>
/// Writes audit entries. An entry joins the caller's unit of work when given its context, so that the record of a
/// change commits (or not) with the change itself.
/// </summary>
public sealed class AuditTrail(IDbContextFactory<TumourBoardDbContext> dbFactory, TimeProvider time, IHttpContextAccessor httpContext)
{
    /// <summary>
    /// Adds an entry inside <paramref name="db"/>'s open transaction; the caller saves and commits. The database links
    /// it to the chain as it is inserted (trigger audit_entries_chain), holding the chain's lock until the commit, so
    /// callers save it last.
    /// </summary>
    public void Add(TumourBoardDbContext db, Actor? actor, string action, string? objectType, object? objectId, AuditOutcome outcome = AuditOutcome.Success)
    {
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("Audit entries are written inside the transaction of the change they record.");
        db.AuditEntries.Add(Entry(actor?.UserId, actor?.CentreId, action, objectType, objectId, outcome));
    }

    /// <summary>Records an event that changes nothing else (a view, a refusal, a sign-in) in its own transaction.</summary>
    public Task RecordAsync(Actor? actor, string action, string? objectType, object? objectId, AuditOutcome outcome = AuditOutcome.Success, CancellationToken ct = default) =>
        RecordAsync(actor?.UserId, actor?.CentreId, action, objectType, objectId, outcome, ct);

    /// <summary>Records an event of someone who is not signed in yet (a sign-in attempt), or of nobody known.</summary>
    public async Task RecordAsync(Guid? userId, int? centreId, string action, string? objectType, object? objectId, AuditOutcome outcome, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.AuditEntries.Add(Entry(userId, centreId, action, objectType, objectId, outcome));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    private AuditEntry Entry(Guid? userId, int? centreId, string action, string? objectType, object? objectId, AuditOutcome outcome) =>
        new(time.GetUtcNow().UtcDateTime, userId, centreId, action, objectType, objectId?.ToString(), outcome, ClientAddress());

    private string? ClientAddress() => httpContext.HttpContext?.Connection.RemoteIpAddress?.ToString();
}
