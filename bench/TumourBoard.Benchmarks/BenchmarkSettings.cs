using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace TumourBoard.Benchmarks;

internal static class BenchmarkSettings
{
    // One short job for every benchmark: the machine has two cores shared with other work, and `make bench`
    // should finish in a few minutes. A class whose operations are long can lower its own counts with
    // BenchmarkDotNet's attributes ([InvocationCount], [IterationCount]), which apply on top of this job.
    //
    // In-process: BenchmarkDotNet's default toolchain generates and builds a project per run, which would
    // inherit the repository's Directory.Build.props (warnings as errors, central package versions) and cost a
    // second build on this small machine. The host is already a Release build without a debugger, and the code
    // measured keeps its state in static caches exactly as it does inside the app's long-lived process, so
    // running in the host process measures what production runs.
    public static IConfig Config { get; } = ManualConfig.Create(DefaultConfig.Instance)
        .AddJob(Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithLaunchCount(1)
            .WithWarmupCount(3)
            .WithIterationCount(10)
            .WithId("Short"))
        .AddDiagnoser(MemoryDiagnoser.Default)
        .AddColumn(StatisticColumn.P95);
}
