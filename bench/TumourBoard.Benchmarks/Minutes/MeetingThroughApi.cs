using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using TumourBoard.Benchmarks.LiveVoting;
using static TumourBoard.Benchmarks.LiveVoting.CoordinatorApi;

namespace TumourBoard.Benchmarks.Minutes;

/// <summary>What holding the meeting took: the meeting, the calls it made, how long it took.</summary>
internal sealed record HeldMeeting(int MeetingId, int Calls, int Votes, TimeSpan Elapsed);

/// <summary>
/// Holds <see cref="BoardMeeting"/> through the REST API and the hub, as the centres and the coordinator would: each case
/// created and submitted by its presenter, the agenda published, the meeting started; per case, the chair moves to it and
/// opens the vote, the members present vote, the chair closes the vote and records the recommendation; the meeting
/// closes, which leaves the cases not reached deferred and drafts the minutes; the coordinator writes each case's
/// summary and follow-up actions. The members are in the room through the hub (`/hubs/meeting`), as a centre's tools
/// connect, and vote through it; a member who steps out closes the connection, which ends their attendance, and opens
/// a new one on coming back, so their attendance has several periods.
/// </summary>
internal sealed class MeetingThroughApi(Uri baseAddress, BoardMeeting plan, IReadOnlyList<Voter> voters) : IAsyncDisposable
{
    private const int Concurrency = 8;

    private readonly HttpClient _coordinator = Client(baseAddress, "demo-coordinator");
    private readonly Dictionary<int, HttpClient> _presenters = plan.Cases.Select(c => c.Presenter).Distinct()
        .ToDictionary(i => i, i => Client(baseAddress, voters[i].Token));
    private readonly Dictionary<int, LiveVoting.Participant> _inRoom = [];
    private int _calls;

    public async Task<HeldMeeting> HoldAsync(DateTimeOffset startsAt, Action<string> say, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var caseIds = new int[plan.Cases.Count];
        await Parallel.ForEachAsync(plan.Cases, Options(4, ct), async (planned, token) =>
            caseIds[planned.Position - 1] = await SubmittedCaseAsync(planned, token));
        say($"{caseIds.Length} cases submitted by their presenters");

        var meetingId = (await Call(_coordinator, HttpMethod.Post, "api/v1/meetings", new
        {
            startsAt = startsAt.ToString("O", CultureInfo.InvariantCulture),
            durationMinutes = 240,
            title = plan.Title,
            language = plan.Language.ToString(),
        }, ct)).GetProperty("id").GetInt32();
        var itemIds = new List<int>();
        foreach (var caseId in caseIds)
            itemIds.Add((await Call(_coordinator, HttpMethod.Post, $"api/v1/meetings/{meetingId}/items", new { caseId, minutes = 5 }, ct)).GetProperty("id").GetInt32());
        await Call(_coordinator, HttpMethod.Post, $"api/v1/meetings/{meetingId}/publish", null, ct);
        await Call(_coordinator, HttpMethod.Post, $"api/v1/meetings/{meetingId}/start", null, ct);

        var votes = 0;
        for (var position = 0; position < BoardMeeting.DiscussedCases; position++)
        {
            await ArrivalsAndDeparturesAsync(meetingId, position, ct);
            var itemId = itemIds[position];
            var planned = plan.Cases[position];
            await Call(_coordinator, HttpMethod.Put, $"api/v1/meetings/{meetingId}/current", new { itemId }, ct);
            await Call(_coordinator, HttpMethod.Post, $"api/v1/meetings/{meetingId}/join", null, ct); // the chair stays present
            await Call(_coordinator, HttpMethod.Post, $"api/v1/meetings/{meetingId}/items/{itemId}/voting/open", null, ct);
            var room = await Call(_coordinator, HttpMethod.Get, $"api/v1/meetings/{meetingId}/room?itemId={itemId}", null, ct);
            var options = room.GetProperty("viewedCase").GetProperty("options").EnumerateArray()
                .OrderBy(o => o.GetProperty("position").GetInt32()).Select(o => o.GetProperty("id").GetInt32()).ToArray();
            await Parallel.ForEachAsync(planned.Votes, Options(Concurrency, ct), async (vote, token) =>
                await VoteAsync(meetingId, itemId, vote, vote.Option is { } o ? options[o] : null, token));
            votes += planned.Votes.Count;
            await Call(_coordinator, HttpMethod.Post, $"api/v1/meetings/{meetingId}/items/{itemId}/voting/close", null, ct);
            var profile = planned.Profile;
            await Call(_coordinator, HttpMethod.Post, $"api/v1/meetings/{meetingId}/items/{itemId}/recommendation", new
            {
                optionId = options[profile.Recommended],
                text = profile.Text,
                rationale = profile.Rationale,
                consensus = profile.Consensus.ToString(),
                dissent = profile.Dissent,
            }, ct);
            if ((position + 1) % 10 == 0)
                say(string.Create(CultureInfo.InvariantCulture, $"{position + 1} cases discussed, {votes} votes, {clock.Elapsed.TotalSeconds:0} s"));
        }
        await Call(_coordinator, HttpMethod.Post, $"api/v1/meetings/{meetingId}/close", null, ct);
        await LeaveAllAsync();

        // One case after the other, as the secretary writes them: the minutes are one record, and concurrent edits of it
        // are refused as conflicting.
        var meetingDate = DateOnly.FromDateTime(startsAt.UtcDateTime);
        for (var position = 0; position < BoardMeeting.DiscussedCases; position++)
        {
            var profile = plan.Cases[position].Profile;
            await Call(_coordinator, HttpMethod.Put, $"api/v1/meetings/{meetingId}/minutes/items/{itemIds[position]}", new
            {
                summary = profile.Summary,
                followUps = profile.FollowUps.Select(f => new
                {
                    action = f.Action,
                    owner = f.Owner,
                    dueDate = meetingDate.AddDays(f.DaysAfterMeeting).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                }),
            }, ct);
        }
        say("meeting closed, narrative written");
        return new HeldMeeting(meetingId, _calls, votes, clock.Elapsed);
    }

    public async ValueTask DisposeAsync()
    {
        await LeaveAllAsync();
        _coordinator.Dispose();
        foreach (var presenter in _presenters.Values)
            presenter.Dispose();
    }

    // Before each case: members whose period ended leave (closing their hub connection ends their attendance), members
    // whose period starts come in.
    private async Task ArrivalsAndDeparturesAsync(int meetingId, int position, CancellationToken ct)
    {
        foreach (var attendee in plan.Attendees.Where(a => a.Periods.Any(p => p.To == position)))
        {
            LiveVoting.Participant? leaving;
            lock (_inRoom)
                _inRoom.Remove(attendee.Index, out leaving);
            if (leaving is not null)
                await leaving.DisposeAsync();
        }
        var arriving = plan.Attendees.Where(a => a.Periods.Any(p => p.From == position)).ToList();
        await Parallel.ForEachAsync(arriving, Options(Concurrency, ct), async (attendee, token) =>
        {
            var participant = new LiveVoting.Participant(baseAddress, voters[attendee.Index].Token);
            await participant.JoinAsync(meetingId, token);
            Interlocked.Increment(ref _calls);
            lock (_inRoom)
                _inRoom.Add(attendee.Index, participant);
        });
    }

    private async Task VoteAsync(int meetingId, int itemId, MemberVote vote, int? optionId, CancellationToken ct)
    {
        LiveVoting.Participant participant;
        lock (_inRoom)
            participant = _inRoom[vote.Attendee];
        var cast = await participant.CastAsync(meetingId, itemId, new PlannedVote(vote.Attendee, optionId, IsChange: false), ct);
        Interlocked.Increment(ref _calls);
        if (cast.Error is not null)
            throw new InvalidOperationException($"The vote of member {vote.Attendee + 1} through the hub failed: {cast.Error}");
    }

    private async Task<int> SubmittedCaseAsync(PlannedCase planned, CancellationToken ct)
    {
        var profile = planned.Profile;
        var presenter = _presenters[planned.Presenter];
        var created = await Call(presenter, HttpMethod.Post, "api/v1/cases", new
        {
            ageYears = planned.AgeYears,
            ageMonths = planned.AgeMonths,
            sex = profile.Sex.ToString(),
            diagnosisLabel = profile.Diagnosis,
            morphology = profile.Morphology,
            topography = profile.Topography,
            diseaseStatus = profile.Status.ToString(),
            question = profile.Question,
            options = profile.Options.Select(o => new { label = o.Label, trial = o.Trial }),
            consentConfirmed = true,
        }, ct);
        var caseId = created.GetProperty("id").GetInt32();
        await Call(presenter, HttpMethod.Post, $"api/v1/cases/{caseId}/submit", null, ct);
        return caseId;
    }

    private async Task LeaveAllAsync()
    {
        List<LiveVoting.Participant> leaving;
        lock (_inRoom)
        {
            leaving = [.. _inRoom.Values];
            _inRoom.Clear();
        }
        foreach (var participant in leaving)
            await participant.DisposeAsync();
    }

    private Task<JsonElement> Call(HttpClient client, HttpMethod method, string path, object? body, CancellationToken ct)
    {
        Interlocked.Increment(ref _calls);
        return SendAsync(client, method, path, body, ct);
    }

    private static ParallelOptions Options(int degree, CancellationToken ct) => new() { MaxDegreeOfParallelism = degree, CancellationToken = ct };
}
