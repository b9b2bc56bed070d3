using BenchmarkDotNet.Attributes;
using Perfolizer.Mathematics.OutlierDetection;
using TumourBoard.Domain.Cases.Guard;

namespace TumourBoard.Benchmarks.Guard;

// One scan of 1 MiB of hostile text. A scan takes milliseconds, so each iteration is one scan: BenchmarkDotNet
// would otherwise repeat it until an iteration lasts half a second, for 42 inputs. More iterations than the
// short job, so p95 rests on twenty scans, and no slow scan is dropped as an outlier: the goal is a bound.
[InvocationCount(1)]
[WarmupCount(2)]
[IterationCount(20)]
[Outliers(OutlierMode.DontRemove)]
public class GuardAdversarialBenchmarks
{
    public const int InputLength = 1 << 20;

    private string _text = "";

    public static IEnumerable<AdversarialInput> Inputs => AdversarialInput.All;

    [ParamsSource(nameof(Inputs))]
    public AdversarialInput Input { get; set; } = null!;

    [GlobalSetup]
    public void BuildText() => _text = Input.Build();

    [Benchmark]
    public int Scan() => IdentifierGuard.Scan(_text).Count;
}
