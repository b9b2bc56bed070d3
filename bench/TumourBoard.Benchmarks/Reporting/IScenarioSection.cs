namespace TumourBoard.Benchmarks.Reporting;

/// <summary>
/// One area's part of docs/performance.md measured by a scenario of its own instead of BenchmarkDotNet: figures that
/// span processes (the app, PostgreSQL, many clients), which BenchmarkDotNet's in-process iterations cannot time.
/// Program runs it after the benchmarks, when it is selected (see <see cref="BenchmarkArguments"/>), and replaces the
/// area's section, between <c>&lt;!-- section:Id --&gt;</c> markers, with what <see cref="MeasureAsync"/> writes.
/// </summary>
internal interface IScenarioSection
{
    /// <summary>Name in the section markers and after <c>--scenario</c>; never change it once written.</summary>
    string Id { get; }

    /// <summary>
    /// Runs the scenario and writes the section, heading included. A scenario that could not produce a figure says so in
    /// the section and in the failures instead of throwing; it leaves no process or file behind, also when cancelled.
    /// </summary>
    Task<SectionResult> MeasureAsync(RunDescription run, CancellationToken cancellationToken);
}
