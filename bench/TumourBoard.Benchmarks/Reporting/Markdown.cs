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

    // Lines end in \n whatever the platform, so the file does not change with the machine that wrote it.
    public static StringBuilder Line(this StringBuilder builder, string line = "") => builder.Append(line).Append('\n');
}
