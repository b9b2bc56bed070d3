using Microsoft.EntityFrameworkCore;
using TumourBoard.Domain.Meetings;
using TumourBoard.Domain.Moc;
using TumourBoard.Domain.People;
using TumourBoard.Web.Data;
using TumourBoard.Web.Features.Audit;

namespace TumourBoard.Web.Features.Moc;

/// <summary>The MOC rules in force, which the coordinator sets, and the check of discussed items against them.</summary>
public sealed class MocService(IDbContextFactory<TumourBoardDbContext> dbFactory, AuditTrail audit)
{
    public async Task<MocRulesView> GetRulesAsync(Actor actor, CancellationToken ct = default)
    {
        Access.Demand(Access.CanManageMocRules(actor));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var settings = await db.MocSettings.SingleOrDefaultAsync(ct);
        return new MocRulesView(settings?.Rules ?? MocRules.Default, settings is null ? null : db.VersionOf(settings));
    }

    /// <summary>Changes the rules for meetings that start from now on; refused when someone saved since <paramref name="version"/> was read.</summary>
    public async Task SaveRulesAsync(Actor actor, MocRules rules, uint? version, CancellationToken ct = default)
    {
        Access.Demand(Access.CanManageMocRules(actor));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var settings = await db.MocSettings.SingleOrDefaultAsync(ct);
        if (settings is null)
            db.MocSettings.Add(new MocSettings(rules));
        else
        {
            if (version is { } expected)
                db.ExpectVersion(settings, expected);
            settings.Change(rules);
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        audit.Add(db, actor, "moc.rules", "moc-rules", MocSettings.SingleId);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>The rules a meeting starting now fixes on itself.</summary>
    internal static async Task<MocRules> RulesInForceAsync(TumourBoardDbContext db, CancellationToken ct) =>
        await db.MocSettings.AsNoTracking().Select(s => s.Rules).SingleOrDefaultAsync(ct) ?? MocRules.Default;

    /// <summary>
    /// The MOC check of each given item of a meeting that was discussed or is under discussion: the meeting's rules (the
    /// rules in force for a meeting started before they were fixed on meetings), its attendance, and the presenter's specialty.
    /// </summary>
    internal static async Task<IReadOnlyDictionary<int, MocResult>> CheckAsync(TumourBoardDbContext db, Meeting meeting,
        IReadOnlyCollection<(AgendaItem Item, Guid? PresenterId)> items, CancellationToken ct)
    {
        var checkable = items.Where(i => i.Item.Status is AgendaItemStatus.Current or AgendaItemStatus.Discussed || i.Item.Discussions.Count > 0).ToList();
        if (checkable.Count == 0)
            return new Dictionary<int, MocResult>();
        var rules = meeting.MocRules ?? await RulesInForceAsync(db, ct);
        var attendance = await db.Attendances.AsNoTracking().Where(a => a.MeetingId == meeting.Id)
            .Select(a => new MocAttendance(a.UserId, a.Role, a.Discipline, db.Users.Any(u => u.Id == a.UserId && u.RizivNumber != null), a.JoinedAtUtc, a.LeftAtUtc))
            .ToListAsync(ct);
        var presenterIds = checkable.Select(i => i.PresenterId).OfType<Guid>().Distinct().ToList();
        var presenters = await db.Users.AsNoTracking().Where(u => presenterIds.Contains(u.Id))
            .Select(u => new
            {
                u.Id, u.Discipline, HoldsNumber = u.RizivNumber != null,
                Role = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).FirstOrDefault(),
            })
            .ToDictionaryAsync(u => u.Id, u => new MocAttendance(u.Id, u.Role ?? "", u.Discipline, u.HoldsNumber, DateTime.MinValue, null), ct);
        return checkable.ToDictionary(i => i.Item.Id, i => MocResult.Check(rules,
            i.Item.Discussions.Select(d => new MocDiscussion(d.StartedAtUtc, d.EndedAtUtc)).ToList(), attendance,
            i.PresenterId is { } p ? presenters.GetValueOrDefault(p) : null));
    }
}

/// <summary>The rules as the settings page edits them, with the row's version (null before the first save).</summary>
public sealed record MocRulesView(MocRules Rules, uint? Version);
