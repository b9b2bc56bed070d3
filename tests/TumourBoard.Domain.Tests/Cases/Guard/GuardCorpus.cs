using System.Globalization;
using System.Text;
using TumourBoard.Domain.Cases.Guard;

namespace TumourBoard.Domain.Tests.Cases.Guard;

internal sealed record CorpusSnippet(int Line, bool MustBlock, IdentifierKind? Kind, string Language, string Text)
{
    public override string ToString() => $"line {Line} [{Language}] {Text}";
}

// Reads corpus.tsv, shipped next to the tests: expected, kind, language, snippet.
internal static class GuardCorpus
{
    public static IReadOnlyList<CorpusSnippet> Snippets { get; } = Load();

    private static List<CorpusSnippet> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Cases", "Guard", "corpus.tsv");
        var snippets = new List<CorpusSnippet>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (line.Length == 0 || line.StartsWith('#'))
                continue;
            var columns = line.Split('\t');
            if (columns.Length != 4)
                throw new InvalidDataException($"corpus.tsv line {lineNumber}: expected 4 tab-separated columns.");
            var mustBlock = columns[0] switch
            {
                "block" => true,
                "pass" => false,
                _ => throw new InvalidDataException($"corpus.tsv line {lineNumber}: expected block or pass."),
            };
            IdentifierKind? kind = mustBlock ? Enum.Parse<IdentifierKind>(columns[1]) : null;
            snippets.Add(new CorpusSnippet(lineNumber, mustBlock, kind, columns[2], Unescape(columns[3])));
        }

        return snippets;
    }

    // \uXXXX lets the file show invisible characters; nothing else is escaped.
    private static string Unescape(string text)
    {
        if (!text.Contains("\\u", StringComparison.Ordinal))
            return text;
        var result = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 5 < text.Length && text[i + 1] == 'u')
            {
                result.Append((char)int.Parse(text.AsSpan(i + 2, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                i += 5;
            }
            else
            {
                result.Append(text[i]);
            }
        }

        return result.ToString();
    }
}
