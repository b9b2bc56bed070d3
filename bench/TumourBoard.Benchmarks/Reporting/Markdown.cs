using System.Globalization;
using System.Text;

namespace TumourBoard.Benchmarks.Reporting;

// Figures as the sections print them: invariant culture, units chosen for the size of the value.
internal static class Markdown
{
    public static string Duration(double nanoseconds) => nanoseconds switch
    {
        >= 1e9 => Invariant($"{nanoseconds / 1e9:0.00} s"),
        >= 1e6 => Invariant($"{nanoseconds / 1e6:0.0} ms"),
        >= 1e3 => Invariant($"{nanoseconds / 1e3:0.0} µs"),
        _ => Invariant($"{nanoseconds:0} ns"),
    };

    public static string Size(long bytes) => bytes switch
    {
        >= 1_000_000 => Invariant($"{bytes / 1e6:0.00} MB"),
        >= 1_000 => Invariant($"{bytes / 1e3:0.0} kB"),
        _ => Invariant($"{bytes} B"),
    };

    public static string Verdict(bool pass) => pass ? "PASS" : "**FAIL**";

    public static string Date(DateTimeOffset moment) =>
        moment.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    // A table cell: pipes escaped, line breaks flattened.
    public static string Cell(string value) =>
        value.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");

    public static string Invariant(FormattableString value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// The table that opens every section: when and on what it ran, the rows the section adds (runtime, database,
    /// tool), and the load the machine had from other work.
    /// </summary>
    public static StringBuilder RunTable(this StringBuilder builder, RunDescription run, params string[] rows)
    {
        builder
            .Line("| | |")
            .Line("|---|---|")
            .Line($"| Measured | {Date(run.StartedAtUtc)} |")
            .Line($"| Processor | {Cell(run.Machine.Processor)} |")
            .Line($"| Operating system | {Cell(run.Machine.OperatingSystem)} |");
        foreach (var row in rows)
            builder.Line(row);
        if (run.Machine.LoadAverage is { } load)
            builder.Line($"| Load average at start | {load}, from other work on the machine |");
        return builder;
    }

    /// <summary>The rows of a section measured in-process by BenchmarkDotNet.</summary>
    public static string[] BenchmarkDotNetRows(RunDescription run) =>
    [
        $"| .NET | {Cell(run.Machine.Runtime)} |",
        $"| Tool | BenchmarkDotNet {run.Machine.BenchmarkDotNet}, in-process, Release build |",
    ];

    // Lines end in \n whatever the platform, so the file does not change with the machine that wrote it.
    public static StringBuilder Line(this StringBuilder builder, string line = "") => builder.Append(line).Append('\n');
}
