namespace TumourBoard.Benchmarks;

// Our own option, --output <path>, is taken out; the rest goes to BenchmarkDotNet, which is told to run every
// benchmark when no filter is given (otherwise it would ask interactively which one to run).
internal sealed record BenchmarkArguments(string? OutputPath, string[] ForBenchmarkDotNet)
{
    public static BenchmarkArguments Parse(string[] args)
    {
        string? output = null;
        var rest = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--output")
            {
                if (i + 1 >= args.Length)
                    throw new ArgumentException("--output needs a path.");
                output = args[++i];
            }
            else if (args[i].StartsWith("--output=", StringComparison.Ordinal))
            {
                output = args[i]["--output=".Length..];
            }
            else
            {
                rest.Add(args[i]);
            }
        }

        if (!rest.Any(arg => arg is "--filter" or "-f" || arg.StartsWith("--filter=", StringComparison.Ordinal)))
            rest.AddRange(["--filter", "*"]);
        return new BenchmarkArguments(output, [.. rest]);
    }
}
