using System.Text;
using TumourBoard.Benchmarks.Reporting;
using static TumourBoard.Benchmarks.Reporting.Markdown;

namespace TumourBoard.Benchmarks.LiveVoting;

// Live voting's part of docs/performance.md. Goals from the specification, for the two-core machine: 200 members in
// the room voting at 50 votes a second, 95% of votes known to every member within 50 ms and 99% within 100 ms, no
// vote lost or counted twice. The lower rates are measured to show where queueing starts; they have no goal.
internal sealed class VotingSection : IScenarioSection
{
    private const double P95GoalMilliseconds = 50;
    private const double P99GoalMilliseconds = 100;

    private static readonly VotingSetup[] Setups = [new("one instance", 1), new("two instances, one database", 2)];

    public string Id => "voting";

    public async Task<SectionResult> MeasureAsync(RunDescription run, CancellationToken cancellationToken)
    {
        var root = AppInstance.RepositoryRoot();
        var outcomes = new List<VotingOutcome>();
        foreach (var setup in Setups)
        {
            outcomes.Add(await new VotingScenario(setup, root).RunAsync(cancellationToken));
            if (cancellationToken.IsCancellationRequested)
                break;
        }
        return Render(outcomes, run, AppInstance.GarbageCollector(root));
    }

    private static SectionResult Render(List<VotingOutcome> outcomes, RunDescription run, string appCollector)
    {
        var failures = new List<string>();
        var n = VotingScenario.Participants;
        var goalRate = VotingScenario.Rates[0];
        var postgres = outcomes.Select(o => o.PostgresVersion).FirstOrDefault(v => v is not null) ?? "unknown";
        var markdown = new StringBuilder()
            .Line("## Live voting")
            .Line()
            .Line(Invariant($"{n} members in one meeting room, connected to the hub (`/hubs/meeting`) over WebSockets as a centre's tools or a"))
            .Line("room display connect, vote through it at a steady rate. Each latency is the time from sending a vote until every")
            .Line("member has received a `TallyChanged` event that includes it. The app runs as in production, its Release build in")
            .Line("a process of its own, on a PostgreSQL cluster of its own; the load client (the benchmark program) runs on the same")
            .Line("machine, so app, database and client share its cores.")
            .Line()
            .RunTable(run,
                $"| .NET | {Cell(run.Machine.Runtime)} (the client); the app on the same runtime with {appCollector} |",
                $"| PostgreSQL | {Cell(postgres)}, a cluster made by `scripts/pg.sh` for the run, default settings |",
                "| Tool | `--scenario voting` of the benchmark program (`LiveVoting/`), Microsoft.AspNetCore.SignalR.Client, loopback only |");
        markdown
            .Line()
            .Line(Invariant($"Goal: {n} members voting at {goalRate:0} votes a second, p95 ≤ {P95GoalMilliseconds:0} ms and p99 ≤ {P99GoalMilliseconds:0} ms, no vote lost or"))
            .Line("counted twice; PASS also needs every vote confirmed to its voter and known to every member.")
            .Line()
            .Line("| Set-up | Members | Votes sent | p50 | p95 | p99 | Max | Server memory per member | Final tally | Result |")
            .Line("|---|--:|--:|--:|--:|--:|--:|--:|---|---|");
        foreach (var outcome in outcomes)
            markdown.Line(GoalRow(outcome, failures));

        markdown
            .Line()
            .Line(Invariant($"Every rate measured; the goal is at {goalRate:0} votes a second, the lower rates show where votes start to queue:"))
            .Line()
            .Line("| Set-up | Votes a second | Sent in | p50 | p95 | p99 | Max | Confirmed p50 / p95 | Calls failed | Final tally |")
            .Line("|---|--:|--:|--:|--:|--:|--:|--:|--:|---|");
        foreach (var outcome in outcomes)
        {
            foreach (var round in outcome.Rounds)
                markdown.Line(RateRow(outcome, round));
        }

        markdown
            .Line()
            .Line("Where the time went, from the first vote of a round until every member had its last:")
            .Line()
            .Line("| Set-up | Votes a second | Processor, cores busy: app / PostgreSQL / client / other work | Processor a vote: app / PostgreSQL / client | Database at most: connections / busy / waiting for a lock |")
            .Line("|---|--:|---|---|---|");
        foreach (var outcome in outcomes)
        {
            foreach (var round in outcome.Rounds)
                markdown.Line(ResourceRow(outcome, round));
        }
        foreach (var outcome in outcomes.Where(o => o.Rounds.Count > 0))
            markdown.Line().Line(Capacity(outcome));

        markdown
            .Line()
            .Line("| Set-up | All joined in | App resident memory: before → all joined → after the last vote | TallyChanged received at the goal's rate |")
            .Line("|---|--:|---|--:|");
        foreach (var outcome in outcomes.Where(o => o.ResidentJoined.Length > 0))
            markdown.Line(MemoryRow(outcome));

        foreach (var outcome in outcomes.Where(o => o.AppErrors.Count > 0))
        {
            markdown.Line().Line($"Errors the app logged, {outcome.Setup.Name} (most frequent first):").Line();
            foreach (var error in outcome.AppErrors.Take(6))
                markdown.Line($"- `{Shortened(error, 300).Replace('`', '\'')}`");
        }

        markdown
            .Line()
            .Line("How it is measured:")
            .Line()
            .Line("- Each set-up starts its own cluster (`scripts/pg.sh` with `TB_DATA_DIR` under /tmp and a free port) and the app as")
            .Line("  `dotnet src/TumourBoard.Web/bin/Release/net10.0/TumourBoard.Web.dll` in Development (demo data), logging at Warning.")
            .Line("  With two instances both use one database, the second started once the first is ready; members alternate between")
            .Line("  the instances, so votes arrive at both and each event reaches half the room through PostgreSQL LISTEN/NOTIFY.")
            .Line(Invariant($"- The coordinator prepares a meeting through the REST API: {1 + VotingScenario.Rates.Length} submitted cases of three options, agenda published,"))
            .Line(Invariant($"  meeting started. {n} clinician accounts with personal access tokens are written to the database, spread over the"))
            .Line("  reference centres; members join 8 at a time (`JoinMeeting`).")
            .Line(Invariant($"- Warm-up: a vote of the whole room on the first case at {goalRate:0} a second, as the measured ones, then a pause of"))
            .Line(Invariant($"  {VotingScenario.WarmUpSettling.TotalSeconds:0} s, so that JIT compilation (up to optimised code) is not counted. Then one vote of the whole room"))
            .Line("  per rate, each on a case of its own: the chair moves to the case, opens the vote, the members vote, the chair closes the vote.")
            .Line(Invariant($"- Every member votes once, in random order, a tenth of them abstaining; {VotingScenario.ChangeShare:P0} change their vote once, 25 to 75 votes later."))
            .Line("  Votes leave on schedule whether or not earlier ones were answered (open loop), so a slow server shows as latency.")
            .Line("- A first vote's place in commit order is the `votesCast` of the tally `CastVote` returns; a member knows of it once it")
            .Line("  receives a `TallyChanged` for the case with `votesCast` at least that high (counts only grow, so that tally was read")
            .Line("  after the vote committed). Its latency runs from sending `CastVote` to the moment the last member received it, all")
            .Line("  read from one clock in the client, whose own handling of the messages is included. A changed vote leaves the count")
            .Line(Invariant($"  as it is and is not timed; the final tally checks it. Percentiles are nearest-rank over the {n} first votes (p99 is the"))
            .Line("  second slowest). Confirmed: from sending `CastVote` to its answer, changed votes included.")
            .Line("- Final tally: the vote closed through the API must count exactly the votes stored, and each voter's stored choice")
            .Line("  must be their last confirmed one. A call that failed may still have committed its vote; such votes are counted")
            .Line("  apart, not as duplicates.")
            .Line("- Server memory per member: the app's resident set (VmRSS) once all have joined minus before the first connected,")
            .Line("  summed over instances, divided by the members; it includes what joining costs once (compilation, pools, heap")
            .Line("  growth under the server garbage collector), so it is an upper bound. Processor: processor time from the first vote")
            .Line("  of a round until every member had its last, from /proc; PostgreSQL's includes every backend, other work is the rest")
            .Line("  of the machine's busy time. The database's connections are sampled from `pg_stat_activity` ten times a second.")
            .Line(Invariant($"- A set-up that does not finish in {VotingScenario.Limit.TotalMinutes:0} minutes is stopped and fails; processes and cluster are removed in every case."))
            .Line();
        return new SectionResult(markdown.ToString(), failures);
    }

    private static string GoalRow(VotingOutcome outcome, List<string> failures)
    {
        var n = VotingScenario.Participants;
        var name = Capitalised(outcome.Setup.Name);
        var members = outcome.Setup.Instances == 1 ? $"{n}" : $"{n} ({string.Join(" + ", Split(n, outcome.Setup.Instances))})";
        var memory = outcome.MemoryPerParticipant is { } bytes ? Size(bytes) : "–";
        var round = outcome.Rounds.FirstOrDefault(r => r.VotesPerSecond == VotingScenario.Rates[0]);
        if (round is null)
        {
            var reason = outcome.Error ?? "no figure";
            failures.Add($"Live voting, {outcome.Setup.Name}: did not complete: {reason}");
            return $"| {name} | {members} | – | – | – | – | – | {memory} | – | {Verdict(false)}: did not complete: {Cell(reason)} |";
        }

        var latencies = round.DeliveryMilliseconds;
        var p95 = VotingScenario.Percentile(latencies, 0.95);
        var p99 = VotingScenario.Percentile(latencies, 0.99);
        var final = round.Final;
        var problems = new List<string>();
        if (p95 is not { } a || a > P95GoalMilliseconds)
            problems.Add(Invariant($"p95 {Milliseconds(p95)} (goal ≤ {P95GoalMilliseconds:0} ms)"));
        if (p99 is not { } b || b > P99GoalMilliseconds)
            problems.Add(Invariant($"p99 {Milliseconds(p99)} (goal ≤ {P99GoalMilliseconds:0} ms)"));
        if (final.Lost > 0)
            problems.Add($"{final.Lost} confirmed votes lost");
        if (final.Unexpected > 0)
            problems.Add($"{final.Unexpected} votes stored that nobody sent");
        if (!final.TallyMatchesStored)
            problems.Add($"the closed tally counts {final.Counted} votes and the table holds {final.Stored}, or their options differ");
        if (round.FailedCasts > 0)
            problems.Add($"{round.FailedCasts} of {round.FirstVotes + round.ChangedVotes} votes failed ({round.FirstCastError})");
        if (round.Undelivered > 0)
            problems.Add($"{round.Undelivered} votes not known to every member {VotingScenario.DeliveryWait.TotalSeconds:0} s after the last");
        if (outcome.Error is not null)
            problems.Add($"stopped after the goal's rate: {outcome.Error}");
        foreach (var problem in problems)
            failures.Add($"Live voting, {outcome.Setup.Name}: {problem}.");

        return $"| {name} | {members} | {round.FirstVotes} + {round.ChangedVotes} changed | {Milliseconds(VotingScenario.Percentile(latencies, 0.5))} | {Milliseconds(p95)} | {Milliseconds(p99)} | {Milliseconds(latencies.Length == 0 ? null : latencies[^1])} | {memory} | {Tally(final)} | {Verdict(problems.Count == 0)} |";
    }

    private static string RateRow(VotingOutcome outcome, RoundOutcome r)
    {
        var latencies = r.DeliveryMilliseconds;
        return Invariant($"| {Capitalised(outcome.Setup.Name)} | {r.VotesPerSecond:0} | {r.Sending.TotalSeconds:0.0} s | {Milliseconds(VotingScenario.Percentile(latencies, 0.5))} | {Milliseconds(VotingScenario.Percentile(latencies, 0.95))} | {Milliseconds(VotingScenario.Percentile(latencies, 0.99))} | {Milliseconds(latencies.Length == 0 ? null : latencies[^1])} | {Milliseconds(VotingScenario.Percentile(r.ConfirmationMilliseconds, 0.5))} / {Milliseconds(VotingScenario.Percentile(r.ConfirmationMilliseconds, 0.95))} | {r.FailedCasts} | {Tally(r.Final)} |");
    }

    private static string ResourceRow(VotingOutcome outcome, RoundOutcome r)
    {
        var votes = r.FirstVotes + r.ChangedVotes;
        var seconds = r.Window.TotalSeconds;
        return Invariant($"| {Capitalised(outcome.Setup.Name)} | {r.VotesPerSecond:0} | {r.AppCores:0.00} / {r.PostgresCores:0.00} / {r.ClientCores:0.00} / {r.OtherCores:0.00} over {seconds:0.0} s | {r.AppCores * seconds * 1000 / votes:0.0} / {r.PostgresCores * seconds * 1000 / votes:0.0} / {r.ClientCores * seconds * 1000 / votes:0.0} ms | {r.Database.Connections} / {r.Database.Busy} / {r.Database.WaitingForLock} |");
    }

    // What a vote costs in processor time at the lowest rate, where nothing queues, and so how many votes a second the
    // machine could carry at best.
    private static string Capacity(VotingOutcome outcome)
    {
        var r = outcome.Rounds.MinBy(x => x.VotesPerSecond)!;
        var votes = r.FirstVotes + r.ChangedVotes;
        var perVote = (App: r.AppCores * r.Window.TotalSeconds * 1000 / votes, Postgres: r.PostgresCores * r.Window.TotalSeconds * 1000 / votes,
            Client: r.ClientCores * r.Window.TotalSeconds * 1000 / votes);
        var cores = Environment.ProcessorCount;
        return Invariant($"{Capitalised(outcome.Setup.Name)}: at {r.VotesPerSecond:0} votes a second a vote cost {perVote.App:0.0} ms of processor time in the app, {perVote.Postgres:0.0} ms in PostgreSQL and {perVote.Client:0.0} ms in the client (fanning out to {VotingScenario.Participants} members included), so {cores} cores fully given to it carry at most about {cores * 1000 / (perVote.App + perVote.Postgres + perVote.Client):0} votes a second, {cores * 1000 / (perVote.App + perVote.Postgres):0} with the clients elsewhere.");
    }

    private static string MemoryRow(VotingOutcome o)
    {
        var memory = string.Join("; ", o.ResidentBefore.Select((before, i) =>
            $"{Size(before)} → {Size(o.ResidentJoined[i])}{(o.Rounds.Count > 0 ? $" → {Size(o.Rounds[^1].ResidentAfter[i])}" : "")}"));
        var events = o.Rounds.FirstOrDefault() is { } goal
            ? Invariant($"{goal.Events:N0}{(goal.CountOnlyEvents > 0 ? Invariant($", {goal.CountOnlyEvents:N0} with only a count") : "")}")
            : "–";
        return Invariant($"| {Capitalised(o.Setup.Name)} | {o.Joining.TotalSeconds:0.0} s | {memory} | {events} |");
    }

    private static string Tally(TallyCheck final) => final.Passes && final.CommittedDespiteError == 0
        ? $"{final.Counted} votes, as cast"
        : $"{final.Counted} counted, {final.Confirmed} voters confirmed: {final.Lost} lost, {final.Unexpected} unexpected, "
          + $"{final.CommittedDespiteError} stored though the call failed{(final.TallyMatchesStored ? "" : "; tally differs from the stored votes")}";

    private static string Shortened(string text, int length) => text.Length <= length ? text : string.Concat(text.AsSpan(0, length), "…");

    private static string Milliseconds(double? value) => value is { } ms ? Duration(ms * 1e6) : "–";

    private static IEnumerable<int> Split(int total, int parts) =>
        Enumerable.Range(0, parts).Select(i => total / parts + (i < total % parts ? 1 : 0));

    private static string Capitalised(string text) => string.Concat(text[..1].ToUpperInvariant(), text[1..]);
}
