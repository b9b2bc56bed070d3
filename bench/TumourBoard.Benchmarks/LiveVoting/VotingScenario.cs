using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace TumourBoard.Benchmarks.LiveVoting;

internal sealed record VotingSetup(string Name, int Instances);

/// <summary>
/// The closed vote against what each voter was told: lost are confirmed votes the table does not hold as confirmed;
/// unexpected are stored choices nobody sent; a vote whose call failed may still have committed, and is then counted
/// apart. The tally the API returns must agree with the stored votes.
/// </summary>
internal sealed record TallyCheck(int Confirmed, int Counted, int Stored, int Lost, int Unexpected, int CommittedDespiteError, bool TallyMatchesStored)
{
    public bool Passes => Lost == 0 && Unexpected == 0 && TallyMatchesStored;
}

/// <summary>One vote of the whole room on one case, at one rate.</summary>
internal sealed class RoundOutcome
{
    public required double VotesPerSecond { get; init; }

    /// <summary>Milliseconds from sending each first vote until every participant knew of it, sorted.</summary>
    public required double[] DeliveryMilliseconds { get; init; }

    /// <summary>Milliseconds from sending each vote (first or changed) until CastVote answered, sorted.</summary>
    public required double[] ConfirmationMilliseconds { get; init; }

    public required int FirstVotes { get; init; }

    public required int ChangedVotes { get; init; }

    /// <summary>First votes that some participant never heard of within the wait after the last vote.</summary>
    public required int Undelivered { get; init; }

    public required int FailedCasts { get; init; }

    public string? FirstCastError { get; init; }

    /// <summary>TallyChanged events of this vote received by all participants together.</summary>
    public required int Events { get; init; }

    /// <summary>Those of <see cref="Events"/> that carried only a count, because the server could not read the tally.</summary>
    public required int CountOnlyEvents { get; init; }

    public required TimeSpan Sending { get; init; }

    public required TimeSpan Window { get; init; }

    public required double AppCores { get; init; }

    public required double PostgresCores { get; init; }

    public required double ClientCores { get; init; }

    /// <summary>What the rest of the machine used meanwhile: other people's work on a shared machine.</summary>
    public required double OtherCores { get; init; }

    public required DatabaseLoad Database { get; init; }

    public required TallyCheck Final { get; init; }

    public required long[] ResidentAfter { get; init; }
}

internal sealed class VotingOutcome
{
    public required VotingSetup Setup { get; init; }

    public string? Error { get; init; }

    public string? PostgresVersion { get; init; }

    public TimeSpan Joining { get; init; }

    public long[] ResidentBefore { get; init; } = [];

    public long[] ResidentJoined { get; init; } = [];

    /// <summary>The rounds that completed, in the order of <see cref="VotingScenario.Rates"/>.</summary>
    public IReadOnlyList<RoundOutcome> Rounds { get; init; } = [];

    /// <summary>Errors the app instances logged during the run, grouped.</summary>
    public IReadOnlyList<string> AppErrors { get; init; } = [];

    public long? MemoryPerParticipant =>
        ResidentJoined.Length == 0 ? null : (ResidentJoined.Sum() - ResidentBefore.Sum()) / VotingScenario.Participants;
}

// One run of the live-voting scenario: its own PostgreSQL cluster, the app in one or more processes on it, a meeting
// prepared through the API, the participants in the room through the hub, a warm-up vote on a first case, then one
// vote of the whole room per rate, each on a case of its own. Everything it starts is stopped in the end.
internal sealed class VotingScenario(VotingSetup setup, string repositoryRoot)
{
    public const int Participants = 200;

    /// <summary>Votes per second of each measured round: the goal's rate first, then lower ones that show where queueing starts.</summary>
    public static readonly double[] Rates = [50, 25, 10];

    public const double ChangeShare = 0.2;
    public const double AbstentionShare = 0.1;
    /// <summary>Pause after the warm-up vote, for the JIT's background compilation of what it ran to finish.</summary>
    public static readonly TimeSpan WarmUpSettling = TimeSpan.FromSeconds(3);
    public static readonly TimeSpan Limit = TimeSpan.FromMinutes(4);
    public static readonly TimeSpan DeliveryWait = TimeSpan.FromSeconds(15);

    public async Task<VotingOutcome> RunAsync(CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(Limit);
        var ct = limit.Token;
        ScratchCluster? cluster = null;
        var apps = new List<AppInstance>();
        var participants = new List<Participant>();
        var rounds = new List<RoundOutcome>();
        var appErrors = new List<string>(); // filled once the apps have stopped, when their logs are complete
        string? postgresVersion = null;
        var joining = new Stopwatch();
        long[] residentBefore = [], residentJoined = [];
        try
        {
            cluster = await ScratchCluster.StartAsync(repositoryRoot, ct);
            postgresVersion = await cluster.ServerVersionAsync(ct);
            Say($"PostgreSQL {postgresVersion} on 127.0.0.1:{cluster.Port}, data in {cluster.Folder}");
            // One after the other: the first migrates the database and seeds the demo data, the next finds them done.
            for (var i = 0; i < setup.Instances; i++)
            {
                apps.Add(await AppInstance.StartAsync(repositoryRoot, cluster.ConnectionString, cluster.Folder, $"{i + 1}", ct));
                Say($"app instance {i + 1} ready on {apps[^1].BaseAddress} (pid {apps[^1].ProcessId})");
            }

            using var api = new CoordinatorApi(apps[0].BaseAddress);
            var meeting = await api.PrepareMeetingAsync(1 + Rates.Length, ct);
            var voters = await VoterAccounts.CreateAsync(cluster.ConnectionString, Participants, ct);
            participants.AddRange(voters.Select((voter, i) => new Participant(apps[i % apps.Count].BaseAddress, voter.Token)));

            residentBefore = [.. apps.Select(a => a.ResidentBytes)];
            joining.Start();
            // A few at a time, as people arrive over a minute or two, not all in the same millisecond.
            await Parallel.ForEachAsync(participants, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct },
                async (participant, token) => await participant.JoinAsync(meeting.Id, token));
            joining.Stop();
            await Task.Delay(TimeSpan.FromSeconds(2), ct);
            residentJoined = [.. apps.Select(a => a.ResidentBytes)];
            Say(string.Create(CultureInfo.InvariantCulture, $"{Participants} participants joined in {joining.Elapsed.TotalSeconds:0.0} s"));

            // A warm-up vote of the whole room first, as the measured ones: the app's first votes pay for JIT compilation
            // (tier 0, then instrumented, then optimised code) and cold caches, long behind a server in a meeting.
            var random = new Random(2026);
            var round = new Round(api, apps, cluster, participants, voters, meeting.Id);
            var warmUp = await round.RunAsync(meeting.ItemIds[0], Rates[0], Participants, (int)(Participants * ChangeShare), random, ct);
            Say($"warm-up: {warmUp.FirstVotes - warmUp.FailedCasts} of {warmUp.FirstVotes} votes confirmed");
            await Task.Delay(WarmUpSettling, ct);
            for (var i = 0; i < Rates.Length; i++)
            {
                var outcome = await round.RunAsync(meeting.ItemIds[i + 1], Rates[i], Participants, (int)(Participants * ChangeShare), random, ct);
                rounds.Add(outcome);
                Say(string.Create(CultureInfo.InvariantCulture,
                    $"{Rates[i]:0}/s: {outcome.FirstVotes} first votes and {outcome.ChangedVotes} changes sent in {outcome.Sending.TotalSeconds:0.0} s, "
                    + $"p50 {Percentile(outcome.DeliveryMilliseconds, 0.5):0.0} ms, p95 {Percentile(outcome.DeliveryMilliseconds, 0.95):0.0} ms; "
                    + $"{outcome.FailedCasts} failed; tally {outcome.Final.Counted}, {outcome.Final.Confirmed} voters confirmed"));
            }
            return Outcome(null);
        }
        catch (Exception ex)
        {
            var reason = TumourBoard.Benchmarks.Reporting.ScenarioFailure.Reason(ex, cancellationToken, Limit);
            Say($"did not complete: {reason}");
            return Outcome(reason);
        }
        finally
        {
            // Members leave first, so the app does not log their connections as lost; then the apps, then the cluster.
            try
            {
                await Task.WhenAll(participants.Select(p => p.DisposeAsync().AsTask())).WaitAsync(TimeSpan.FromSeconds(15), CancellationToken.None);
            }
            catch (TimeoutException)
            {
                Say("some hub connections did not close within 15 s");
            }
            foreach (var app in apps)
            {
                await app.DisposeAsync();
                appErrors.AddRange(app.LoggedErrors().Select(e => apps.Count == 1 ? e : $"instance {apps.IndexOf(app) + 1}: {e}"));
            }
            foreach (var error in appErrors.Take(10))
                Say($"app logged {error}");
            if (cluster is not null)
                await cluster.DisposeAsync();
        }

        VotingOutcome Outcome(string? error) => new()
        {
            Setup = setup,
            Error = error,
            PostgresVersion = postgresVersion,
            Joining = joining.Elapsed,
            ResidentBefore = residentBefore,
            ResidentJoined = residentJoined,
            Rounds = rounds,
            AppErrors = appErrors,
        };
    }

    public static double? Percentile(double[] sorted, double share) =>
        sorted.Length == 0 ? null : sorted[Math.Max(0, (int)Math.Ceiling(share * sorted.Length) - 1)];

    private void Say(string message) => Console.WriteLine($"[voting, {setup.Name}] {message}");

    // One vote of the room on one agenda item: the chair moves to it and opens the vote, the members vote at a steady
    // rate, everyone is waited for, the chair closes the vote, and the tally is checked against the stored votes.
    private sealed class Round(CoordinatorApi api, List<AppInstance> apps, ScratchCluster cluster, List<Participant> participants,
        IReadOnlyList<Voter> voters, int meetingId)
    {
        public async Task<RoundOutcome> RunAsync(int itemId, double votesPerSecond, int voterCount, int changes, Random random, CancellationToken ct)
        {
            await api.MoveToAsync(meetingId, itemId, ct);
            await api.OpenVotingAsync(meetingId, itemId, ct);
            var options = await api.OptionsAsync(meetingId, itemId, ct);
            foreach (var participant in participants)
                participant.Watch(itemId, participants.Count);
            var eventsBefore = participants.Sum(p => p.Events);
            var countOnlyBefore = participants.Sum(p => p.CountOnlyEvents);
            await Task.Delay(TimeSpan.FromSeconds(1), ct);

            var plan = Plan(voterCount, options, random, changes);
            var postmaster = cluster.PostmasterId();
            var appTime = apps.Sum(a => a.ProcessorTime.TotalSeconds);
            var postgresTime = postmaster is { } pid ? ProcessStatistics.ProcessorTimeOfTree(pid).TotalSeconds : 0;
            var clientTime = Environment.CpuUsage.TotalTime.TotalSeconds;
            var machineTime = ProcessStatistics.MachineTime().Busy.TotalSeconds;
            await using var sampler = await DatabaseSampler.StartAsync(cluster.ConnectionString, ct);
            var window = Stopwatch.StartNew();
            var casts = await CastAtSteadyRateAsync(itemId, plan, votesPerSecond, ct);
            var confirmed = casts.Where(c => c.Error is null).ToList();
            var target = confirmed.Count == 0 ? 0 : confirmed.Max(c => c.VotesCast);
            var waiting = Stopwatch.StartNew();
            while (participants.Any(p => p.Highest < target) && waiting.Elapsed < DeliveryWait)
                await Task.Delay(20, ct);
            window.Stop();
            var database = await sampler.StopAsync();
            var seconds = window.Elapsed.TotalSeconds;
            var appCores = (apps.Sum(a => a.ProcessorTime.TotalSeconds) - appTime) / seconds;
            var postgresCores = postmaster is { } again ? (ProcessStatistics.ProcessorTimeOfTree(again).TotalSeconds - postgresTime) / seconds : 0;
            var clientCores = (Environment.CpuUsage.TotalTime.TotalSeconds - clientTime) / seconds;
            var machineCores = (ProcessStatistics.MachineTime().Busy.TotalSeconds - machineTime) / seconds;

            var final = await api.CloseVotingAsync(meetingId, itemId, ct);
            var stored = await VoterAccounts.StoredVotesAsync(cluster.ConnectionString, itemId, ct);
            var (delivered, undelivered) = Deliveries(casts);
            return new RoundOutcome
            {
                VotesPerSecond = votesPerSecond,
                DeliveryMilliseconds = [.. delivered.Order()],
                ConfirmationMilliseconds = [.. confirmed.Select(c => Milliseconds(c.SentAt, c.ConfirmedAt)).Order()],
                FirstVotes = plan.Count(v => !v.IsChange),
                ChangedVotes = plan.Count(v => v.IsChange),
                Undelivered = undelivered,
                FailedCasts = casts.Count(c => c.Error is not null),
                FirstCastError = casts.FirstOrDefault(c => c.Error is not null)?.Error,
                Events = participants.Sum(p => p.Events) - eventsBefore,
                CountOnlyEvents = participants.Sum(p => p.CountOnlyEvents) - countOnlyBefore,
                Sending = TimeSpan.FromSeconds((casts[^1].SentAt - casts[0].SentAt) / (double)Stopwatch.Frequency),
                Window = window.Elapsed,
                AppCores = appCores,
                PostgresCores = postgresCores,
                ClientCores = clientCores,
                OtherCores = Math.Max(0, machineCores - appCores - postgresCores - clientCores),
                Database = database,
                Final = Check(casts, stored, final),
                ResidentAfter = [.. apps.Select(a => a.ResidentBytes)],
            };
        }

        // Open loop: each vote leaves at its own time whether or not earlier ones were answered, so a slow server shows
        // as growing latency rather than as a slower rate.
        private async Task<List<CastVote>> CastAtSteadyRateAsync(int itemId, List<PlannedVote> plan, double votesPerSecond, CancellationToken ct)
        {
            var interval = Stopwatch.Frequency / votesPerSecond;
            var start = Stopwatch.GetTimestamp();
            var casts = new Task<CastVote>[plan.Count];
            for (var i = 0; i < plan.Count; i++)
            {
                var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), start + (long)(i * interval));
                if (wait > TimeSpan.Zero)
                    await Task.Delay(wait, ct);
                casts[i] = participants[plan[i].Voter].CastAsync(meetingId, itemId, plan[i], ct);
            }
            return [.. await Task.WhenAll(casts).WaitAsync(TimeSpan.FromSeconds(60), ct)];
        }

        // A first vote confirmed with count n is known to a participant once it has received a count of n or more:
        // counts only grow, and n was read after the vote committed, so any tally of n votes or more was read after it
        // too. Changed votes leave the count as it is and are not timed; the final tally checks them.
        private (List<double> Delivered, int Undelivered) Deliveries(List<CastVote> casts)
        {
            var delivered = new List<double>();
            var undelivered = 0;
            foreach (var cast in casts.Where(c => !c.Vote.IsChange && c.Error is null))
            {
                long latest = 0;
                var everyone = true;
                foreach (var participant in participants)
                {
                    if (participant.FirstSeenAt(cast.VotesCast) is { } seen)
                        latest = Math.Max(latest, seen);
                    else
                        everyone = false;
                }
                if (everyone)
                    delivered.Add(Milliseconds(cast.SentAt, latest));
                else
                    undelivered++;
            }
            return (delivered, undelivered);
        }

        // A voter's calls run one after the other on their connection, so the last confirmed choice stands, unless a
        // later call failed after committing. The API's tally must count exactly the stored votes.
        private TallyCheck Check(List<CastVote> casts, Dictionary<Guid, int?> stored, JsonElement final)
        {
            int lost = 0, unexpected = 0, committedDespiteError = 0;
            for (var voter = 0; voter < voters.Count; voter++)
            {
                var attempts = casts.Where(c => c.Vote.Voter == voter).ToList();
                var has = stored.TryGetValue(voters[voter].UserId, out var choice);
                var lastConfirmed = attempts.FindLastIndex(c => c.Error is null);
                var failedSince = attempts.Skip(lastConfirmed + 1).Where(c => c.Error is not null).Select(c => c.Vote.OptionId).ToList();
                if (lastConfirmed >= 0 && has && choice == attempts[lastConfirmed].Vote.OptionId)
                    continue;
                if (lastConfirmed < 0 && !has)
                    continue;
                if (has && failedSince.Contains(choice))
                    committedDespiteError++;
                else if (lastConfirmed >= 0)
                    lost++;
                else
                    unexpected++;
            }

            var counted = final.GetProperty("votesCast").GetInt32();
            var options = final.GetProperty("options").EnumerateArray()
                .ToDictionary(o => o.GetProperty("optionId").GetInt32(), o => o.GetProperty("votes").GetInt32());
            var storedOptions = stored.Values.OfType<int>().GroupBy(o => o).ToDictionary(g => g.Key, g => g.Count());
            var tallyMatches = counted == stored.Count
                && final.GetProperty("abstentions").GetInt32() == stored.Values.Count(o => o is null)
                && storedOptions.All(s => options.TryGetValue(s.Key, out var n) && n == s.Value)
                && options.Where(o => o.Value > 0).All(o => storedOptions.ContainsKey(o.Key));
            var confirmedVoters = casts.Where(c => c.Error is null).Select(c => c.Vote.Voter).Distinct().Count();
            return new TallyCheck(confirmedVoters, counted, stored.Count, lost, unexpected, committedDespiteError, tallyMatches);
        }

        // Every voter votes once, in random order; some change their vote once, 25 to 75 votes further on (half a
        // second to a second and a half at 50 a second); a tenth of the choices are abstentions.
        private static List<PlannedVote> Plan(int voters, int[] options, Random random, int changes)
        {
            var order = Enumerable.Range(0, voters).ToArray();
            random.Shuffle(order);
            var changers = order.ToArray();
            random.Shuffle(changers);
            var changing = changers.Take(changes).ToHashSet();
            var slots = new List<(double Slot, PlannedVote Vote)>();
            for (var position = 0; position < order.Length; position++)
            {
                var voter = order[position];
                var first = Choose(random, options, except: null, mustDiffer: false);
                slots.Add((position, new PlannedVote(voter, first, IsChange: false)));
                if (changing.Contains(voter))
                    slots.Add((position + 25 + random.NextDouble() * 50, new PlannedVote(voter, Choose(random, options, first, mustDiffer: true), IsChange: true)));
            }
            return [.. slots.OrderBy(s => s.Slot).Select(s => s.Vote)];
        }

        private static int? Choose(Random random, int[] options, int? except, bool mustDiffer)
        {
            while (true)
            {
                int? choice = random.NextDouble() < AbstentionShare ? null : options[random.Next(options.Length)];
                if (!mustDiffer || choice != except)
                    return choice;
            }
        }

        private static double Milliseconds(long from, long to) => (to - from) * 1000.0 / Stopwatch.Frequency;
    }
}
