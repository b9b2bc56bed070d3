using BenchmarkDotNet.Attributes;

namespace TumourBoard.Benchmarks.Minutes;

// What an export of the draft minutes costs once the data is read: the record of a 40-case meeting laid out and
// rendered to PDF, on one thread, by the one MinutesDocument the app keeps. Warm: the fonts are loaded and the code
// compiled by the first renders, as in an app that has served exports before. A render takes tens of milliseconds or
// more, so each iteration is a few renders at most; the short job's counts apply.
public class MinutesRenderBenchmarks
{
    public static IEnumerable<MinutesSample> Samples => MinutesSample.All;

    [ParamsSource(nameof(Samples))]
    public MinutesSample Sample { get; set; } = null!;

    // A document without pages would make pages per second meaningless: fail before measuring.
    [GlobalSetup]
    public void EnsureDocumentHasPages()
    {
        if (Sample.Pages == 0)
            throw new InvalidOperationException($"{Sample}: the minutes rendered to a PDF without pages.");
    }

    [Benchmark]
    public int Render() => Sample.Render().Length;
}
