namespace TumourBoard.Benchmarks;

// Our own options are taken out: --output <path>, and --scenario <id> (repeatable) for the measured scenarios that are
// not BenchmarkDotNet benchmarks. The rest goes to BenchmarkDotNet, which is told to run every benchmark when no filter
// is given (otherwise it would ask interactively which one to run).
//
// Without any argument everything runs. Arguments for BenchmarkDotNet alone (a filter, --list) run benchmarks only, so
// a filtered run stays short; --scenario alone runs those scenarios only; both together run both.
internal sealed record BenchmarkArguments(string? OutputPath, string[] ForBenchmarkDotNet, IReadOnlyList<string> Scenarios, bool RunsBenchmarkDotNet,
    bool RunsEveryScenario)
{
    public bool RunsScenario(string id) => RunsEveryScenario || Scenarios.Contains(id, StringComparer.OrdinalIgnoreCase);

    public static BenchmarkArguments Parse(string[] args)
    {
        string? output = null;
        var scenarios = new List<string>();
        var rest = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] is "--output" or "--scenario")
            {
                if (i + 1 >= args.Length)
                    throw new ArgumentException($"{args[i]} needs a value.");
                if (args[i] == "--output")
                    output = args[++i];
                else
                    scenarios.Add(args[++i]);
            }
            else if (args[i].StartsWith("--output=", StringComparison.Ordinal))
            {
                output = args[i]["--output=".Length..];
            }
            else if (args[i].StartsWith("--scenario=", StringComparison.Ordinal))
            {
                scenarios.Add(args[i]["--scenario=".Length..]);
            }
            else
            {
                rest.Add(args[i]);
            }
        }

        var forBenchmarkDotNet = rest.Count > 0;
        if (!rest.Any(arg => arg is "--filter" or "-f" || arg.StartsWith("--filter=", StringComparison.Ordinal)))
            rest.AddRange(["--filter", "*"]);
        return new BenchmarkArguments(output, [.. rest], scenarios,
            RunsBenchmarkDotNet: forBenchmarkDotNet || scenarios.Count == 0,
            RunsEveryScenario: !forBenchmarkDotNet && scenarios.Count == 0);
    }
}
