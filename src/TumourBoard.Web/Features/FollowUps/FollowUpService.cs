using Microsoft.EntityFrameworkCore;
using Npgsql;
using TumourBoard.Domain.Cases;
using TumourBoard.Domain.FollowUps;
using TumourBoard.Domain.Meetings;
using TumourBoard.Domain.People;
using TumourBoard.Web.Data;
using TumourBoard.Web.Features.Audit;
using TumourBoard.Web.Features.Cases;
using TumourBoard.Web.Features.Meetings;
using TumourBoard.Web.Features.Notifications;

namespace TumourBoard.Web.Features.FollowUps;

/// <summary>
/// The follow-up of recommendations for the case page, the dashboard, the agenda and the API. Who reports and who reads
/// is asked of <see cref="Access"/>; the rules of a report are the entity's, applied whole or not at all.
/// </summary>
public sealed class FollowUpService(IDbContextFactory<TumourBoardDbContext> dbFactory, AuditTrail audit, TimeProvider time)
{
    private DateTime Now => time.GetUtcNow().UtcDateTime;

    public async Task<FollowUpView> GetAsync(Actor actor, int caseId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var @case = await DiscussedCaseAsync(db, actor, caseId, ct);
        var discussion = await DiscussionAsync(db, caseId, ct);
        // Tracked: the row version is a shadow property, only kept for tracked entities.
        var followUp = await db.FollowUps.Include(f => f.Entries).SingleOrDefaultAsync(f => f.CaseId == caseId, ct);
        var view = await ViewAsync(db, actor, @case, discussion, followUp, ct);
        await audit.RecordAsync(actor, "follow-up.view", "case", caseId, ct: ct);
        return view;
    }

    /// <summary>
    /// Records a report of the submitting centre; refused whole when a part breaks a rule, when the case was not
    /// discussed, or when someone reported since <paramref name="version"/> (when given; 0 when nothing was reported). Returns the entries added:
    /// none when the report repeats what is in force.
    /// </summary>
    public async Task<int> ReportAsync(Actor actor, int caseId, FollowUpReport report, uint? version, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var @case = await DiscussedCaseAsync(db, actor, caseId, ct, demandWrite: true);
        var followUp = await db.FollowUps.Include(f => f.Entries).SingleOrDefaultAsync(f => f.CaseId == caseId, ct);
        var now = Now;
        // Version 0 was read while nothing was reported: a report made since makes this one stale, like a changed version.
        if (version is { } read && (followUp is null ? read != 0 : read == 0))
            throw new DbUpdateConcurrencyException("The follow-up was reported by someone else in the meantime.");
        if (followUp is null)
        {
            var discussion = await DiscussionAsync(db, caseId, ct);
            followUp = CaseFollowUp.Start(caseId, @case.CentreId, discussion.ItemId, discussion.View.DiscussedOn, discussion.View.TrialReferral, now);
            db.FollowUps.Add(followUp);
        }
        else if (version is { } expected)
            db.ExpectVersion(followUp, expected);

        var added = followUp.Record(report, actor.UserId, now, BoardTime.DateOf(now));
        if (added.Count == 0)
            return 0;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await db.SaveChangesAsync(ct);
            foreach (var entry in added)
                audit.Add(db, actor, AuditActionOf(entry.Kind), "case", caseId);
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Two first reports of the same case at once: the other one is in; this one is refused like any stale save.
            throw new DbUpdateConcurrencyException("The follow-up was reported by someone else in the meantime.", ex);
        }
        await tx.CommitAsync(ct);
        return added.Count;
    }

    /// <summary>
    /// Milestones due or overdue of the discussed cases of a centre (default: the actor's own; national actors without a
    /// centre: every centre), overdue first.
    /// </summary>
    public async Task<IReadOnlyList<DueFollowUp>> DueAsync(Actor actor, string? centreCode = null, CancellationToken ct = default)
    {
        Access.Demand(Access.CanSeeFollowUps(actor));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var centreId = actor.CentreId;
        if (!string.IsNullOrWhiteSpace(centreCode))
        {
            var code = centreCode.Trim().ToUpperInvariant();
            // PostgreSQL refuses a NUL in text: a code no centre can have is not looked up.
            centreId = code.Length > 20 || code.Any(char.IsControl) ? null
                : await db.Centres.Where(c => c.Code == code).Select(c => (int?)c.Id).SingleOrDefaultAsync(ct);
            if (centreId is null)
                throw new TumourBoard.Domain.DomainException("FollowUp.CentreNotFound", "There is no centre with this code.");
        }
        var now = Now;
        var open = await OpenAsync(db, centreId, now, ct);
        var today = BoardTime.DateOf(now);
        return open.SelectMany(o => DueOf(o, null, today))
            .OrderByDescending(d => d.State == MilestoneState.Overdue).ThenBy(d => d.Dates.DueBy).ThenBy(d => d.CaseCode, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// Tells each submitting centre of the milestones that fell due (or are overdue) since it was last told: every
    /// milestone once. An advisory lock keeps two instances from telling twice. Returns the milestones told of.
    /// </summary>
    public async Task<int> NotifyDueAsync(DateTime nowUtc, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(74203)", ct);
        var today = BoardTime.DateOf(nowUtc);
        var open = await OpenAsync(db, null, nowUtc, ct);
        var told = (await db.Notifications.Where(n => n.Kind == NotificationKind.FollowUpDue).Select(n => new { n.CaseId, n.Milestone }).Distinct().ToListAsync(ct))
            .Select(n => (n.CaseId, n.Milestone)).ToHashSet();
        var count = 0;
        foreach (var o in open)
        {
            foreach (var due in DueOf(o, null, today).Where(d => !told.Contains((d.CaseId, d.Milestone))))
            {
                await NotificationService.AddFollowUpDueAsync(db, o.CentreId, o.MeetingId, o.CaseId, due.Milestone, nowUtc, ct);
                count++;
            }
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return count;
    }

    /// <summary>The follow-up section of a meeting's agenda (<see cref="FollowUpAgenda"/>).</summary>
    public async Task<FollowUpAgenda> ForMeetingAsync(Actor actor, int meetingId, CancellationToken ct = default)
    {
        Access.Demand(Access.CanSeeMeetings(actor) && Access.CanSeeFollowUps(actor));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var meeting = await db.Meetings.AsNoTracking().SingleOrDefaultAsync(m => m.Id == meetingId, ct) ?? throw new MeetingNotFoundException();
        return await AgendaAsync(db, meeting, Now, ct);
    }

    /// <summary>
    /// The follow-up section of a meeting as it stood when the meeting began (its actual start, or its planned one):
    /// reports after the previous meeting began, and what was overdue then. Before the meeting, it stands as of now;
    /// once the meeting began it no longer changes, so the minutes print what the board was shown.
    /// </summary>
    internal static async Task<FollowUpAgenda> AgendaAsync(TumourBoardDbContext db, Meeting meeting, DateTime nowUtc, CancellationToken ct)
    {
        var since = await db.Meetings.Where(m => m.StartsAtUtc < meeting.StartsAtUtc && m.Status != MeetingStatus.Cancelled)
            .OrderByDescending(m => m.StartsAtUtc).Select(m => (DateTime?)(m.StartedAtUtc ?? m.StartsAtUtc)).FirstOrDefaultAsync(ct);
        var began = meeting.StartedAtUtc ?? meeting.StartsAtUtc;
        var until = began < nowUtc ? began : nowUtc;

        var entries = await db.FollowUpEntries.AsNoTracking()
            .Where(e => e.ReportedAtUtc <= until && (since == null || e.ReportedAtUtc > since))
            .Join(db.FollowUps, e => e.FollowUpId, f => f.Id, (e, f) => new { Entry = e, f.CaseId, f.DiscussedOn })
            .Join(db.Cases, x => x.CaseId, c => c.Id, (x, c) => new { x.Entry, x.CaseId, x.DiscussedOn, c.Code, c.CentreId, c.DiagnosisLabel })
            .ToListAsync(ct);
        var names = await NamesAsync(db, entries.Select(e => e.Entry.ReportedById), ct);
        var centres = await db.Centres.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Code, ct);
        var reported = entries
            .OrderBy(e => e.Code, StringComparer.Ordinal).ThenBy(e => e.Entry.Sequence)
            .Select(e => new ReportedFollowUp(e.CaseId, e.Code, centres[e.CentreId], e.DiagnosisLabel, e.DiscussedOn, EntryView(e.Entry, names)))
            .ToList();

        var asOf = BoardTime.DateOf(until);
        var open = await OpenAsync(db, null, until, ct);
        var overdue = open.SelectMany(o => DueOf(o, until, asOf)).Where(d => d.State == MilestoneState.Overdue)
            .OrderBy(d => d.CentreCode, StringComparer.Ordinal).ThenBy(d => d.Dates.DueBy).ThenBy(d => d.CaseCode, StringComparer.Ordinal)
            .ToList();
        return new FollowUpAgenda(since, until, reported, overdue);
    }

    private sealed record OpenFollowUp(int CaseId, string CaseCode, int CentreId, string CentreCode, string DiagnosisLabel, int MeetingId, DateOnly DiscussedOn, CaseFollowUp? FollowUp);

    /// <summary>
    /// The discussed cases (of a centre, or all) whose follow-up may still ask for something at <paramref name="asOfUtc"/>:
    /// no follow-up yet, or one not complete then. A follow-up complete now and unchanged since was complete then too.
    /// </summary>
    private static async Task<IReadOnlyList<OpenFollowUp>> OpenAsync(TumourBoardDbContext db, int? centreId, DateTime asOfUtc, CancellationToken ct)
    {
        var discussed = await db.AgendaItems.AsNoTracking()
            .Where(i => i.Status == AgendaItemStatus.Discussed && i.Recommendation!.RecordedAtUtc <= asOfUtc)
            .Join(db.Cases.Where(c => c.Status == CaseStatus.Discussed && (centreId == null || c.CentreId == centreId)), i => i.CaseId, c => c.Id,
                (i, c) => new { c.Id, c.Code, c.CentreId, c.DiagnosisLabel, i.MeetingId, i.Recommendation!.RecordedAtUtc })
            .Where(x => !db.FollowUps.Any(f => f.CaseId == x.Id && f.IsComplete && f.UpdatedAtUtc <= asOfUtc))
            .ToListAsync(ct);
        var caseIds = discussed.Select(d => d.Id).ToList();
        var followUps = await OfCasesAsync(db, caseIds, ct);
        var centres = await db.Centres.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Code, ct);
        return discussed.Select(d => new OpenFollowUp(d.Id, d.Code, d.CentreId, centres[d.CentreId], d.DiagnosisLabel, d.MeetingId, BoardTime.DateOf(d.RecordedAtUtc),
                followUps.GetValueOrDefault(d.Id)))
            .ToList();
    }

    /// <summary>The follow-ups of these cases with their entries, by case (a case nobody reported on has none).</summary>
    internal static Task<Dictionary<int, CaseFollowUp>> OfCasesAsync(TumourBoardDbContext db, IReadOnlyCollection<int> caseIds, CancellationToken ct) =>
        db.FollowUps.AsNoTracking().Include(f => f.Entries).Where(f => caseIds.Contains(f.CaseId)).ToDictionaryAsync(f => f.CaseId, ct);

    /// <summary>The milestones of a follow-up that were due or overdue on <paramref name="day"/>, from what was reported until <paramref name="asOfUtc"/> (default: now).</summary>
    private static IEnumerable<DueFollowUp> DueOf(OpenFollowUp o, DateTime? asOfUtc, DateOnly day) =>
        FollowUpSchedule.Assess(o.FollowUp?.Facts(asOfUtc) ?? FollowUpFacts.NothingReported(o.DiscussedOn), day)
            .Where(s => s.IsOpen)
            .Select(s => new DueFollowUp(o.CaseId, o.CaseCode, o.CentreCode, o.DiagnosisLabel, o.DiscussedOn, s.Milestone, s.Dates, s.State));

    private sealed record CaseFacts(int Id, string Code, int CentreId, string CentreCode, CaseStatus Status);

    /// <summary>The case as the actor may know it: not found (another centre's draft), refused, or not discussed yet.</summary>
    private static async Task<CaseFacts> DiscussedCaseAsync(TumourBoardDbContext db, Actor actor, int caseId, CancellationToken ct, bool demandWrite = false)
    {
        var @case = await db.Cases.AsNoTracking().Where(c => c.Id == caseId)
            .Select(c => new CaseFacts(c.Id, c.Code, c.CentreId, db.Centres.Where(x => x.Id == c.CentreId).Select(x => x.Code).First(), c.Status))
            .SingleOrDefaultAsync(ct);
        if (@case is null || !Access.CanKnowOfCase(actor, @case.CentreId, @case.Status))
            throw new CaseNotFoundException();
        Access.Demand(Access.CanSeeCase(actor, @case.CentreId, @case.Status) && Access.CanSeeFollowUps(actor));
        if (demandWrite)
            Access.Demand(Access.CanReportFollowUp(actor, @case.CentreId));
        if (@case.Status != CaseStatus.Discussed)
            throw new CaseNotDiscussedException();
        return @case;
    }

    private sealed record Discussion(int ItemId, DiscussionView View);

    private static async Task<Discussion> DiscussionAsync(TumourBoardDbContext db, int caseId, CancellationToken ct)
    {
        var row = await db.AgendaItems.AsNoTracking()
            .Where(i => i.CaseId == caseId && i.Status == AgendaItemStatus.Discussed)
            .Join(db.Meetings, i => i.MeetingId, m => m.Id, (i, m) => new
            {
                i.Id, i.MeetingId, m.Title, m.StartsAtUtc, i.Recommendation!.RecordedAtUtc, i.Recommendation.OptionId, i.Recommendation.Text, i.Recommendation.TrialReferral,
            })
            .SingleOrDefaultAsync(ct) ?? throw new CaseNotDiscussedException();
        var option = row.OptionId is { } optionId
            ? await db.Set<TreatmentOption>().Where(o => o.Id == optionId).Select(o => o.Label).SingleOrDefaultAsync(ct)
            : null;
        return new Discussion(row.Id, new DiscussionView(row.MeetingId, row.Title, row.StartsAtUtc, BoardTime.DateOf(row.RecordedAtUtc), option, row.Text, row.TrialReferral));
    }

    private async Task<FollowUpView> ViewAsync(TumourBoardDbContext db, Actor actor, CaseFacts @case, Discussion discussion, CaseFollowUp? followUp, CancellationToken ct)
    {
        var entries = followUp?.Entries ?? [];
        var names = await NamesAsync(db, entries.Select(e => e.ReportedById), ct);
        var facts = followUp?.Facts() ?? FollowUpFacts.NothingReported(discussion.View.DiscussedOn);
        var milestones = FollowUpSchedule.Assess(facts, BoardTime.DateOf(Now))
            .Select(s => new MilestoneView(s.Milestone, s.Dates, s.State, followUp?.Current(s.Milestone) is { } current ? EntryView(current, names) : null))
            .ToList();
        return new FollowUpView(@case.Id, @case.Code, @case.CentreId, @case.CentreCode, discussion.View, milestones,
            entries.Select(e => EntryView(e, names)).ToList(), Access.CanReportFollowUp(actor, @case.CentreId),
            followUp is null ? 0 : db.VersionOf(followUp));
    }

    private static FollowUpEntryView EntryView(FollowUpEntry e, IReadOnlyDictionary<Guid, string> names) =>
        new(e.Sequence, e.Milestone, e.Kind, e.Outcome, e.Reason, e.Detail, e.Response, e.AssessedOn, e.CorrectionReason,
            names.GetValueOrDefault(e.ReportedById), e.ReportedAtUtc);

    private static async Task<IReadOnlyDictionary<Guid, string>> NamesAsync(TumourBoardDbContext db, IEnumerable<Guid> userIds, CancellationToken ct)
    {
        var ids = userIds.Distinct().ToList();
        return ids.Count == 0 ? new Dictionary<Guid, string>() : await db.Users.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
    }

    private static string AuditActionOf(FollowUpEntryKind kind) => kind switch
    {
        FollowUpEntryKind.Corrected => "follow-up.correct",
        FollowUpEntryKind.Withdrawn => "follow-up.withdraw",
        _ => "follow-up.report",
    };
}
