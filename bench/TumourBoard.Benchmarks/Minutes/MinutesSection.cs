using System.Text;
using BenchmarkDotNet.Reports;
using TumourBoard.Benchmarks.Reporting;
using static TumourBoard.Benchmarks.Reporting.Markdown;

namespace TumourBoard.Benchmarks.Minutes;

// The minutes PDF's part of docs/performance.md, warm and in-process. Goal from the issue: the minutes of a 40-case
// meeting with 60 attendees at 200 pages a second or more, warm, on one core. The cold export and the memory goal are
// measured by the minutes-cold scenario (MinutesColdSection).
internal sealed class MinutesSection : IPerformanceSection
{
    public const double MinimumPagesPerSecond = 200;

    public string Id => "minutes";

    public IReadOnlyList<Type> BenchmarkTypes { get; } = [typeof(MinutesRenderBenchmarks)];

    public SectionResult Render(IReadOnlyList<BenchmarkReport> reports, RunDescription run)
    {
        var failures = new List<string>();
        var meeting = MinutesSample.All[0].Meeting;
        var markdown = new StringBuilder()
            .Line("## Minutes PDF, warm")
            .Line()
            .Line("`MinutesDocument.Minutes` lays out the minutes of a closed meeting and renders them to PDF (`SkiaPdfRenderer`). A")
            .Line("render runs on one thread, so each figure is one core's work. The database reads are not included here; the")
            .Line("export as a whole, cold, is measured in the next section.")
            .Line()
            .RunTable(run, BenchmarkDotNetRows(run));
        markdown
            .Line()
            .Line(Invariant($"Goal: at least {MinimumPagesPerSecond:0} pages a second, warm, on one core. Pages a second is the pages of the document divided"))
            .Line("by the mean time to render it.")
            .Line();

        var ordered = reports
            .Where(report => report.BenchmarkCase.Parameters["Sample"] is MinutesSample)
            .OrderBy(report => MinutesSample.All.ToList().IndexOf((MinutesSample)report.BenchmarkCase.Parameters["Sample"]!))
            .ToList();
        if (ordered.Count == 0)
        {
            markdown.Line("Not measured in this run.").Line();
            return new SectionResult(markdown.ToString(), failures);
        }

        markdown
            .Line("| Language | Pages | Size | Mean | p95 | Pages a second | Allocated per render | Goal | Result |")
            .Line("|---|--:|--:|--:|--:|--:|--:|---|---|");
        var goal = Invariant($"≥ {MinimumPagesPerSecond:0} pages/s");
        foreach (var report in ordered)
        {
            var sample = (MinutesSample)report.BenchmarkCase.Parameters["Sample"]!;
            var statistics = report.ResultStatistics;
            if (statistics is null)
            {
                markdown.Line($"| {sample.Name} | – | – | – | – | – | – | {goal} | {Verdict(false)}: did not run (see the log) |");
                failures.Add($"Minutes PDF, {sample.Name}: the benchmark did not run.");
                continue;
            }

            var pagesPerSecond = sample.Pages / (statistics.Mean / 1e9);
            var pass = pagesPerSecond >= MinimumPagesPerSecond;
            var allocated = report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase) is { } bytes ? Size(bytes) : "–";
            markdown.Line(Invariant(
                $"| {sample.Name} | {sample.Pages} | {Size(sample.Bytes)} | {Duration(statistics.Mean)} | {Duration(statistics.Percentiles.P95)} | {pagesPerSecond:0} | {allocated} | {goal} | {Verdict(pass)} |"));
            if (!pass)
                failures.Add(Invariant($"Minutes PDF, {sample.Name}: {pagesPerSecond:0} pages a second, goal {MinimumPagesPerSecond:0}."));
        }

        var job = ordered[0].BenchmarkCase.Job.Run;
        var periods = meeting.Attendees.Count(a => a.StepsOut);
        markdown
            .Line()
            .Line("How it is measured:")
            .Line()
            .Line(Invariant($"- The record is the one `MinutesService` reads from the database for a closed meeting, built in memory: {BoardMeeting.DiscussedCases} cases"))
            .Line(Invariant($"  discussed and {BoardMeeting.NotReachedCases} not reached, {BoardMeeting.Members} clinicians from the eight centres and the chair in the attendance table"))
            .Line(Invariant($"  ({meeting.AttendancePeriods + 1} attendance periods: {periods} members step out and come back, some arrive late), {meeting.VoteCount:N0} votes."))
            .Line("  Each case has its question, two to four options (trials among them), the tally, the recommendation with its")
            .Line("  rationale, consensus, dissent and trial referral, a discussion summary of 210 to 300 words and one to three")
            .Line("  follow-up actions. The texts are clinical text written for the benchmark in each language")
            .Line("  (`bench/TumourBoard.Benchmarks/Minutes/MeetingText/`), six cases that the agenda cycles through, checked clean by")
            .Line("  the identifying-data guard. The minutes are the draft, marked DRAFT on every page, as an export before")
            .Line("  finalisation renders them; labels come from the app's resources in the meeting's language.")
            .Line("- One `MinutesDocument` with one `SkiaPdfRenderer` serves every render, as the app's singletons do: fonts loaded")
            .Line("  and glyph lookups cached by the first render. Before measuring a language, the benchmark renders it until the")
            .Line(Invariant($"  JIT has compiled nothing new over three renders in a row (at most {MinutesRenderBenchmarks.MaximumWarmUpRenders}), so that tiered compilation has finished"))
            .Line("  optimising the code, as in a server that has exported before. Pages are counted in the PDF (its page objects),")
            .Line("  not assumed.")
            .Line(Invariant($"- {job.IterationCount} measured iterations per language after {job.WarmupCount} warm-up ones, each as many renders as fill about half a"))
            .Line("  second. Mean and p95 leave out upper outliers, as BenchmarkDotNet does by default: on this shared machine they")
            .Line("  are mostly other work. Allocated is managed memory per render (MemoryDiagnoser); Skia's native buffers are not")
            .Line("  counted there. The memory goal is judged on the app's resident memory in the next section.")
            .Line();
        return new SectionResult(markdown.ToString(), failures);
    }
}
