using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;
using TumourBoard.Domain;
using TumourBoard.Domain.Cases;
using TumourBoard.Domain.Diagnoses;
using TumourBoard.Domain.LiveBoard;
using TumourBoard.Domain.Meetings;
using TumourBoard.Domain.Minutes;
using TumourBoard.Domain.Moc;
using TumourBoard.Domain.People;
using TumourBoard.Web.Data;
using TumourBoard.Web.Features.Audit;
using TumourBoard.Web.Features.Meetings;
using TumourBoard.Web.Features.Moc;
using TumourBoard.Web.Features.Realtime;
using TumourBoard.Web.Infrastructure;

namespace TumourBoard.Web.Features.LiveBoard;

/// <summary>
/// The meeting room: presence, the chair's moves, voting and recommendations. Every state lives in PostgreSQL and
/// every change sends its event in the same transaction; a vote is confirmed only once committed. Reads, joining,
/// leaving and votes give the same result however often they run, so they are run again when the database connection
/// fails (<see cref="DatabaseRetry"/>); the chair's moves are not.
/// </summary>
public sealed class LiveBoardService(
    IDbContextFactory<TumourBoardDbContext> dbFactory,
    MeetingService meetings,
    AuditTrail audit,
    TimeProvider time,
    DatabaseRetry retry,
    InstancePresence presence,
    IOptions<LiveBoardOptions> options)
{
    /// <summary>A connection not refreshed for this long no longer counts as present (its instance is gone, or it left unrecorded).</summary>
    private TimeSpan PresenceTimeout => TimeSpan.FromSeconds(options.Value.PresenceTimeoutSeconds);

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    public Task<RoomState> RoomAsync(Actor actor, int meetingId, int? viewItemId = null, CancellationToken ct = default) =>
        retry.IdempotentAsync(() => RoomOnceAsync(actor, meetingId, viewItemId, ct), ct);

    private async Task<RoomState> RoomOnceAsync(Actor actor, int meetingId, int? viewItemId, CancellationToken ct)
    {
        Access.Demand(Access.CanSeeMeetings(actor));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var meeting = await db.Meetings.AsNoTracking().Include(m => m.Items).SingleOrDefaultAsync(m => m.Id == meetingId, ct)
            ?? throw new MeetingNotFoundException();
        var now = Now;
        var caseIds = meeting.Items.Select(i => i.CaseId).ToList();
        var cases = await db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id))
            .Select(c => new { c.Id, c.Code, c.DiagnosisLabel, Centre = db.Centres.Where(x => x.Id == c.CentreId).Select(x => x.Code).First() })
            .ToDictionaryAsync(c => c.Id, ct);
        var presenterIds = meeting.Items.Select(i => i.PresenterId).OfType<Guid>().Distinct().ToList();
        var names = await db.Users.Where(u => presenterIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var items = meeting.Items.Select(i => new RoomItem(i.Id, i.Position, i.CaseId, cases[i.CaseId].Code, cases[i.CaseId].Centre, cases[i.CaseId].DiagnosisLabel,
            i.Minutes, i.SecondsUsed(now), i.Status, i.VotingStatus, i.PresenterId is { } p && names.TryGetValue(p, out var n) ? n : null, i.IsLateAddition)).ToList();

        var present = await PresentAsync(db, meetingId, ct);
        var quorum = QuorumState.Of(meeting.Quorum, present.Select(p => new Participant(p.UserId, p.Role, p.CentreId, p.Discipline)));
        var viewedId = viewItemId ?? meeting.CurrentItemId;
        var viewed = viewedId is { } vid ? meeting.Items.SingleOrDefault(i => i.Id == vid) : null;
        RoomCase? roomCase = null;
        TallyView? tally = null;
        Vote? mine = null;
        MocResult? moc = null;
        if (viewed is not null)
        {
            var c = await db.Cases.AsNoTracking().Include(x => x.Options).SingleAsync(x => x.Id == viewed.CaseId, ct);
            // As presence changes the room is read again, so the check of the case under discussion follows it.
            (await MocService.CheckAsync(db, meeting, [(viewed, viewed.PresenterId ?? c.PresenterId)], ct)).TryGetValue(viewed.Id, out moc);
            var centreName = await db.Centres.Where(x => x.Id == c.CentreId).Select(x => x.Name).SingleAsync(ct);
            roomCase = new RoomCase(c.Id, c.Code, centreName, c.Snapshot(), c.Iccc3Subgroup,
                c.Options.Select(o => new RoomOption(o.Id, o.Position, o.Label, o.Detail, o.Trial, o.AddedInDiscussion)).ToList());
            tally = await TallyOfAsync(db, meeting, viewed, ct);
            mine = await db.Votes.AsNoTracking().SingleOrDefaultAsync(v => v.AgendaItemId == viewed.Id && v.VoterId == actor.UserId, ct);
        }
        var r = viewed?.Recommendation;
        return new RoomState(meeting.Id, meeting.Title, meeting.StartsAtUtc, meeting.Status, meeting.VotingMode, meeting.CurrentItemId, items,
            roomCase, viewed?.Id, tally, mine?.OptionId, mine is { OptionId: null },
            r is null ? null : new RoomRecommendation(r.OptionId, r.Text, r.Rationale, r.Consensus, r.Dissent, r.TrialReferral, r.QuorumMet, r.RecordedAtUtc),
            present, quorum, Access.CanChair(actor, meeting.ChairId), meeting.SecretaryId == actor.UserId,
            actor.CanVote && present.Any(p => p.UserId == actor.UserId), now, moc);
    }

    /// <summary>
    /// Counts a window of the actor in the room; their first window opens an attendance record. A connection
    /// <paramref name="heldOpen"/> (a page, a hub connection) stays present until it leaves; an API client's presence
    /// lasts the presence timeout after each call.
    /// </summary>
    public async Task JoinAsync(Actor actor, int meetingId, string connectionId, CancellationToken ct = default, bool heldOpen = true)
    {
        await retry.IdempotentAsync(() => JoinOnceAsync(actor, meetingId, connectionId, ct), ct);
        if (heldOpen)
            presence.Hold(connectionId, meetingId, actor);
    }

    private async Task JoinOnceAsync(Actor actor, int meetingId, string connectionId, CancellationToken ct)
    {
        Access.Demand(Access.CanSeeMeetings(actor));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Meetings.AnyAsync(m => m.Id == meetingId, ct))
            throw new MeetingNotFoundException();
        var now = Now;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(74300, {0})", [meetingId], ct);
        var existing = await db.RoomConnections.SingleOrDefaultAsync(c => c.ConnectionId == connectionId, ct);
        if (existing is null)
            db.RoomConnections.Add(new RoomConnection { ConnectionId = connectionId, MeetingId = meetingId, UserId = actor.UserId, InstanceId = presence.InstanceId, ConnectedAtUtc = now, LastSeenAtUtc = now });
        else
            existing.LastSeenAtUtc = now;
        if (!await db.Attendances.AnyAsync(a => a.MeetingId == meetingId && a.UserId == actor.UserId && a.LeftAtUtc == null, ct))
            db.Attendances.Add(new Attendance(meetingId, actor.UserId, actor.Role, actor.CentreId, actor.Discipline, now));
        await PostgresEventRelay.NotifyAsync(db, new BoardEvent(BoardEventTypes.PresenceChanged, meetingId, null, now), ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>Closes a window; when it was the person's last one in the room, their attendance ends.</summary>
    public Task LeaveAsync(string connectionId, CancellationToken ct = default)
    {
        // No longer refreshed, whatever happens next: if the database cannot be told now, the row expires by itself.
        presence.Release(connectionId);
        return retry.IdempotentAsync(() => LeaveOnceAsync(connectionId, ct), ct);
    }

    private async Task LeaveOnceAsync(string connectionId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var connection = await db.RoomConnections.SingleOrDefaultAsync(c => c.ConnectionId == connectionId, ct);
        if (connection is null)
            return;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(74300, {0})", [connection.MeetingId], ct);
        db.RoomConnections.Remove(connection);
        await CloseAttendanceIfGoneAsync(db, connection.MeetingId, connection.UserId, connectionId, ct);
        await PostgresEventRelay.NotifyAsync(db, new BoardEvent(BoardEventTypes.PresenceChanged, connection.MeetingId, null, Now), ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>
    /// Refreshes the connections this instance holds open, writes again those whose row another instance removed, and
    /// ends the presence of connections nobody refreshed (their instance went away, or their leaving was not written).
    /// </summary>
    public async Task HeartbeatAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = Now;
        var held = presence.Held();
        var heldIds = held.Keys.ToList();
        var refreshed = await db.RoomConnections.Where(c => c.InstanceId == presence.InstanceId && heldIds.Contains(c.ConnectionId))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.LastSeenAtUtc, now), ct);
        if (refreshed < heldIds.Count)
            await RejoinMissingAsync(db, held, ct);
        var stale = await db.RoomConnections.Where(c => c.LastSeenAtUtc < now - PresenceTimeout).ToListAsync(ct);
        foreach (var meeting in stale.GroupBy(c => c.MeetingId))
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(74300, {0})", [meeting.Key], ct);
            db.RoomConnections.RemoveRange(meeting);
            foreach (var user in meeting.Select(c => c.UserId).Distinct())
                await CloseAttendanceIfGoneAsync(db, meeting.Key, user, null, ct);
            await PostgresEventRelay.NotifyAsync(db, new BoardEvent(BoardEventTypes.PresenceChanged, meeting.Key, null, now), ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
    }

    // Only after an outage longer than the presence timeout, when another instance removed this one's rows as stale.
    private async Task RejoinMissingAsync(TumourBoardDbContext db, IReadOnlyDictionary<string, HeldConnection> held, CancellationToken ct)
    {
        var heldIds = held.Keys.ToList();
        var stored = await db.RoomConnections.Where(c => heldIds.Contains(c.ConnectionId)).Select(c => c.ConnectionId).ToListAsync(ct);
        foreach (var (connectionId, connection) in held.Where(h => !stored.Contains(h.Key)))
        {
            if (!presence.Holds(connectionId))
                continue; // left meanwhile
            try
            {
                await JoinOnceAsync(connection.Actor, connection.MeetingId, connectionId, ct);
            }
            catch (DomainException)
            {
                presence.Release(connectionId); // the meeting or the person's access went away
            }
        }
    }

    public Task StartAsync(Actor actor, int meetingId, CancellationToken ct = default) =>
        ChairAsync(actor, meetingId, "meeting.start", BoardEventTypes.CurrentItemChanged, async (db, m, now) =>
        {
            m.Start(now, await MocService.RulesInForceAsync(db, ct));
            return m.CurrentItemId;
        }, ct);

    public Task MoveToAsync(Actor actor, int meetingId, int itemId, CancellationToken ct = default) =>
        ChairAsync(actor, meetingId, "meeting.move", BoardEventTypes.CurrentItemChanged, (_, m, now) =>
        {
            m.MoveTo(itemId, now);
            return Task.FromResult<int?>(itemId);
        }, ct);

    public Task OpenVotingAsync(Actor actor, int meetingId, int itemId, CancellationToken ct = default) =>
        ChairAsync(actor, meetingId, "vote.open", BoardEventTypes.VotingOpened, async (db, m, now) =>
        {
            var item = m.Item(itemId);
            if (!await db.Set<TreatmentOption>().AnyAsync(o => EF.Property<int>(o, "CaseId") == item.CaseId, ct))
                throw new DomainException("Voting.NoOptions", "The case has no option to vote on.");
            m.OpenVoting(itemId, now);
            return itemId;
        }, ct);

    public async Task<TallyView> CloseVotingAsync(Actor actor, int meetingId, int itemId, CancellationToken ct = default)
    {
        await ChairAsync(actor, meetingId, "vote.close", BoardEventTypes.VotingClosed, async (db, m, now) =>
        {
            // The item row is locked: a vote committed before this point is counted, any later one finds the vote closed.
            await db.Database.ExecuteSqlRawAsync("SELECT 1 FROM agenda_items WHERE \"Id\" = {0} FOR UPDATE", [itemId], ct);
            var item = m.Item(itemId);
            m.CloseVoting(itemId, await ComputeTallyAsync(db, item.Id, item.CaseId, ct), now);
            return itemId;
        }, ct);
        return (await TallyAsync(actor, meetingId, itemId, ct))!;
    }

    /// <summary>
    /// Casts or changes the actor's vote (null option = abstain). Written idempotently, one row per member and item;
    /// returns the tally that includes it, once committed.
    /// </summary>
    public Task<TallyView> CastVoteAsync(Actor actor, int meetingId, int itemId, int? optionId, CancellationToken ct = default) =>
        retry.IdempotentAsync(() => CastVoteOnceAsync(actor, meetingId, itemId, optionId, ct), ct);

    private async Task<TallyView> CastVoteOnceAsync(Actor actor, int meetingId, int itemId, int? optionId, CancellationToken ct)
    {
        Access.Demand(Access.CanSeeMeetings(actor));
        if (!actor.CanVote)
            throw new DomainException("Voting.NotAVoter", "Only clinicians and coordinators vote; observers and data managers follow the vote.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = Now;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // One round trip checks everything a vote needs; the item row is share-locked so closing the vote waits for it.
        var check = (await db.Database.SqlQuery<VoteCheck>(
            $"""
            SELECT i."MeetingId", i."CaseId", i."VotingStatus", m."VotingMode",
                   EXISTS (SELECT 1 FROM room_connections c WHERE c."MeetingId" = i."MeetingId" AND c."UserId" = {actor.UserId}
                           AND c."LastSeenAtUtc" >= {now - PresenceTimeout}) AS "Present",
                   ({optionId ?? 0} = 0 OR EXISTS (SELECT 1 FROM case_options o WHERE o."Id" = {optionId ?? 0} AND o."CaseId" = i."CaseId")) AS "OptionValid"
            FROM agenda_items i JOIN meetings m ON m."Id" = i."MeetingId"
            WHERE i."Id" = {itemId}
            FOR SHARE OF i
            """).ToListAsync(ct)).SingleOrDefault();
        if (check is null || check.MeetingId != meetingId)
            throw new DomainException("Agenda.ItemNotFound", "This item is not on this meeting's agenda.");
        var status = Enum.Parse<VotingStatus>(check.VotingStatus);
        if (status != VotingStatus.Open)
            throw new DomainException(status == VotingStatus.Closed ? "Voting.Closed" : "Voting.NotOpen",
                status == VotingStatus.Closed ? "Voting on this case is closed." : "Voting on this case is not open.");
        if (!check.Present)
            throw new DomainException("Voting.NotPresent", "Join the meeting room to vote.");
        if (!check.OptionValid)
            throw new DomainException("Voting.OptionInvalid", "This option belongs to another case.");
        // The upsert and the tally that includes it are one statement. The statement's snapshot does not see its own
        // upsert, so the voter's earlier vote is left out and the row the upsert returns is counted instead.
        var rows = await db.Database.SqlQueryRaw<TallyRow>(CastVoteSql,
            new NpgsqlParameter("item", NpgsqlDbType.Integer) { Value = itemId },
            new NpgsqlParameter("voter", NpgsqlDbType.Uuid) { Value = actor.UserId },
            new NpgsqlParameter("centre", NpgsqlDbType.Integer) { Value = (object?)actor.CentreId ?? DBNull.Value },
            new NpgsqlParameter("option", NpgsqlDbType.Integer) { Value = (object?)optionId ?? DBNull.Value },
            new NpgsqlParameter("now", NpgsqlDbType.TimestampTz) { Value = now },
            new NpgsqlParameter("case", NpgsqlDbType.Integer) { Value = check.CaseId }).ToListAsync(ct);
        // The reply is read inside the vote's transaction: once committed, the voter is told, with nothing left to fail.
        var full = TallyOf(rows);
        audit.Add(db, actor, "vote.cast", "agenda-item", itemId);
        await PostgresEventRelay.NotifyAsync(db, new BoardEvent(BoardEventTypes.TallyChanged, meetingId, itemId, now, full.VotesCast), ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return View(itemId, status, Enum.Parse<VotingMode>(check.VotingMode), full);
    }

    private sealed record VoteCheck(int MeetingId, int CaseId, string VotingStatus, string VotingMode, bool Present, bool OptionValid);

    public Task<TallyView?> TallyAsync(Actor actor, int meetingId, int itemId, CancellationToken ct = default) =>
        retry.IdempotentAsync(() => TallyOnceAsync(actor, meetingId, itemId, ct), ct);

    private async Task<TallyView?> TallyOnceAsync(Actor actor, int meetingId, int itemId, CancellationToken ct)
    {
        Access.Demand(Access.CanSeeMeetings(actor));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var meeting = await db.Meetings.AsNoTracking().Include(m => m.Items).SingleOrDefaultAsync(m => m.Id == meetingId, ct) ?? throw new MeetingNotFoundException();
        var item = meeting.Items.SingleOrDefault(i => i.Id == itemId) ?? throw new DomainException("Agenda.ItemNotFound", "This item is not on this meeting's agenda.");
        return await TallyOfAsync(db, meeting, item, ct);
    }

    /// <summary>The tally as anyone in the room may see it, for events sent to every participant.</summary>
    public Task<TallyView?> PublicTallyAsync(int meetingId, int itemId, CancellationToken ct = default) =>
        retry.IdempotentAsync(() => PublicTallyOnceAsync(meetingId, itemId, ct), ct);

    private async Task<TallyView?> PublicTallyOnceAsync(int meetingId, int itemId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Every instance reads this once per vote, so it is one round trip: the item's state and the meeting's mode on
        // each row, with the case's options and the vote counts (none when nobody has voted yet).
        var rows = await db.Database.SqlQueryRaw<PublicTallyRow>(PublicTallySql,
            new NpgsqlParameter("item", NpgsqlDbType.Integer) { Value = itemId },
            new NpgsqlParameter("meeting", NpgsqlDbType.Integer) { Value = meetingId }).ToListAsync(ct);
        if (rows.Count == 0)
            return null;
        var tally = TallyOf(rows.Where(r => r.Votes is not null).Select(r => new TallyRow(r.OptionId, r.CentreId, r.Votes!.Value, r.Position ?? 0)));
        return View(itemId, Enum.Parse<VotingStatus>(rows[0].VotingStatus), Enum.Parse<VotingMode>(rows[0].VotingMode), tally);
    }

    private sealed record PublicTallyRow(string VotingStatus, string VotingMode, int? OptionId, int? CentreId, int? Votes, int? Position);

    public Task AddOptionAsync(Actor actor, int meetingId, int itemId, OptionContent option, CancellationToken ct = default) =>
        ChairAsync(actor, meetingId, "option.add", BoardEventTypes.CurrentItemChanged, async (db, m, now) =>
        {
            var item = m.Item(itemId);
            if (item.VotingStatus != VotingStatus.NotOpened)
                throw new DomainException("Voting.AlreadyOpened", "Options are added before voting opens.");
            var @case = await db.Cases.Include(c => c.Options).SingleAsync(c => c.Id == item.CaseId, ct);
            @case.AddOptionInDiscussion(option, now);
            return itemId;
        }, ct);

    /// <summary>The chair or the secretary records the board's recommendation after the vote; the case becomes Discussed.</summary>
    public Task RecordRecommendationAsync(Actor actor, int meetingId, int itemId, RecommendationRequest request, CancellationToken ct = default) =>
        ChairAsync(actor, meetingId, "recommendation.record", BoardEventTypes.RecommendationRecorded, async (db, m, now) =>
        {
            var item = m.Item(itemId);
            var @case = await db.Cases.Include(c => c.Options).Include(c => c.Events).AsSplitQuery().SingleAsync(c => c.Id == item.CaseId, ct);
            var option = request.OptionId is { } id ? @case.Options.SingleOrDefault(o => o.Id == id)
                ?? throw new CaseValidationException([new FieldError("optionId", "Voting.OptionInvalid")]) : null;
            var present = await PresentAsync(db, meetingId, ct);
            var quorum = QuorumState.Of(m.Quorum, present.Select(p => new Participant(p.UserId, p.Role, p.CentreId, p.Discipline)));
            // The chair may name the trial (one the room lists as matching, say); otherwise the chosen option's trial is the referral.
            // The number is kept as written, and the catalogue's trial is linked when it holds that number.
            string? referral = option?.Trial;
            if (!string.IsNullOrWhiteSpace(request.Trial))
                referral = TrialIdentifier.TryParse(request.Trial, out var named) ? named.Value
                    : throw new CaseValidationException([new FieldError("trial", TrialIdentifier.InvalidCode)]);
            var trialId = await Trials.TrialService.CatalogueIdOfAsync(db, referral, ct);
            var recommendation = Recommendation.Create(option?.Id, request.Text, request.Rationale ?? "", request.Consensus ?? Consensus.NoConsensus,
                request.Dissent, referral, quorum.IsMet, actor.UserId, now, trialId);
            m.RecordRecommendation(itemId, recommendation, now);
            @case.MarkDiscussed(actor.UserId, now);
            return itemId;
        }, ct, allowSecretary: true);

    /// <summary>Closes the meeting; the cases not reached are deferred and carried over to the next meeting.</summary>
    public async Task CloseMeetingAsync(Actor actor, int meetingId, CancellationToken ct = default)
    {
        await ChairAsync(actor, meetingId, "meeting.close", BoardEventTypes.MeetingChanged, (db, m, now) =>
        {
            m.Close(now, NotReachedReason);
            // The minutes are drafted from what the room recorded as soon as the meeting closes.
            db.Minutes.Add(MeetingMinutes.Draft(m.Id, m.Items.Where(i => i.Status == AgendaItemStatus.Discussed).Select(i => i.Id), now));
            return Task.FromResult<int?>(null);
        }, ct);
        await meetings.CarryOverNotReachedAsync(actor, meetingId, ct);
    }

    /// <summary>The deferral reason of the cases a meeting did not reach; the minutes show it in the meeting's language.</summary>
    public const string NotReachedReason = "Not reached at the meeting";

    private async Task ChairAsync(Actor actor, int meetingId, string action, string eventType, Func<TumourBoardDbContext, Meeting, DateTime, Task<int?>> change,
        CancellationToken ct, bool allowSecretary = false)
    {
        Access.Demand(Access.CanSeeMeetings(actor));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var meeting = await db.Meetings.Include(m => m.Items).SingleOrDefaultAsync(m => m.Id == meetingId, ct) ?? throw new MeetingNotFoundException();
        Access.Demand(Access.CanChair(actor, meeting.ChairId) || (allowSecretary && meeting.SecretaryId == actor.UserId));
        var now = Now;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var itemId = await change(db, meeting, now);
        audit.Add(db, actor, action, "meeting", meeting.Id);
        await PostgresEventRelay.NotifyAsync(db, new BoardEvent(eventType, meetingId, itemId, now), ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    private static async Task<TallyView> TallyOfAsync(TumourBoardDbContext db, Meeting meeting, AgendaItem item, CancellationToken ct) =>
        View(item.Id, item.VotingStatus, meeting.VotingMode, await ComputeTallyAsync(db, item.Id, item.CaseId, ct));

    private static TallyView View(int itemId, VotingStatus status, VotingMode mode, Tally full)
    {
        var visible = full.VisibleIn(mode, status);
        return new TallyView(itemId, status, visible.VotesCast, visible.Options, visible.Abstentions, visible.CentresRepresented,
            visible.WinningOptionId, visible.IsTie, CountsVisible: ReferenceEquals(visible, full));
    }

    /// <summary>
    /// The case's options and the item's votes counted per option and centre, in one round trip of a few dozen rows
    /// whatever the size of the room (for the room, the API and closing the vote; a vote and an announcement read the
    /// same rows within their own statements).
    /// </summary>
    private static async Task<Tally> ComputeTallyAsync(TumourBoardDbContext db, int itemId, int caseId, CancellationToken ct) =>
        TallyOf(await db.Database.SqlQueryRaw<TallyRow>(TallyOfItemSql,
            new NpgsqlParameter("case", NpgsqlDbType.Integer) { Value = caseId },
            new NpgsqlParameter("item", NpgsqlDbType.Integer) { Value = itemId }).ToListAsync(ct));

    // The statements are put together once, from fragments that name parameters or columns and never hold values.
    private static readonly string TallyOfItemSql = TallyRows("@case", "@item");

    private static readonly string CastVoteSql =
        $"""
        WITH upsert AS (
            INSERT INTO votes ("AgendaItemId", "VoterId", "CentreId", "OptionId", "CastAtUtc", "ChangedAtUtc")
            VALUES (@item, @voter, @centre, @option, @now, @now)
            ON CONFLICT ("AgendaItemId", "VoterId") DO UPDATE SET "OptionId" = EXCLUDED."OptionId", "ChangedAtUtc" = EXCLUDED."ChangedAtUtc"
            RETURNING "OptionId", "CentreId")
        {OptionRows("@case")}
        UNION ALL
        SELECT g."OptionId", g."CentreId", count(*)::integer, 0
        FROM (SELECT v."OptionId", v."CentreId" FROM votes v WHERE v."AgendaItemId" = @item AND v."VoterId" <> @voter
              UNION ALL
              SELECT u."OptionId", u."CentreId" FROM upsert u) g
        GROUP BY g."OptionId", g."CentreId"
        """;

    private static readonly string PublicTallySql =
        $"""
        SELECT i."VotingStatus", m."VotingMode", t."OptionId", t."CentreId", t."Votes", t."Position"
        FROM agenda_items i
        JOIN meetings m ON m."Id" = i."MeetingId"
        LEFT JOIN LATERAL ({TallyRows("i.\"CaseId\"", "i.\"Id\"")}) t ON true
        WHERE i."Id" = @item AND i."MeetingId" = @meeting
        """;

    // The rows a tally is made of, as SQL over the given case and item (parameters or columns, never values): the
    // case's options (Votes -1, with their position) and the item's votes counted per option and centre.
    private static string OptionRows(string caseId) =>
        $"""SELECT o."Id" AS "OptionId", NULL::integer AS "CentreId", -1 AS "Votes", o."Position" FROM case_options o WHERE o."CaseId" = {caseId}""";

    private static string TallyRows(string caseId, string itemId) =>
        $"""
        {OptionRows(caseId)}
        UNION ALL
        SELECT v."OptionId", v."CentreId", count(*)::integer, 0 FROM votes v WHERE v."AgendaItemId" = {itemId} GROUP BY v."OptionId", v."CentreId"
        """;

    /// <summary>The tally from rows of the case's options (Votes -1, in their order) and vote counts per option and centre.</summary>
    private static Tally TallyOf(IEnumerable<TallyRow> rows)
    {
        var list = rows as IReadOnlyCollection<TallyRow> ?? rows.ToList();
        return Tally.FromGroups(
            list.Where(r => r.Votes < 0).OrderBy(r => r.Position).Select(r => r.OptionId!.Value),
            list.Where(r => r.Votes >= 0).Select(r => new VoteGroup(r.OptionId, r.CentreId, r.Votes)).ToList());
    }

    private sealed record TallyRow(int? OptionId, int? CentreId, int Votes, int Position);

    private async Task<IReadOnlyList<PresentPerson>> PresentAsync(TumourBoardDbContext db, int meetingId, CancellationToken ct)
    {
        var since = Now - PresenceTimeout;
        var userIds = await db.RoomConnections.Where(c => c.MeetingId == meetingId && c.LastSeenAtUtc >= since).Select(c => c.UserId).Distinct().ToListAsync(ct);
        var people = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
            .Select(u => new
            {
                u.Id, u.DisplayName, u.CentreId, u.Discipline,
                Centre = db.Centres.Where(c => c.Id == u.CentreId).Select(c => c.Code).FirstOrDefault(),
                Role = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).FirstOrDefault(),
            }).ToListAsync(ct);
        return people.OrderBy(p => p.Centre).ThenBy(p => p.Discipline).ThenBy(p => p.DisplayName)
            .Select(p => new PresentPerson(p.Id, p.DisplayName, p.Role ?? "", p.CentreId, p.Centre, p.Discipline, Roles.CanVote(p.Role ?? ""))).ToList();
    }

    private async Task CloseAttendanceIfGoneAsync(TumourBoardDbContext db, int meetingId, Guid userId, string? closingConnection, CancellationToken ct)
    {
        var now = Now;
        var stillThere = await db.RoomConnections.AnyAsync(c => c.MeetingId == meetingId && c.UserId == userId && c.ConnectionId != closingConnection
            && c.LastSeenAtUtc >= now - PresenceTimeout, ct);
        if (stillThere)
            return;
        var open = await db.Attendances.Where(a => a.MeetingId == meetingId && a.UserId == userId && a.LeftAtUtc == null).ToListAsync(ct);
        foreach (var attendance in open)
            attendance.Leave(now);
    }
}
