using Microsoft.EntityFrameworkCore;
using TumourBoard.Domain;
using TumourBoard.Domain.Cases;
using TumourBoard.Domain.Common;
using TumourBoard.Domain.Meetings;
using TumourBoard.Domain.People;
using TumourBoard.Web.Data;
using TumourBoard.Web.Features.Audit;
using TumourBoard.Web.Features.Notifications;
using TumourBoard.Web.Features.Realtime;

namespace TumourBoard.Web.Features.Meetings;

/// <summary>
/// Meetings and their agendas, for the pages and the API. Every change runs in one transaction with its audit entry
/// and its NOTIFY, so whoever watches the agenda hears of a change exactly when it is committed.
/// </summary>
public sealed class MeetingService(
    IDbContextFactory<TumourBoardDbContext> dbFactory,
    AuditTrail audit,
    NotificationService notifications,
    Microsoft.Extensions.Options.IOptions<Infrastructure.LiveBoardOptions> room,
    TimeProvider time)
{
    private const string NotDeferredReason = "Agenda.NotReached";

    /// <summary>Upcoming meetings first in time order, or past meetings latest first.</summary>
    public async Task<IReadOnlyList<MeetingSummary>> ListAsync(Actor actor, bool upcoming, DateTime nowUtc, int take = 50, CancellationToken ct = default)
    {
        Access.Demand(Access.CanSeeMeetings(actor));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Meetings.AsNoTracking();
        // A meeting in progress stays "upcoming" until it is closed, even when it runs late.
        query = upcoming
            ? query.Where(m => m.StartsAtUtc.AddMinutes(m.DurationMinutes) >= nowUtc || m.Status == MeetingStatus.InProgress).OrderBy(m => m.StartsAtUtc)
            : query.Where(m => m.StartsAtUtc.AddMinutes(m.DurationMinutes) < nowUtc && m.Status != MeetingStatus.InProgress).OrderByDescending(m => m.StartsAtUtc);
        return await Summaries(db, query.Take(take)).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<MeetingSummary>> ListBetweenAsync(Actor actor, DateTime fromUtc, DateTime toUtc, CancellationToken ct = default)
    {
        Access.Demand(Access.CanSeeMeetings(actor));
        if (toUtc < fromUtc || toUtc - fromUtc > TimeSpan.FromDays(400))
            throw new DomainException("Meeting.RangeInvalid", "Ask for a period of at most 400 days, 'from' before 'to'.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Summaries(db, db.Meetings.AsNoTracking().Where(m => m.StartsAtUtc >= fromUtc && m.StartsAtUtc < toUtc).OrderBy(m => m.StartsAtUtc))
            .ToListAsync(ct);
    }

    public async Task<MeetingDetails> GetAsync(Actor actor, int id, CancellationToken ct = default)
    {
        Access.Demand(Access.CanSeeMeetings(actor));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Tracked, not AsNoTracking: the row version is a shadow property, only kept for tracked entities.
        var meeting = await db.Meetings.Include(m => m.Items).SingleOrDefaultAsync(m => m.Id == id, ct)
            ?? throw new MeetingNotFoundException();
        var version = db.VersionOf(meeting);
        var caseIds = meeting.Items.Select(i => i.CaseId).ToList();
        var cases = await db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id))
            .Select(c => new { c.Id, c.Code, c.CentreId, Centre = db.Centres.Where(x => x.Id == c.CentreId).Select(x => x.Code).First(), c.DiagnosisLabel, c.Urgency, c.DiseaseStatus })
            .ToDictionaryAsync(c => c.Id, ct);
        var people = meeting.Items.Select(i => i.PresenterId).Append(meeting.ChairId).Append(meeting.SecretaryId).OfType<Guid>().Distinct().ToList();
        var names = await db.Users.Where(u => people.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        string? NameOf(Guid? userId) => userId is { } u && names.TryGetValue(u, out var n) ? n : null;

        var items = meeting.Schedule().Select(s =>
        {
            var c = cases[s.Item.CaseId];
            return new AgendaItemView(s.Item.Id, c.Id, c.Code, c.CentreId, c.Centre, c.DiagnosisLabel, c.Urgency, c.DiseaseStatus, s.Item.Position, s.Item.Minutes,
                s.Item.PresenterId, NameOf(s.Item.PresenterId), s.StartsAtUtc, s.Item.Status, s.Item.IsLateAddition, s.Item.IsCarriedOver, s.Item.DeferralReason);
        }).ToList();
        return new MeetingDetails(meeting.Id, meeting.Kind, meeting.Title, meeting.StartsAtUtc, meeting.DurationMinutes, meeting.Status, meeting.Language,
            meeting.VideoLink, meeting.ChairId, NameOf(meeting.ChairId), meeting.SecretaryId, NameOf(meeting.SecretaryId), meeting.CancellationReason,
            items, meeting.AgendaMinutes, meeting.RunsOverTime,
            Access.CanPrepareAgenda(actor) && meeting.Status == MeetingStatus.Planned,
            Access.CanManageMeetings(actor) && meeting.Status == MeetingStatus.AgendaPublished,
            Access.CanManageMeetings(actor) && meeting.Status is MeetingStatus.Planned or MeetingStatus.AgendaPublished,
            version, meeting.VotingMode, meeting.Quorum);
    }

    /// <summary>Submitted (or deferred) cases that are on no open agenda, for the agenda editor.</summary>
    public async Task<IReadOnlyList<AvailableCase>> AvailableCasesAsync(Actor actor, CancellationToken ct = default)
    {
        Access.Demand(Access.CanPrepareAgenda(actor));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Cases.AsNoTracking()
            .Where(c => c.Status == CaseStatus.Submitted || c.Status == CaseStatus.Deferred)
            .OrderByDescending(c => c.Urgency == Urgency.Urgent).ThenBy(c => c.SubmittedAtUtc)
            .Select(c => new { c.Id, c.Code, c.CentreId, Centre = db.Centres.Where(x => x.Id == c.CentreId).Select(x => x.Code).First(), c.DiagnosisLabel, c.Urgency, c.DiseaseStatus, c.Status, c.PresenterId, c.SubmittedAtUtc })
            .ToListAsync(ct);
        return rows.Select(c => new AvailableCase(c.Id, c.Code, c.CentreId, c.Centre, c.DiagnosisLabel, c.Urgency, c.DiseaseStatus, c.Status,
            AgendaRules.DefaultMinutes(c.DiseaseStatus, c.Urgency), c.PresenterId, c.SubmittedAtUtc)).ToList();
    }

    /// <summary>Clinicians of a centre, who may present its cases.</summary>
    public async Task<IReadOnlyList<PersonOption>> PresentersAsync(Actor actor, int centreId, CancellationToken ct = default)
    {
        Access.Demand(Access.CanSeeMeetings(actor));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await PeopleInRoles(db, Roles.Clinician).Where(u => u.CentreId == centreId).OrderBy(u => u.DisplayName)
            .Select(u => new PersonOption(u.Id, u.DisplayName, null)).ToListAsync(ct);
    }

    /// <summary>Who may chair (coordinators and clinicians) or be secretary (any board member).</summary>
    public async Task<IReadOnlyList<PersonOption>> BoardPeopleAsync(Actor actor, bool chairsOnly, CancellationToken ct = default)
    {
        Access.Demand(Access.CanSeeMeetings(actor));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var roles = chairsOnly ? new[] { Roles.Coordinator, Roles.Clinician } : [Roles.Coordinator, Roles.Clinician, Roles.DataManager];
        return await PeopleInRoles(db, roles).OrderBy(u => u.DisplayName)
            .Select(u => new PersonOption(u.Id, u.DisplayName, db.Centres.Where(c => c.Id == u.CentreId).Select(c => c.Code).FirstOrDefault()))
            .ToListAsync(ct);
    }

    public async Task<int> AddItemAsync(Actor actor, int meetingId, int caseId, int? minutes, Guid? presenterId, uint? version, CancellationToken ct = default)
    {
        Access.Demand(Access.CanPrepareAgenda(actor));
        var itemId = 0;
        await ChangeAsync(actor, meetingId, version, "agenda.add", async (db, meeting, now) =>
        {
            var @case = await db.Cases.Include(c => c.Events).SingleOrDefaultAsync(c => c.Id == caseId, ct)
                ?? throw new DomainException("Agenda.CaseNotFound", "This case does not exist.");
            if (@case.Status == CaseStatus.Draft)
                throw new DomainException("Agenda.CaseNotFound", "This case does not exist.");
            if (meeting.Holds(@case.Id))
                throw new DomainException("Agenda.CaseAlreadyOn", "This case is already on this agenda.");
            var late = meeting.Status == MeetingStatus.AgendaPublished;
            if (late)
            {
                Access.Demand(Access.CanManageMeetings(actor));
                if (@case.Urgency != Urgency.Urgent)
                    throw new DomainException("Agenda.LateNotUrgent", "After publication only urgent cases can be added.");
            }
            var presenter = presenterId ?? @case.PresenterId;
            await ValidatePresenterAsync(db, @case.CentreId, presenter, ct);
            @case.Schedule(actor.UserId, now, null);
            var item = meeting.AddCase(@case.Id, minutes ?? AgendaRules.DefaultMinutes(@case.DiseaseStatus, @case.Urgency), presenter, lateAddition: late);
            if (late)
                await NotificationService.AddForBoardAsync(db, Notifications.NotificationKind.LateAddition, meeting.Id, now, ct);
            await db.SaveChangesAsync(ct);
            itemId = item.Id;
        }, ct);
        return itemId;
    }

    public Task RemoveItemAsync(Actor actor, int meetingId, int itemId, uint? version, CancellationToken ct = default)
    {
        Access.Demand(Access.CanPrepareAgenda(actor));
        return ChangeAsync(actor, meetingId, version, "agenda.remove", async (db, meeting, now) =>
        {
            // After publication only the coordinator changes the agenda, for removals as for additions.
            Access.Demand(meeting.Status != MeetingStatus.AgendaPublished || Access.CanManageMeetings(actor));
            var item = meeting.RemoveItem(itemId, Access.CanManageMeetings(actor));
            var @case = await db.Cases.Include(c => c.Events).SingleAsync(c => c.Id == item.CaseId, ct);
            @case.Unschedule(actor.UserId, now);
        }, ct);
    }

    public Task ReorderAsync(Actor actor, int meetingId, IReadOnlyList<int> itemIds, uint? version, CancellationToken ct = default)
    {
        Access.Demand(Access.CanPrepareAgenda(actor));
        return ChangeAsync(actor, meetingId, version, "agenda.reorder", (_, meeting, _) =>
        {
            meeting.Reorder(itemIds);
            return Task.CompletedTask;
        }, ct);
    }

    public Task SetItemAsync(Actor actor, int meetingId, int itemId, int minutes, Guid? presenterId, uint? version, CancellationToken ct = default)
    {
        Access.Demand(Access.CanPrepareAgenda(actor));
        return ChangeAsync(actor, meetingId, version, "agenda.item", async (db, meeting, _) =>
        {
            var item = meeting.Item(itemId);
            if (item.Minutes != minutes)
                meeting.SetItemMinutes(itemId, minutes);
            if (item.PresenterId != presenterId)
            {
                var centreId = await db.Cases.Where(c => c.Id == item.CaseId).Select(c => c.CentreId).SingleAsync(ct);
                await ValidatePresenterAsync(db, centreId, presenterId, ct);
                meeting.SetItemPresenter(itemId, presenterId);
            }
        }, ct);
    }

    public async Task PublishAsync(Actor actor, int meetingId, uint? version, CancellationToken ct = default)
    {
        Access.Demand(Access.CanManageMeetings(actor));
        await ChangeAsync(actor, meetingId, version, "agenda.publish", async (db, meeting, now) =>
        {
            meeting.PublishAgenda(now);
            await NotificationService.AddForBoardAsync(db, Notifications.NotificationKind.AgendaPublished, meeting.Id, now, ct);
        }, ct);
        await notifications.MailAgendaAsync(meetingId, ct);
    }

    /// <summary>Cancels a meeting; its cases go back to waiting for the next one.</summary>
    public Task CancelAsync(Actor actor, int meetingId, string reason, uint? version, CancellationToken ct = default)
    {
        Access.Demand(Access.CanManageMeetings(actor));
        return ChangeAsync(actor, meetingId, version, "meeting.cancel", async (db, meeting, now) =>
        {
            meeting.Cancel(reason);
            foreach (var item in meeting.Items)
            {
                var @case = await db.Cases.Include(c => c.Events).SingleAsync(c => c.Id == item.CaseId, ct);
                @case.Unschedule(actor.UserId, now, "Meeting cancelled");
                db.AgendaItems.Remove(item);
            }
            await NotificationService.AddForBoardAsync(db, Notifications.NotificationKind.MeetingCancelled, meeting.Id, now, ct);
        }, ct);
    }

    public Task AssignRolesAsync(Actor actor, int meetingId, Guid? chairId, Guid? secretaryId, uint? version, CancellationToken ct = default)
    {
        Access.Demand(Access.CanManageMeetings(actor));
        return ChangeAsync(actor, meetingId, version, "meeting.roles", async (db, meeting, _) =>
        {
            if (chairId is { } chair && !await PeopleInRoles(db, Roles.Coordinator, Roles.Clinician).AnyAsync(u => u.Id == chair, ct))
                throw new DomainException("Meeting.ChairInvalid", "The chair is an active coordinator or clinician.");
            if (secretaryId is { } secretary && !await PeopleInRoles(db, Roles.Coordinator, Roles.Clinician, Roles.DataManager).AnyAsync(u => u.Id == secretary, ct))
                throw new DomainException("Meeting.SecretaryInvalid", "The secretary is an active member of the board.");
            meeting.AssignRoles(chairId, secretaryId);
        }, ct);
    }

    public async Task<int> CreateExtraAsync(Actor actor, DateTime startsAtUtc, int durationMinutes, string? title, BoardLanguage language, string? videoLink, CancellationToken ct = default)
    {
        Access.Demand(Access.CanManageMeetings(actor));
        var now = time.GetUtcNow().UtcDateTime;
        if (startsAtUtc < now.AddMinutes(-5))
            throw new DomainException("Meeting.InThePast", "An extra meeting is planned in the future.");
        var meeting = Meeting.Extra(DateTime.SpecifyKind(startsAtUtc, DateTimeKind.Utc), durationMinutes, title, language, videoLink, actor.UserId);
        meeting.ConfigureRoom(room.Value.VotingMode, room.Value.Quorum);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync(ct);
        audit.Add(db, actor, "meeting.create", "meeting", meeting.Id);
        await PostgresEventRelay.NotifyAsync(db, new BoardEvent(BoardEventTypes.MeetingChanged, meeting.Id, null, now), ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return meeting.Id;
    }

    /// <summary>Sets the voting mode and quorum of a meeting that has not started (Coordinator).</summary>
    public Task ConfigureRoomAsync(Actor actor, int meetingId, TumourBoard.Domain.LiveBoard.VotingMode mode, TumourBoard.Domain.LiveBoard.QuorumRules quorum, uint? version, CancellationToken ct = default)
    {
        Access.Demand(Access.CanManageMeetings(actor));
        return ChangeAsync(actor, meetingId, version, "meeting.room", (_, meeting, _) =>
        {
            meeting.ConfigureRoom(mode, quorum);
            return Task.CompletedTask;
        }, ct);
    }

    /// <summary>
    /// Defers an item (time ran out, presenter absent): the case carries over to the top of the next meeting's agenda,
    /// as a late addition when that agenda is already published. Its history keeps both steps.
    /// </summary>
    public Task DeferItemAsync(Actor actor, int meetingId, int itemId, string reason, CancellationToken ct = default) =>
        ChangeAsync(actor, meetingId, null, "agenda.defer", async (db, meeting, now) =>
        {
            Access.Demand(Access.CanChair(actor, meeting.ChairId));
            if (meeting.Status is not (MeetingStatus.AgendaPublished or MeetingStatus.InProgress))
                throw new DomainException("Agenda.CannotDefer", "Cases are deferred from a published agenda or during the meeting.");
            var item = meeting.DeferItem(itemId, reason);
            await CarryOverAsync(db, meeting, item, actor, now, ct);
        }, ct);

    /// <summary>After a meeting closed: every case it did not reach goes to the top of the next meeting.</summary>
    public Task CarryOverNotReachedAsync(Actor actor, int meetingId, CancellationToken ct = default) =>
        ChangeAsync(actor, meetingId, null, "agenda.carry-over", async (db, meeting, now) =>
        {
            var caseIds = meeting.Items.Where(i => i.Status == AgendaItemStatus.Deferred).Select(i => i.CaseId).ToList();
            var stillScheduled = await db.Cases.Where(c => caseIds.Contains(c.Id) && c.Status == CaseStatus.Scheduled).Select(c => c.Id).ToListAsync(ct);
            foreach (var item in meeting.Items.Where(i => stillScheduled.Contains(i.CaseId)))
                await CarryOverAsync(db, meeting, item, actor, now, ct);
        }, ct);

    public async Task<ScheduleView?> GetScheduleAsync(Actor actor, CancellationToken ct = default)
    {
        Access.Demand(Access.CanSeeMeetings(actor));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var schedule = await db.WeeklySchedules.OrderBy(s => s.Id).FirstOrDefaultAsync(ct);
        return schedule is null ? null : new ScheduleView(schedule.Day, schedule.StartTime, schedule.DurationMinutes, schedule.Language, schedule.VideoLink,
            schedule.DefaultChairId, db.VersionOf(schedule));
    }

    /// <summary>
    /// Sets the weekly slot. Future weekly meetings that nobody has prepared yet move to the new slot; meetings with an
    /// agenda keep their time (the coordinator moves or cancels them).
    /// </summary>
    public async Task SaveScheduleAsync(Actor actor, DayOfWeek day, TimeOnly start, int duration, BoardLanguage language, string? videoLink, Guid? defaultChairId, uint? version, CancellationToken ct = default)
    {
        Access.Demand(Access.CanManageSchedule(actor));
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(74201)", ct);
        var schedule = await db.WeeklySchedules.OrderBy(s => s.Id).FirstOrDefaultAsync(ct);
        if (schedule is null)
            db.WeeklySchedules.Add(new WeeklySchedule(day, start, duration, language, videoLink, defaultChairId));
        else
        {
            if (version is { } v)
                db.ExpectVersion(schedule, v);
            schedule.Change(day, start, duration, language, videoLink, defaultChairId);
        }
        // Planned weekly meetings move to the new slot of their week, keeping their identity: links, calendar
        // entries and chosen chair or secretary stay valid. Published ones keep their time (the coordinator decides).
        var current = schedule ?? db.WeeklySchedules.Local.Single();
        var planned = await db.Meetings.Where(m => m.Kind == MeetingKind.Weekly && m.Status == MeetingStatus.Planned && m.StartsAtUtc > now).ToListAsync(ct);
        foreach (var meeting in planned)
        {
            var slot = current.SlotInWeekOf(meeting.StartsAtUtc);
            if (slot != meeting.StartsAtUtc || meeting.DurationMinutes != current.DurationMinutes)
                meeting.Retime(slot > now ? slot : meeting.StartsAtUtc, current.DurationMinutes);
        }
        audit.Add(db, actor, "schedule.change", "schedule", null);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        await EnsureWeeklyMeetingsAsync(now, ct);
    }

    /// <summary>
    /// Creates the weekly meetings of the next weeks that do not exist yet. An advisory lock keeps two instances from
    /// creating the same meeting twice.
    /// </summary>
    public async Task<int> EnsureWeeklyMeetingsAsync(DateTime nowUtc, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var schedule = await db.WeeklySchedules.AsNoTracking().OrderBy(s => s.Id).FirstOrDefaultAsync(ct);
        if (schedule is null)
            return 0;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(74201)", ct);
        var existing = await db.Meetings
            .Where(m => m.Kind == MeetingKind.Weekly && m.StartsAtUtc >= nowUtc.AddDays(-1))
            .Select(m => m.StartsAtUtc)
            .ToListAsync(ct);
        var missing = schedule.MissingMeetings(nowUtc, existing);
        foreach (var meeting in missing)
            meeting.ConfigureRoom(room.Value.VotingMode, room.Value.Quorum);
        db.Meetings.AddRange(missing);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return missing.Count;
    }

    private async Task CarryOverAsync(TumourBoardDbContext db, Meeting from, AgendaItem item, Actor actor, DateTime now, CancellationToken ct)
    {
        var @case = await db.Cases.Include(c => c.Events).SingleAsync(c => c.Id == item.CaseId, ct);
        @case.Defer(actor.UserId, now, item.DeferralReason ?? NotDeferredReason);
        var next = await db.Meetings.Include(m => m.Items)
            .Where(m => m.Id != from.Id && m.StartsAtUtc > from.StartsAtUtc && (m.Status == MeetingStatus.Planned || m.Status == MeetingStatus.AgendaPublished))
            .OrderBy(m => m.StartsAtUtc).FirstOrDefaultAsync(ct);
        if (next is null)
            return; // No meeting planned yet: the case waits as deferred, at the top of the editor's list.
        // The deferred item leaves the open-agenda index before the case joins the next agenda.
        await db.SaveChangesAsync(ct);
        next.AddCase(@case.Id, item.Minutes, item.PresenterId, lateAddition: next.Status == MeetingStatus.AgendaPublished, carriedOver: true);
        @case.Schedule(actor.UserId, now, $"Carried over from the meeting of {BoardTime.ToLocal(from.StartsAtUtc):yyyy-MM-dd}");
        await PostgresEventRelay.NotifyAsync(db, new BoardEvent(BoardEventTypes.AgendaChanged, next.Id, null, now), ct);
    }

    private async Task ChangeAsync(Actor actor, int meetingId, uint? version, string action, Func<TumourBoardDbContext, Meeting, DateTime, Task> change, CancellationToken ct)
    {
        Access.Demand(Access.CanSeeMeetings(actor));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var meeting = await db.Meetings.Include(m => m.Items).SingleOrDefaultAsync(m => m.Id == meetingId, ct)
            ?? throw new MeetingNotFoundException();
        if (version is { } expected)
            db.ExpectVersion(meeting, expected);
        var now = time.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await change(db, meeting, now);
            audit.Add(db, actor, action, "meeting", meeting.Id);
            await PostgresEventRelay.NotifyAsync(db, new BoardEvent(BoardEventTypes.AgendaChanged, meeting.Id, null, now), ct);
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            // Someone put the same case on another agenda at the same moment; the database kept it on one.
            throw new DomainException("Agenda.CaseNotSubmitted", "This case is already on another meeting's agenda.");
        }
        await tx.CommitAsync(ct);
    }

    private static async Task ValidatePresenterAsync(TumourBoardDbContext db, int centreId, Guid? presenterId, CancellationToken ct)
    {
        if (presenterId is { } id && !await PeopleInRoles(db, Roles.Clinician).AnyAsync(u => u.Id == id && u.CentreId == centreId, ct))
            throw new DomainException("Agenda.PresenterInvalid", "The presenter is an active clinician of the case's centre.");
    }

    private static IQueryable<AppUser> PeopleInRoles(TumourBoardDbContext db, params string[] roles) =>
        db.Users.Where(u => u.IsActive && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && roles.Contains(r.Name!))));

    private static IQueryable<MeetingSummary> Summaries(TumourBoardDbContext db, IQueryable<Meeting> meetings) =>
        meetings.Select(m => new MeetingSummary(m.Id, m.Kind, m.Title, m.StartsAtUtc, m.DurationMinutes, m.Status,
            db.Users.Where(u => u.Id == m.ChairId).Select(u => u.DisplayName).FirstOrDefault(), m.Items.Count));
}
