using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using TumourBoard.Domain.Audit;
using TumourBoard.Domain.People;
using TumourBoard.Web.Data;
using TumourBoard.Web.Infrastructure;

namespace TumourBoard.Web.Features.Audit;

/// <summary>Filters of the audit trail's list and export; every one optional.</summary>
public sealed record AuditFilter(DateTime? FromUtc = null, DateTime? ToUtc = null, string? Action = null, AuditOutcome? Outcome = null, string? User = null);

public sealed record AuditRow(long Id, DateTime AtUtc, string? User, string? Centre, string Action, string? ObjectType, string? ObjectId, AuditOutcome Outcome, string? ClientAddress);

public sealed record AuditRows(IReadOnlyList<AuditRow> Rows, int Total);

/// <summary>Where the chain breaks, if it does: the first entry whose hash or link does not match.</summary>
public sealed record ChainVerification(long EntriesChecked, long? BrokenAtId, DateTime? BrokenAtUtc, string? Problem)
{
    public bool IsIntact => BrokenAtId is null;
}

/// <summary>Reads, exports and verifies the audit trail (administrators only).</summary>
public sealed class AuditService(IDbContextFactory<TumourBoardDbContext> dbFactory, AuditTrail audit)
{
    private const int VerifyBatch = 5_000;

    public async Task<AuditRows> ListAsync(Actor actor, AuditFilter filter, int skip, int take, CancellationToken ct = default)
    {
        Access.Demand(Access.CanReadAuditTrail(actor));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = Filtered(db, filter);
        var total = await query.CountAsync(ct);
        var rows = await Rows(db, query.OrderByDescending(a => a.Id).Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 1, 500))).ToListAsync(ct);
        return new AuditRows(rows, total);
    }

    /// <summary>The filtered trail as CSV (RFC 4180, UTF-8), oldest first, written as it is read.</summary>
    public async Task ExportCsvAsync(Actor actor, AuditFilter filter, Stream output, CancellationToken ct = default)
    {
        Access.Demand(Access.CanReadAuditTrail(actor));
        await audit.RecordAsync(actor, "audit.export", "audit", null, ct: ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var writer = new StreamWriter(output, new UTF8Encoding(false), 64 * 1024, leaveOpen: true);
        await writer.WriteAsync("id,at_utc,user,centre,action,object_type,object_id,outcome,client_address\r\n");
        await foreach (var row in Rows(db, Filtered(db, filter).OrderBy(a => a.Id)).AsAsyncEnumerable().WithCancellation(ct))
        {
            await writer.WriteAsync(Csv.Line([
                row.Id.ToString(CultureInfo.InvariantCulture), row.AtUtc.ToString("O", CultureInfo.InvariantCulture), row.User, row.Centre,
                row.Action, row.ObjectType, row.ObjectId, row.Outcome.ToString(), row.ClientAddress]));
        }
    }

    /// <summary>Walks the whole chain in id order and reports the first entry that does not follow its predecessor.</summary>
    public async Task<ChainVerification> VerifyAsync(Actor actor, CancellationToken ct = default)
    {
        Access.Demand(Access.CanReadAuditTrail(actor));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var previous = "";
        long checkedCount = 0, lastId = 0;
        while (true)
        {
            var batch = await db.AuditEntries.AsNoTracking().Where(a => a.Id > lastId).OrderBy(a => a.Id).Take(VerifyBatch).ToListAsync(ct);
            foreach (var entry in batch)
            {
                if (entry.PreviousHash != previous)
                    return await ConcludeAsync(new ChainVerification(checkedCount, entry.Id, entry.AtUtc, "link"));
                if (!entry.HashIsValid(previous))
                    return await ConcludeAsync(new ChainVerification(checkedCount, entry.Id, entry.AtUtc, "content"));
                previous = entry.Hash;
                checkedCount++;
            }
            if (batch.Count < VerifyBatch)
                return await ConcludeAsync(new ChainVerification(checkedCount, null, null, null));
            lastId = batch[^1].Id;
        }

        async Task<ChainVerification> ConcludeAsync(ChainVerification result)
        {
            await audit.RecordAsync(actor, "audit.verify", "audit", result.BrokenAtId, result.IsIntact ? AuditOutcome.Success : AuditOutcome.Failed, ct);
            return result;
        }
    }

    private static IQueryable<AuditEntry> Filtered(TumourBoardDbContext db, AuditFilter f)
    {
        var query = db.AuditEntries.AsNoTracking();
        if (f.FromUtc is { } from)
            query = query.Where(a => a.AtUtc >= from);
        if (f.ToUtc is { } to)
            query = query.Where(a => a.AtUtc < to);
        if (!string.IsNullOrWhiteSpace(f.Action))
        {
            var action = f.Action.Trim();
            query = query.Where(a => a.Action.StartsWith(action));
        }
        if (f.Outcome is { } outcome)
            query = query.Where(a => a.Outcome == outcome);
        if (!string.IsNullOrWhiteSpace(f.User))
        {
            var pattern = $"%{f.User.Trim().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_")}%";
            query = query.Where(a => db.Users.Any(u => u.Id == a.UserId && (EF.Functions.ILike(u.DisplayName, pattern) || EF.Functions.ILike(u.Email!, pattern))));
        }
        return query;
    }

    private static IQueryable<AuditRow> Rows(TumourBoardDbContext db, IQueryable<AuditEntry> query) =>
        query.Select(a => new AuditRow(a.Id, a.AtUtc,
            db.Users.Where(u => u.Id == a.UserId).Select(u => u.Email).FirstOrDefault(),
            db.Centres.Where(c => c.Id == a.CentreId).Select(c => c.Code).FirstOrDefault(),
            a.Action, a.ObjectType, a.ObjectId, a.Outcome, a.ClientAddress));
}
