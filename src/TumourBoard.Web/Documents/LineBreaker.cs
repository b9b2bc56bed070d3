using System.Text;

namespace TumourBoard.Web.Documents;

/// <summary>One line of a text: the characters [Start, End) and their width in points, trailing spaces left out.</summary>
internal readonly record struct TextLine(int Start, int End, float Width);

/// <summary>Breaks text into lines that fit a width.</summary>
internal static class LineBreaker
{
    private const string Ellipsis = "\u2026";

    /// <summary>
    /// The form in which text is measured and drawn: composed (NFC), so that "e" followed by a combining accent is
    /// one "é", Arabic letters in the forms their neighbours call for, with Windows and old Mac line ends as \n and
    /// tabs as spaces.
    /// </summary>
    public static string Prepare(string text)
    {
        try
        {
            if (!text.IsNormalized())
                text = text.Normalize();
        }
        catch (ArgumentException)
        {
            // A lone surrogate cannot be normalised; the text is kept as it is and the surrogate drawn as U+FFFD.
        }
        text = RightToLeft.ShapeArabic(text);
        return text.AsSpan().IndexOfAny('\r', '\t') < 0 ? text : text.Replace("\r\n", "\n").Replace('\r', '\n').Replace('\t', ' ');
    }

    /// <summary>
    /// Adds the lines of <paramref name="text"/> to <paramref name="lines"/>. Lines break at spaces, and at every
    /// \n. A word wider than the line is broken between characters, never inside a surrogate pair, so nothing is
    /// lost or sticks out. Every line holds at least one character, so a width too narrow for anything still ends.
    /// </summary>
    public static void Break(string text, GlyphMap map, float size, float maxWidth, List<TextLine> lines)
    {
        var lineStart = 0;
        var lineWidth = 0f;      // up to the current position, spaces included
        var contentEnd = 0;      // after the line's last character that is not a space
        var contentWidth = 0f;
        var breakEnd = -1;       // where the line ends if it breaks at the last run of spaces
        var breakWidth = 0f;
        var wordStart = 0;       // the word after that run of spaces
        var wordWidth = 0f;
        var afterSpace = false;

        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '\n')
            {
                lines.Add(new TextLine(lineStart, contentEnd, contentWidth));
                i++;
                lineStart = contentEnd = wordStart = i;
                lineWidth = contentWidth = wordWidth = 0;
                breakEnd = -1;
                afterSpace = false;
                continue;
            }

            Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out var length);
            var advance = map[rune.Value].Advance * size;
            if (rune.Value is ' ' or '\u200B')
            {
                if (!afterSpace && contentEnd > lineStart)
                {
                    breakEnd = contentEnd;
                    breakWidth = contentWidth;
                }
                lineWidth += advance;
                afterSpace = true;
                i += length;
                continue;
            }

            if (afterSpace)
            {
                wordStart = i;
                wordWidth = 0;
                afterSpace = false;
            }
            if (lineWidth + advance > maxWidth && breakEnd > lineStart)
            {
                lines.Add(new TextLine(lineStart, breakEnd, breakWidth));
                lineStart = wordStart;
                lineWidth = contentWidth = wordWidth;
                contentEnd = i;
                breakEnd = -1;
            }
            if (lineWidth + advance > maxWidth && i > lineStart)
            {
                lines.Add(new TextLine(lineStart, contentEnd, contentWidth));
                lineStart = contentEnd = wordStart = i;
                lineWidth = contentWidth = wordWidth = 0;
                breakEnd = -1;
            }
            lineWidth += advance;
            wordWidth += advance;
            i += length;
            contentEnd = i;
            contentWidth = lineWidth;
        }
        lines.Add(new TextLine(lineStart, contentEnd, contentWidth));
    }

    /// <summary>The text on one line: as it is when it fits, otherwise cut and ended with an ellipsis.</summary>
    public static string FitOnOneLine(string text, GlyphMap map, float size, float maxWidth)
    {
        text = Prepare(text).Replace('\n', ' ');
        if (map.Measure(text, size) <= maxWidth)
            return text;

        var available = maxWidth - map.Measure(Ellipsis, size);
        var width = 0f;
        var end = 0;
        while (end < text.Length)
        {
            Rune.DecodeFromUtf16(text.AsSpan(end), out var rune, out var length);
            width += map[rune.Value].Advance * size;
            if (width > available)
                break;
            end += length;
        }
        return string.Concat(text.AsSpan(0, end).TrimEnd(' '), Ellipsis);
    }
}
