using System.Runtime.InteropServices;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using TumourBoard.Benchmarks;
using TumourBoard.Benchmarks.Guard;
using TumourBoard.Benchmarks.LiveVoting;
using TumourBoard.Benchmarks.Minutes;
using TumourBoard.Benchmarks.Reporting;

// Each area adds its section here: BenchmarkDotNet areas run their benchmark classes, scenario areas run their own
// measured scenario; each rewrites its part of the report.
IPerformanceSection[] sections = [new GuardSection(), new MinutesSection()];
IScenarioSection[] scenarios = [new VotingSection(), new MinutesColdSection()];

var arguments = BenchmarkArguments.Parse(args);
var unknown = arguments.Scenarios.Where(id => !scenarios.Any(s => s.Id.Equals(id, StringComparison.OrdinalIgnoreCase))).ToList();
if (unknown.Count > 0)
{
    Console.Error.WriteLine($"Unknown scenario {string.Join(", ", unknown)}; known: {string.Join(", ", scenarios.Select(s => s.Id))}.");
    return 2;
}

var run = new RunDescription(MachineDescription.Current(), DateTimeOffset.UtcNow);
List<Summary> summaries = arguments.RunsBenchmarkDotNet
    ? [.. BenchmarkSwitcher
        .FromTypes([.. sections.SelectMany(section => section.BenchmarkTypes)])
        .Run(arguments.ForBenchmarkDotNet, BenchmarkSettings.Config)]
    : [];

// Scenarios start processes of their own: Ctrl+C or SIGTERM cancels the scenario, which then cleans up before we exit.
using var stop = new CancellationTokenSource();
var scenarioResults = new List<(IScenarioSection Section, SectionResult Result)>();
using (PosixSignalRegistration.Create(PosixSignal.SIGINT, Cancel))
using (PosixSignalRegistration.Create(PosixSignal.SIGTERM, Cancel))
{
    foreach (var scenario in scenarios.Where(s => arguments.RunsScenario(s.Id)))
    {
        // The load on the machine now, not when the benchmarks before it started.
        var scenarioRun = new RunDescription(run.Machine with { LoadAverage = MachineDescription.ReadLoadAverage() }, DateTimeOffset.UtcNow);
        scenarioResults.Add((scenario, await scenario.MeasureAsync(scenarioRun, stop.Token)));
        if (stop.IsCancellationRequested)
        {
            Console.Error.WriteLine("Cancelled; docs/performance.md is left as it was.");
            return 130;
        }
    }
}

var failures = new List<string>();
if (arguments.OutputPath is null)
{
    foreach (var (_, result) in scenarioResults)
    {
        Console.WriteLine(result.Markdown);
        failures.AddRange(result.Failures);
    }
    foreach (var failure in failures)
        Console.Error.WriteLine($"FAIL: {failure}");
    return failures.Count == 0 ? 0 : 1;
}

var document = PerformanceDocument.Load(arguments.OutputPath);
foreach (var section in sections)
{
    var reports = summaries
        .SelectMany(summary => summary.Reports)
        .Where(report => section.BenchmarkTypes.Contains(report.BenchmarkCase.Descriptor.Type))
        .ToList();
    var benchmarksRan = summaries.Any(summary =>
        summary.BenchmarksCases.Any(benchmark => section.BenchmarkTypes.Contains(benchmark.Descriptor.Type)));
    if (!benchmarksRan)
        continue; // filtered out: keep what the file already says about this area

    var result = section.Render(reports, run);
    document.SetSection(section.Id, result.Markdown);
    failures.AddRange(result.Failures);
}
foreach (var (section, result) in scenarioResults)
{
    document.SetSection(section.Id, result.Markdown);
    failures.AddRange(result.Failures);
}

document.Save(arguments.OutputPath);
Console.WriteLine($"Wrote {Path.GetFullPath(arguments.OutputPath)}.");
foreach (var failure in failures)
    Console.Error.WriteLine($"FAIL: {failure}");
return failures.Count == 0 ? 0 : 1;

void Cancel(PosixSignalContext context)
{
    context.Cancel = true;
    stop.Cancel();
}
