using System.Text;
using BenchmarkDotNet.Reports;
using TumourBoard.Benchmarks.Reporting;
using static TumourBoard.Benchmarks.Reporting.Markdown;

namespace TumourBoard.Benchmarks.Guard;

// The identifying-data guard's part of docs/performance.md. Goals from the specification: at least 20 MB/s on one
// core on realistic case text, and well under a second for each 1 MB adversarial input (checked as p95 < 1 s).
internal sealed class GuardSection : IPerformanceSection
{
    private const double MinimumMegabytesPerSecond = 20;
    private const double AdversarialLimitNanoseconds = 1e9;

    public string Id => "guard";

    public IReadOnlyList<Type> BenchmarkTypes { get; } = [typeof(GuardThroughputBenchmarks), typeof(GuardAdversarialBenchmarks)];

    public SectionResult Render(IReadOnlyList<BenchmarkReport> reports, RunDescription run)
    {
        var failures = new List<string>();
        var markdown = new StringBuilder()
            .Line("## Identifying-data guard")
            .Line()
            .Line("`IdentifierGuard.Scan` runs on every text field of a case before it is saved. A scan is single-threaded,")
            .Line("so each figure is one core's work.")
            .Line()
            .RunTable(run, BenchmarkDotNetRows(run))
            .Line();

        Throughput(markdown, InOrder(reports, "Sample", CaseTextSample.All), failures);
        Adversarial(markdown, InOrder(reports, "Input", AdversarialInput.All), failures);
        return new SectionResult(markdown.ToString(), failures);
    }

    // The reports of the benchmark with this parameter, in the order the parameter's source lists its values.
    private static List<BenchmarkReport> InOrder<T>(IReadOnlyList<BenchmarkReport> reports, string parameter, IReadOnlyList<T> values)
        where T : class
    {
        var order = values.ToList();
        return [.. reports.Where(report => report.BenchmarkCase.Parameters[parameter] is T)
            .OrderBy(report => order.IndexOf((T)report.BenchmarkCase.Parameters[parameter]!))];
    }

    private static void Throughput(StringBuilder markdown, List<BenchmarkReport> reports, List<string> failures)
    {
        markdown
            .Line("### Throughput on realistic case text")
            .Line()
            .Line(Invariant($"Goal: at least {MinimumMegabytesPerSecond:0} MB/s on one core. The text is clean clinical text written for the"))
            .Line("benchmark (`bench/TumourBoard.Benchmarks/Guard/CaseText/`): a whole case per language, scanned field by field")
            .Line("as a save does, with eponyms, karyotypes, gene fusions, doses, laboratory values, protocols, trial numbers")
            .Line("and month/year dates, and the three cases together repeated to one 1 MiB text. MB/s is the text's size in")
            .Line("UTF-8 (1 MB = 10^6 bytes) divided by the mean time to scan all of it.")
            .Line();
        if (reports.Count == 0)
        {
            markdown.Line("Not measured in this run.").Line();
            return;
        }

        markdown
            .Line("| Text | Fields | Size | Mean | p95 | Throughput | Allocated per scan | Goal | Result |")
            .Line("|---|--:|--:|--:|--:|--:|--:|---|---|");
        foreach (var report in reports)
        {
            var sample = (CaseTextSample)report.BenchmarkCase.Parameters["Sample"]!;
            var statistics = report.ResultStatistics;
            var goal = Invariant($"≥ {MinimumMegabytesPerSecond:0} MB/s");
            if (statistics is null)
            {
                markdown.Line($"| {Cell(sample.Name)} | {sample.Fields.Count} | {Size(sample.Utf8Bytes)} | – | – | – | – | {goal} | {Verdict(false)}: did not run (see the log) |");
                failures.Add($"Guard throughput, {sample.Name}: the benchmark did not run.");
                continue;
            }

            var megabytesPerSecond = sample.Utf8Bytes / statistics.Mean * 1e9 / 1e6;
            var pass = megabytesPerSecond >= MinimumMegabytesPerSecond;
            var allocated = report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase) is { } bytes ? Size(bytes) : "–";
            markdown.Line(Invariant(
                $"| {Cell(sample.Name)} | {sample.Fields.Count} | {Size(sample.Utf8Bytes)} | {Duration(statistics.Mean)} | {Duration(statistics.Percentiles.P95)} | {megabytesPerSecond:0.0} MB/s | {allocated} | {goal} | {Verdict(pass)} |"));
            if (!pass)
                failures.Add(Invariant($"Guard throughput, {sample.Name}: {megabytesPerSecond:0.0} MB/s, goal {MinimumMegabytesPerSecond:0} MB/s."));
        }

        var run = reports[0].BenchmarkCase.Job.Run;
        markdown
            .Line()
            .Line(Invariant($"{run.IterationCount} measured iterations per text after {run.WarmupCount} warm-up ones, each iteration as many scans as"))
            .Line("fill about half a second. Mean and p95 leave out upper outliers, as BenchmarkDotNet does by default: on this")
            .Line("shared machine they are mostly other work.")
            .Line();
    }

    private static void Adversarial(StringBuilder markdown, List<BenchmarkReport> reports, List<string> failures)
    {
        markdown
            .Line("### 1 MiB adversarial inputs")
            .Line()
            .Line(Invariant($"Goal: well under a second per input; PASS when p95 < {AdversarialLimitNanoseconds / 1e9:0} s. Each input is the pattern repeated to"))
            .Line(Invariant($"{GuardAdversarialBenchmarks.InputLength:N0} characters, the inputs of `IdentifierGuardAdversarialTests`, built to make a"))
            .Line("backtracking or quadratic scanner blow up. Each measured iteration is one scan; the pattern is written as a")
            .Line("C# string literal.")
            .Line();
        if (reports.Count == 0)
        {
            markdown.Line("Not measured in this run.").Line();
            return;
        }

        markdown
            .Line("| Pattern | Mean | p95 | Max | Goal | Result |")
            .Line("|---|--:|--:|--:|---|---|");
        var goal = Invariant($"p95 < {AdversarialLimitNanoseconds / 1e9:0} s");
        var slowest = (Name: "", P95: 0.0);
        var passed = 0;
        foreach (var report in reports)
        {
            var input = (AdversarialInput)report.BenchmarkCase.Parameters["Input"]!;
            var pattern = $"`{input}`";
            var statistics = report.ResultStatistics;
            if (statistics is null)
            {
                markdown.Line($"| {Cell(pattern)} | – | – | – | {goal} | {Verdict(false)}: did not run (see the log) |");
                failures.Add($"Guard adversarial input {input}: the benchmark did not run.");
                continue;
            }

            var pass = statistics.Percentiles.P95 < AdversarialLimitNanoseconds;
            passed += pass ? 1 : 0;
            if (statistics.Percentiles.P95 > slowest.P95)
                slowest = (input.ToString(), statistics.Percentiles.P95);
            markdown.Line($"| {Cell(pattern)} | {Duration(statistics.Mean)} | {Duration(statistics.Percentiles.P95)} | {Duration(statistics.Max)} | {goal} | {Verdict(pass)} |");
            if (!pass)
                failures.Add($"Guard adversarial input {input}: p95 {Duration(statistics.Percentiles.P95)}, goal under 1 s.");
        }

        var run = reports[0].BenchmarkCase.Job.Run;
        markdown
            .Line()
            .Line(Invariant($"{passed} of {reports.Count} inputs within the goal; slowest p95 {Duration(slowest.P95)}, for `{slowest.Name}`."))
            .Line(Invariant($"{run.IterationCount} measured scans per input after {run.WarmupCount} warm-up scans; no scan is left out as an outlier, so"))
            .Line("Max is the slowest scan measured.")
            .Line();
    }
}
