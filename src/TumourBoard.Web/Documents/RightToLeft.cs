using System.Globalization;
using System.Text;

namespace TumourBoard.Web.Documents;

/// <summary>
/// Hebrew and Arabic inside left-to-right documents: Arabic letters take the form their neighbours call for, and each
/// line is drawn in visual order. Enough for the names, words and short quotations cases contain, not a full shaping
/// engine: Arabic is shaped with Unicode's presentation forms (as PDF readers expect from a producer without OpenType
/// shaping), and the order follows the Unicode bidirectional algorithm for a left-to-right paragraph without explicit
/// embeddings: right-to-left letters, the numbers that follow them and the spaces and punctuation between them are
/// turned around; everything else stays in place.
/// </summary>
internal static class RightToLeft
{
    /// <summary>True when the text holds any right-to-left character (the hot path of every line: a vectorised scan).</summary>
    public static bool Contains(ReadOnlySpan<char> text) =>
        text.IndexOfAnyInRange('\u0590', '\u08FF') >= 0 || text.IndexOfAnyInRange('\uFB1D', '\uFDFF') >= 0
        || text.IndexOfAnyInRange('\uFE70', '\uFEFE') >= 0 || text.IndexOfAnyInRange('\uD802', '\uD803') >= 0
        || text.IndexOfAnyInRange('\uD83A', '\uD83B') >= 0;

    // Hebrew, Arabic, Syriac, Thaana, NKo and their presentation forms, and the right-to-left blocks beyond the BMP.
    private static bool IsRightToLeft(int c) =>
        c is >= 0x0590 and <= 0x08FF or >= 0xFB1D and <= 0xFDFF or >= 0xFE70 and <= 0xFEFE or >= 0x10800 and <= 0x10FFF or >= 0x1E800 and <= 0x1EFFF;

    /// <summary>The text with its Arabic letters in their isolated, initial, medial or final forms, lam-alef joined.</summary>
    public static string ShapeArabic(string text)
    {
        if (!ContainsArabic(text))
            return text;
        var shaped = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (!Forms.TryGetValue(c, out var forms))
            {
                shaped.Append(c);
                continue;
            }
            var joinsBefore = JoinsTowardsNext(Previous(text, i));
            var next = Next(text, i, out var nextIndex);
            if (c == Lam && LamAlef.TryGetValue(next, out var ligature))
            {
                // Lam and the alef after it are one glyph; the alef's position is skipped, marks between them kept.
                shaped.Append((char)(joinsBefore ? ligature + 1 : ligature));
                shaped.Append(text, i + 1, nextIndex - i - 1);
                i = nextIndex;
                continue;
            }
            var joinsAfter = forms.Length == 4 && (next == Tatweel || Forms.TryGetValue(next, out var nextForms) && nextForms.Length > 1);
            shaped.Append((char)(forms.Length == 1 ? forms[0]
                : joinsBefore && joinsAfter ? forms[3]
                : joinsBefore ? forms[1]
                : joinsAfter ? forms[2]
                : forms[0]));
        }
        return shaped.ToString();
    }

    /// <summary>One line as it is drawn from left to right, with brackets mirrored where they face the other way.</summary>
    public static string VisualOrder(ReadOnlySpan<char> line)
    {
        // Clusters: a character with the marks that follow it, kept together so that marks stay on their letter.
        var clusters = new List<(int Start, int Length, Kind Kind)>();
        var codePoints = new List<int>();
        while (!line.IsEmpty)
        {
            Rune.DecodeFromUtf16(line, out var rune, out var length);
            line = line[length..];
            var category = Rune.GetUnicodeCategory(rune);
            if (clusters.Count > 0 && category is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark)
            {
                var last = clusters[^1];
                clusters[^1] = last with { Length = last.Length + 1 };
            }
            else
            {
                clusters.Add((codePoints.Count, 1, KindOf(rune.Value, category)));
            }
            codePoints.Add(rune.Value);
        }

        var levels = Levels(clusters, codePoints);
        var order = Enumerable.Range(0, clusters.Count).ToArray();
        for (var level = 2; level >= 1; level--)
        {
            for (var i = 0; i < order.Length;)
            {
                if (levels[order[i]] < level)
                {
                    i++;
                    continue;
                }
                var end = i;
                while (end < order.Length && levels[order[end]] >= level)
                    end++;
                Array.Reverse(order, i, end - i);
                i = end;
            }
        }

        var visual = new StringBuilder(codePoints.Count);
        foreach (var index in order)
        {
            var (start, length, _) = clusters[index];
            var first = codePoints[start];
            visual.Append(new Rune(levels[index] % 2 == 1 && Mirrors.TryGetValue(first, out var mirrored) ? mirrored : first));
            for (var k = 1; k < length; k++)
                visual.Append(new Rune(codePoints[start + k]));
        }
        return visual.ToString();
    }

    private enum Kind : byte { Left, Right, Number, Neutral }

    // Embedding levels in a left-to-right paragraph: 0 for left-to-right, 1 for right-to-left, 2 for numbers inside it.
    private static int[] Levels(List<(int Start, int Length, Kind Kind)> clusters, List<int> codePoints)
    {
        var n = clusters.Count;
        // Numbers after right-to-left letters read as part of that text (W2); elsewhere they are left-to-right (W7).
        // A dot, comma, colon or slash between two digits belongs to the number (W4).
        var resolved = clusters.Select(c => c.Kind).ToArray();
        var lastStrong = Kind.Left;
        for (var i = 0; i < n; i++)
        {
            if (resolved[i] is Kind.Left or Kind.Right)
                lastStrong = resolved[i];
            else if (resolved[i] == Kind.Number && lastStrong == Kind.Left)
                resolved[i] = Kind.Left;
        }
        for (var i = 1; i + 1 < n; i++)
        {
            if (resolved[i] == Kind.Neutral && codePoints[clusters[i].Start] is '.' or ',' or ':' or '/' && resolved[i - 1] == Kind.Number && resolved[i + 1] == Kind.Number)
                resolved[i] = Kind.Number;
        }

        var levels = new int[n];
        for (var i = 0; i < n; i++)
        {
            if (resolved[i] != Kind.Neutral)
            {
                levels[i] = resolved[i] switch { Kind.Right => 1, Kind.Number => 2, _ => 0 };
                continue;
            }
            // Spaces and punctuation between two right-to-left runs (numbers count as such) join them (N1); otherwise
            // they take the paragraph's direction (N2).
            var end = i;
            while (end < n && resolved[end] == Kind.Neutral)
                end++;
            var before = i == 0 ? Kind.Left : resolved[i - 1];
            var after = end == n ? Kind.Left : resolved[end];
            var level = before is Kind.Right or Kind.Number && after is Kind.Right or Kind.Number ? 1 : 0;
            for (var k = i; k < end; k++)
                levels[k] = level;
            i = end - 1;
        }
        return levels;
    }

    private static Kind KindOf(int c, UnicodeCategory category)
    {
        if (c is >= '0' and <= '9' or >= 0x0660 and <= 0x0669 or >= 0x06F0 and <= 0x06F9)
            return Kind.Number;
        if (IsRightToLeft(c))
            return Kind.Right;
        return category switch
        {
            UnicodeCategory.SpaceSeparator or UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DashPunctuation
                or UnicodeCategory.OpenPunctuation or UnicodeCategory.ClosePunctuation or UnicodeCategory.InitialQuotePunctuation
                or UnicodeCategory.FinalQuotePunctuation or UnicodeCategory.OtherPunctuation or UnicodeCategory.MathSymbol
                or UnicodeCategory.CurrencySymbol or UnicodeCategory.ModifierSymbol or UnicodeCategory.OtherSymbol
                or UnicodeCategory.Format or UnicodeCategory.Control => Kind.Neutral,
            _ => Kind.Left,
        };
    }

    private static bool ContainsArabic(string text)
    {
        foreach (var c in text)
        {
            if (c is >= '\u0621' and <= '\u064A')
                return true;
        }
        return false;
    }

    private const char Lam = '\u0644';
    private const char Tatweel = '\u0640';

    // Harakat and other marks do not break the joining of the letters around them.
    private static bool IsTransparent(char c) => c is >= '\u064B' and <= '\u065F' or '\u0670' or >= '\u06D6' and <= '\u06ED';

    private static char Previous(string text, int i)
    {
        for (var k = i - 1; k >= 0; k--)
        {
            if (!IsTransparent(text[k]))
                return text[k];
        }
        return '\0';
    }

    private static char Next(string text, int i, out int index)
    {
        for (index = i + 1; index < text.Length; index++)
        {
            if (!IsTransparent(text[index]))
                return text[index];
        }
        return '\0';
    }

    // A letter joins the one after it when it has initial and medial forms (dual-joining), as tatweel does.
    private static bool JoinsTowardsNext(char c) => c == Tatweel || Forms.TryGetValue(c, out var forms) && forms.Length == 4;

    // Presentation forms B: isolated, final (and for dual-joining letters initial, medial).
    private static readonly Dictionary<char, int[]> Forms = new()
    {
        ['\u0621'] = [0xFE80],
        ['\u0622'] = [0xFE81, 0xFE82],
        ['\u0623'] = [0xFE83, 0xFE84],
        ['\u0624'] = [0xFE85, 0xFE86],
        ['\u0625'] = [0xFE87, 0xFE88],
        ['\u0626'] = [0xFE89, 0xFE8A, 0xFE8B, 0xFE8C],
        ['\u0627'] = [0xFE8D, 0xFE8E],
        ['\u0628'] = [0xFE8F, 0xFE90, 0xFE91, 0xFE92],
        ['\u0629'] = [0xFE93, 0xFE94],
        ['\u062A'] = [0xFE95, 0xFE96, 0xFE97, 0xFE98],
        ['\u062B'] = [0xFE99, 0xFE9A, 0xFE9B, 0xFE9C],
        ['\u062C'] = [0xFE9D, 0xFE9E, 0xFE9F, 0xFEA0],
        ['\u062D'] = [0xFEA1, 0xFEA2, 0xFEA3, 0xFEA4],
        ['\u062E'] = [0xFEA5, 0xFEA6, 0xFEA7, 0xFEA8],
        ['\u062F'] = [0xFEA9, 0xFEAA],
        ['\u0630'] = [0xFEAB, 0xFEAC],
        ['\u0631'] = [0xFEAD, 0xFEAE],
        ['\u0632'] = [0xFEAF, 0xFEB0],
        ['\u0633'] = [0xFEB1, 0xFEB2, 0xFEB3, 0xFEB4],
        ['\u0634'] = [0xFEB5, 0xFEB6, 0xFEB7, 0xFEB8],
        ['\u0635'] = [0xFEB9, 0xFEBA, 0xFEBB, 0xFEBC],
        ['\u0636'] = [0xFEBD, 0xFEBE, 0xFEBF, 0xFEC0],
        ['\u0637'] = [0xFEC1, 0xFEC2, 0xFEC3, 0xFEC4],
        ['\u0638'] = [0xFEC5, 0xFEC6, 0xFEC7, 0xFEC8],
        ['\u0639'] = [0xFEC9, 0xFECA, 0xFECB, 0xFECC],
        ['\u063A'] = [0xFECD, 0xFECE, 0xFECF, 0xFED0],
        ['\u0641'] = [0xFED1, 0xFED2, 0xFED3, 0xFED4],
        ['\u0642'] = [0xFED5, 0xFED6, 0xFED7, 0xFED8],
        ['\u0643'] = [0xFED9, 0xFEDA, 0xFEDB, 0xFEDC],
        ['\u0644'] = [0xFEDD, 0xFEDE, 0xFEDF, 0xFEE0],
        ['\u0645'] = [0xFEE1, 0xFEE2, 0xFEE3, 0xFEE4],
        ['\u0646'] = [0xFEE5, 0xFEE6, 0xFEE7, 0xFEE8],
        ['\u0647'] = [0xFEE9, 0xFEEA, 0xFEEB, 0xFEEC],
        ['\u0648'] = [0xFEED, 0xFEEE],
        ['\u0649'] = [0xFEEF, 0xFEF0],
        ['\u064A'] = [0xFEF1, 0xFEF2, 0xFEF3, 0xFEF4],
    };

    // Lam followed by an alef: the isolated ligature; the final one is the next code point.
    private static readonly Dictionary<char, int> LamAlef = new()
    {
        ['\u0622'] = 0xFEF5,
        ['\u0623'] = 0xFEF7,
        ['\u0625'] = 0xFEF9,
        ['\u0627'] = 0xFEFB,
    };

    private static readonly Dictionary<int, int> Mirrors = new()
    {
        ['('] = ')', [')'] = '(', ['['] = ']', [']'] = '[', ['{'] = '}', ['}'] = '{', ['<'] = '>', ['>'] = '<',
        ['\u00AB'] = '\u00BB', ['\u00BB'] = '\u00AB', ['\u2039'] = '\u203A', ['\u203A'] = '\u2039',
    };
}
