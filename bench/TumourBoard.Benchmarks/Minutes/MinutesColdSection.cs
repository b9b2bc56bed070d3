using System.Text;
using TumourBoard.Benchmarks.LiveVoting;
using TumourBoard.Benchmarks.Reporting;
using static TumourBoard.Benchmarks.Reporting.Markdown;

namespace TumourBoard.Benchmarks.Minutes;

// The cold minutes export's part of docs/performance.md. Goals from the issue: the minutes of a 40-case meeting with 60
// attendees in under a second cold, database reads included, with under 100 MB of memory. Warm exports over HTTP are
// measured too, for reference; the warm goal is judged in-process (MinutesSection).
internal sealed class MinutesColdSection : IScenarioSection
{
    private const double ColdLimitSeconds = 1;
    private const long MemoryLimitBytes = 100_000_000;

    public string Id => "minutes-cold";

    public async Task<SectionResult> MeasureAsync(RunDescription run, CancellationToken cancellationToken)
    {
        var root = AppInstance.RepositoryRoot();
        var outcome = await new ColdExportScenario(root).RunAsync(cancellationToken);
        return Render(outcome, run, AppInstance.GarbageCollector(root));
    }

    private static SectionResult Render(ColdExportOutcome outcome, RunDescription run, string appCollector)
    {
        var failures = new List<string>();
        var plan = BoardMeeting.For(ColdExportScenario.Language);
        var markdown = new StringBuilder()
            .Line("## Minutes PDF, cold export")
            .Line()
            .Line("The first `GET /api/v1/meetings/{id}/minutes.pdf` after a restart: the app reads the closed meeting from PostgreSQL")
            .Line("and renders the draft minutes on the request. The app runs as in production, its Release build in a process of")
            .Line("its own, on a PostgreSQL cluster of its own; the client (the benchmark program) runs on the same machine.")
            .Line()
            .RunTable(run,
                $"| .NET | {Cell(run.Machine.Runtime)} (the client); the app on the same runtime with {appCollector} |",
                $"| PostgreSQL | {Cell(outcome.PostgresVersion ?? "unknown")}, a cluster made by `scripts/pg.sh` for the run, default settings |",
                "| Tool | `--scenario minutes-cold` of the benchmark program (`Minutes/`), HttpClient, loopback only |");
        markdown
            .Line()
            .Line(Invariant($"Goal: under {ColdLimitSeconds:0} s cold from the request to the last byte, database reads included, and under {MemoryLimitBytes / 1_000_000} MB of memory:"))
            .Line("the growth of the app's resident set from just before the export to its peak during it.")
            .Line();

        var cold = outcome.Cold;
        if (cold.Count > 0)
        {
            markdown
                .Line("| Export | Pages | Size | To the headers | To the last byte | App processor time | Resident before → peak → after | Peak growth |")
                .Line("|---|--:|--:|--:|--:|--:|---|--:|");
            for (var i = 0; i < cold.Count; i++)
            {
                var c = cold[i];
                markdown.Line(Invariant(
                    $"| Cold, after restart {i + 1} | {c.Export.Pages} | {Size(c.Export.Bytes)} | {Ms(c.Export.Headers)} | {Ms(c.Export.Total)} | {Ms(c.AppProcessorTime)} | {Size(c.ResidentBefore)} → {Size(c.ResidentPeak)} → {Size(c.ResidentAfter)} | {Size(c.PeakGrowth)} |"));
            }
            markdown.Line();
        }

        markdown
            .Line("| Goal | Measured | Result |")
            .Line("|---|--:|---|");
        var complete = cold.Count == ColdExportScenario.ColdExports;
        var incomplete = complete ? "" : Invariant($"; {cold.Count} of {ColdExportScenario.ColdExports} cold exports done: {outcome.Error ?? "no figure"}");
        if (!complete)
            failures.Add($"Minutes PDF, cold: did not complete: {outcome.Error ?? "no figure"}");
        else if (outcome.Error is not null)
            failures.Add($"Minutes PDF, cold: stopped during the warm exports: {outcome.Error}");
        if (cold.Count > 0)
        {
            var median = cold.Select(c => c.Export.Total).Order().ElementAt((cold.Count - 1) / 2);
            var timePass = median.TotalSeconds < ColdLimitSeconds;
            var growth = cold.Max(c => c.PeakGrowth);
            var memoryPass = growth < MemoryLimitBytes;
            markdown
                .Line(Invariant($"| Cold export under {ColdLimitSeconds:0} s from the request to the last byte, median of the {cold.Count} | {Ms(median)} | {Verdict(timePass && complete)}{Cell(incomplete)} |"))
                .Line(Invariant($"| Memory under {MemoryLimitBytes / 1_000_000} MB: resident growth to the peak, largest of the {cold.Count} | {Size(growth)} | {Verdict(memoryPass && complete)}{Cell(incomplete)} |"));
            if (!timePass)
                failures.Add(Invariant($"Minutes PDF, cold: median {Ms(median)} to the last byte, goal under {ColdLimitSeconds:0} s."));
            if (!memoryPass)
                failures.Add($"Minutes PDF, cold: resident memory grew by up to {Size(growth)}, goal under {Size(MemoryLimitBytes)}.");
        }
        else
        {
            markdown
                .Line(Invariant($"| Cold export under {ColdLimitSeconds:0} s from the request to the last byte | – | {Verdict(false)}: did not complete: {Cell(outcome.Error ?? "no figure")} |"))
                .Line(Invariant($"| Memory under {MemoryLimitBytes / 1_000_000} MB: resident growth to the peak | – | {Verdict(false)}: did not complete |"));
        }

        if (outcome.Warm.Count > 0)
        {
            var totals = outcome.Warm.Select(w => w.Total).Order().ToList();
            var median = totals[totals.Count / 2];
            var pages = outcome.Warm[0].Pages;
            markdown
                .Line()
                .Line(Invariant($"The {outcome.Warm.Count} exports after the last cold one, warm, one after the other, for reference (no goal: the warm goal is judged in-process above):"))
                .Line(Invariant($"{string.Join(", ", outcome.Warm.Select(w => Ms(w.Total)))} to the last byte; median {Ms(median)}, that is {pages / median.TotalSeconds:0} pages a second"))
                .Line(Invariant($"with the database reads and HTTP included. App resident memory after them: {(outcome.ResidentAfterWarm is { } r ? Size(r) : "–")}."));
        }

        if (outcome.AppErrors.Count > 0)
        {
            markdown.Line().Line("Errors the app logged (most frequent first):").Line();
            foreach (var error in outcome.AppErrors.Take(6))
                markdown.Line($"- `{Shortened(error, 300).Replace('`', '\'')}`");
        }

        var held = outcome.Held;
        markdown
            .Line()
            .Line("How it is measured:")
            .Line()
            .Line("- A cluster of the run's own (`scripts/pg.sh` with `TB_DATA_DIR` under /tmp and a free port) and the app as")
            .Line("  `dotnet src/TumourBoard.Web/bin/Release/net10.0/TumourBoard.Web.dll` in Development (demo data), logging at Warning.")
            .Line(Invariant($"- The meeting of the warm benchmark, in English, is held through the REST API and the hub: {BoardMeeting.DiscussedCases + BoardMeeting.NotReachedCases} cases created and"))
            .Line(Invariant($"  submitted by their presenters, the agenda published, the meeting started; {BoardMeeting.Members} clinician accounts with personal access tokens"))
            .Line("  written to the database, spread over the seven centres of the reference data and an eighth added as an")
            .Line("  administrator would. Per case the chair moves to it and opens the vote, the members present vote, the chair")
            .Line("  closes the vote and records the recommendation. The members are in the room through the hub, as a centre's tools")
            .Line(Invariant($"  connect, and vote through it; the {plan.Attendees.Count(a => a.StepsOut)} who step out close their connection and open a new one on coming back,"))
            .Line(Invariant($"  so their attendance has several periods. The meeting closes with {BoardMeeting.NotReachedCases} cases not reached, and the coordinator writes each"))
            .Line("  case's summary and follow-up actions" + (held is null
                ? "."
                : Invariant($": {held.Calls:N0} calls and hub invocations, {held.Votes:N0} votes, {held.Elapsed.TotalSeconds:0} s in this run.")))
            .Line("- Then nothing is warm: the app process is stopped, PostgreSQL is restarted (its shared buffers empty; the")
            .Line("  operating system's file cache is the machine's and is not dropped) and the app started again"
                + (outcome.Restarts.Count > 0 ? Invariant($" ({string.Join(", ", outcome.Restarts.Select(r => $"{r.TotalSeconds:0.0} s"))} in this run).") : "."))
            .Line("  Its start-up migrates the database and seeds reference data, as every start does, so Entity Framework Core's")
            .Line("  model is built before the export; the export's own queries, bearer-token sign-in, the minutes' code, the fonts")
            .Line("  and Skia are used for the first time by the export. The client opens its connection with the readiness probe,")
            .Line(Invariant($"  which needs neither, then waits {ColdExportScenario.Settle.TotalSeconds:0} s for start-up's background work to settle."))
            .Line(Invariant($"  This is done {ColdExportScenario.ColdExports} times, each followed by one export; the time goal is judged on the median, the memory goal on"))
            .Line("  the largest growth.")
            .Line("- The time runs from sending the request to receiving the last byte of the PDF, on the client's clock; the")
            .Line("  headers arrive once the PDF is rendered, as the app sends it whole. App processor time is the app's user and")
            .Line("  system time during the export, from /proc, on all its threads (compilation included).")
            .Line(Invariant($"- Memory: the app's resident set (VmRSS) just before the export, its peak (sampled every {ColdExportScenario.SampleInterval.TotalMilliseconds:0} ms from a thread of"))
            .Line("  the client, and the kernel's high-water mark VmHWM when it rose during the export) and just after. The goal is")
            .Line("  read as the peak growth: the app as a whole is larger before any export (ASP.NET Core, EF Core, the demo data).")
            .Line(Invariant($"- A run that does not finish in {ColdExportScenario.Limit.TotalMinutes:0} minutes is stopped and fails; processes and cluster are removed in every case."))
            .Line();
        return new SectionResult(markdown.ToString(), failures);
    }

    private static string Ms(TimeSpan value) => Duration(value.TotalMilliseconds * 1e6);

    private static string Shortened(string text, int length) => text.Length <= length ? text : string.Concat(text.AsSpan(0, length), "…");
}
