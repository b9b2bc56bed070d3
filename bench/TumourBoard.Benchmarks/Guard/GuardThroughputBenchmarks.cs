using BenchmarkDotNet.Attributes;
using TumourBoard.Domain.Cases.Guard;

namespace TumourBoard.Benchmarks.Guard;

// What a save costs: every text field of a realistic case scanned, as PatientCase does before it stores a change.
// The text is clean, as submitted text nearly always is, so the whole of it goes through every rule.
public class GuardThroughputBenchmarks
{
    public static IEnumerable<CaseTextSample> Samples => CaseTextSample.All;

    [ParamsSource(nameof(Samples))]
    public CaseTextSample Sample { get; set; } = null!;

    // A finding would mean the sample is not clean text, and the figure would be for another path.
    [GlobalSetup]
    public void EnsureSampleIsClean()
    {
        var findings = IdentifierGuard.ScanFields(Sample.Fields);
        if (findings.Count == 0)
            return;
        var listed = findings.Take(10).Select(found =>
        {
            var text = Sample.Fields.First(field => field.Field == found.Field).Text!;
            return $"{found.Finding.Kind} in {found.Field}: '{text.Substring(found.Finding.Start, found.Finding.Length)}'";
        });
        throw new InvalidOperationException(
            $"{Sample}: the guard finds {findings.Count} identifier(s) in text meant to be clean: {string.Join("; ", listed)}.");
    }

    [Benchmark]
    public int ScanCase() => IdentifierGuard.ScanFields(Sample.Fields).Count;
}
