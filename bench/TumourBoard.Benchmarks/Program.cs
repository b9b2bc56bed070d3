using BenchmarkDotNet.Running;
using TumourBoard.Benchmarks;
using TumourBoard.Benchmarks.Guard;
using TumourBoard.Benchmarks.Reporting;

// Each area adds its section here; its benchmark classes are run and its part of the report is rewritten.
IPerformanceSection[] sections = [new GuardSection()];

var arguments = BenchmarkArguments.Parse(args);
var run = new RunDescription(MachineDescription.Current(), DateTimeOffset.UtcNow);
var summaries = BenchmarkSwitcher
    .FromTypes([.. sections.SelectMany(section => section.BenchmarkTypes)])
    .Run(arguments.ForBenchmarkDotNet, BenchmarkSettings.Config)
    .ToList();

if (arguments.OutputPath is null)
    return 0;

var document = PerformanceDocument.Load(arguments.OutputPath);
var failures = new List<string>();
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

document.Save(arguments.OutputPath);
Console.WriteLine($"Wrote {Path.GetFullPath(arguments.OutputPath)}.");
foreach (var failure in failures)
    Console.Error.WriteLine($"FAIL: {failure}");
return failures.Count == 0 ? 0 : 1;
