using System.Runtime;
using BenchmarkDotNet.Attributes;

namespace TumourBoard.Benchmarks.Minutes;

// What an export of the draft minutes costs once the data is read: the record of a 40-case meeting laid out and
// rendered to PDF, on one thread, by the one MinutesDocument the app keeps. Warm: the fonts are loaded and the code
// compiled and optimised by earlier renders, as in an app that has served exports before. A render takes about a
// hundred milliseconds, so each iteration is a few renders; the short job's counts apply.
public class MinutesRenderBenchmarks
{
    public const int MaximumWarmUpRenders = 50;

    public static IEnumerable<MinutesSample> Samples => MinutesSample.All;

    [ParamsSource(nameof(Samples))]
    public MinutesSample Sample { get; set; } = null!;

    // Warm as a server that has exported before. BenchmarkDotNet's warm-up is a few renders here, and tiered compilation
    // takes longer than that to finish optimising the render's code, the more so on a busy machine: the language measured
    // first would pay for it. So render until the JIT has compiled nothing new over three renders in a row.
    [GlobalSetup]
    public void RenderUntilCompiled()
    {
        // A document without pages would make pages per second meaningless: fail before measuring.
        if (Sample.Pages == 0)
            throw new InvalidOperationException($"{Sample}: the minutes rendered to a PDF without pages.");
        var compiled = JitInfo.GetCompiledMethodCount();
        for (int renders = 0, unchanged = 0; renders < MaximumWarmUpRenders && unchanged < 3; renders++)
        {
            Sample.Render();
            var now = JitInfo.GetCompiledMethodCount();
            unchanged = now == compiled ? unchanged + 1 : 0;
            compiled = now;
        }
    }

    [Benchmark]
    public int Render() => Sample.Render().Length;
}
