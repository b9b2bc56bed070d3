using System.Collections.Frozen;

namespace TumourBoard.Domain.Cases.Guard;

// Labels of one or more tokens ("MRN", "n° de dossier", "patient number"), matched backwards from their
// last word so a rule only looks at words the lexicon has flagged as a possible label end.
internal sealed class LabelSet
{
    private readonly FrozenDictionary<string, string[][]> byLastWord;
    private readonly FrozenDictionary<string, string[][]>.AlternateLookup<ReadOnlySpan<char>> lookup;

    // Each label has its tokens separated by spaces: "n ° de dossier".
    public LabelSet(IEnumerable<string> labels)
    {
        byLastWord = labels
            .Select(label => label.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .GroupBy(tokens => tokens[^1], StringComparer.OrdinalIgnoreCase)
            .ToFrozenDictionary(
                group => group.Key,
                group => group.Select(tokens => tokens[..^1]).OrderByDescending(before => before.Length).ToArray(),
                StringComparer.OrdinalIgnoreCase);
        lookup = byLastWord.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public IEnumerable<string> LastWords => byLastWord.Keys;

    // Finds the longest label ending at token last; returns its first token or -1.
    public int MatchEndingAt(TokenisedText text, int last)
    {
        if (!lookup.TryGetValue(text.Span(last), out var candidates))
            return -1;
        foreach (var before in candidates)
        {
            var k = last;
            var matched = true;
            for (var b = before.Length - 1; b >= 0 && matched; b--)
            {
                // Every token of a label sits on one line; what separates them does not matter.
                matched = text.SameLine(k) && k - 1 >= 0 && text.Span(k - 1).Equals(before[b], StringComparison.OrdinalIgnoreCase);
                k--;
            }

            if (matched)
                return k;
        }

        return -1;
    }
}
