using BenchmarkDotNet.Reports;

namespace TumourBoard.Benchmarks.Reporting;

/// <summary>
/// One area's part of docs/performance.md (the guard, live voting, the minutes PDF...): the benchmark classes
/// that measure it and how their results read against the area's goals. Program runs the classes and replaces
/// the area's section, between <c>&lt;!-- section:Id --&gt;</c> markers, with what <see cref="Render"/> writes.
/// </summary>
internal interface IPerformanceSection
{
    /// <summary>Name in the section markers; never change it once written, or the old section stays behind.</summary>
    string Id { get; }

    IReadOnlyList<Type> BenchmarkTypes { get; }

    /// <summary>
    /// Writes the section, heading included, from this run's reports of <see cref="BenchmarkTypes"/>. A report
    /// without statistics is a benchmark that failed to run; it must show in the section and in the failures.
    /// </summary>
    SectionResult Render(IReadOnlyList<BenchmarkReport> reports, RunDescription run);
}

/// <summary>The section's Markdown and one line for each goal missed or scenario that produced no figure.</summary>
internal sealed record SectionResult(string Markdown, IReadOnlyList<string> Failures);

internal sealed record RunDescription(MachineDescription Machine, DateTimeOffset StartedAtUtc);
