using System.Text;

namespace TumourBoard.Benchmarks.Reporting;

/// <summary>
/// docs/performance.md as sections between <c>&lt;!-- section:id --&gt;</c> and <c>&lt;!-- /section:id --&gt;</c>.
/// Setting a section replaces only the text between its own markers; everything else in the file, other areas'
/// sections and any prose between them, is kept as it was. A section seen for the first time is appended.
/// </summary>
internal sealed class PerformanceDocument
{
    private const string Preamble =
        """
        # Performance

        Figures measured by `make bench` ([`bench/TumourBoard.Benchmarks`](../bench/TumourBoard.Benchmarks): BenchmarkDotNet,
        and measured scenarios for what spans processes), one section per area. Each section is written by that area's
        benchmarks or scenario and replaced whole when they run again, so the figures are never edited by hand: change the
        benchmark and run `make bench`. Why the figures live here and not in timed tests: [decision 0012](decisions/0012-benchmarks.md);
        how live voting is measured: [decision 0017](decisions/0017-live-voting-benchmark.md); the minutes PDF, warm and cold:
        [decision 0020](decisions/0020-minutes-benchmark.md).

        """;

    private string _text;

    private PerformanceDocument(string text) => _text = text.ReplaceLineEndings("\n");

    public static PerformanceDocument Load(string path) =>
        new(File.Exists(path) ? File.ReadAllText(path, Encoding.UTF8) : Preamble);

    public void SetSection(string id, string markdown)
    {
        var start = $"<!-- section:{id} -->";
        var end = $"<!-- /section:{id} -->";
        var block = $"{start}\n{markdown.ReplaceLineEndings("\n").Trim('\n')}\n{end}";

        var startAt = _text.IndexOf(start, StringComparison.Ordinal);
        if (startAt < 0)
        {
            _text = $"{_text.TrimEnd('\n')}\n\n{block}\n";
            return;
        }

        var endAt = _text.IndexOf(end, startAt + start.Length, StringComparison.Ordinal);
        if (endAt < 0)
            throw new InvalidDataException($"'{start}' has no '{end}' after it; fix the file before running again.");
        var again = _text.IndexOf(start, startAt + start.Length, StringComparison.Ordinal);
        if (again >= 0 && again < endAt)
            throw new InvalidDataException($"'{start}' appears twice before '{end}'; fix the file before running again.");
        _text = string.Concat(_text.AsSpan(0, startAt), block, _text.AsSpan(endAt + end.Length));
    }

    public void Save(string path)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null)
            Directory.CreateDirectory(folder);
        File.WriteAllText(path, _text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
    }
}
