using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace TumourBoard.Domain.Cases.Guard;

// Case text as the guard scans it: NFKC, invisible characters removed, dashes, apostrophes and digits of
// other scripts folded to ASCII. Keeps, for each character, the span of the original text it came from,
// so findings can be reported where the user typed them.
internal sealed class NormalisedText
{
    // Characters that can hide an identifier, that NFKC leaves alone but we still fold, and combining
    // marks: ICU reorders a long run of marks in quadratic time, so text with marks takes the slow path,
    // which hands ICU one short sequence at a time.
    private static readonly SearchValues<char> NeedsFolding = SearchValues.Create(BuildFoldingSet());

    // Sequences with combining marks remembered per text; enough for any real text, bounded for a hostile one.
    private const int MaxRemembered = 1024;

    // Long runs of combining marks (zalgo text) are cut so normalisation never sees an unbounded sequence.
    private const int MaxSequence = 32;

    // At most one entry per BMP character, so it cannot grow without bound.
    private static readonly ConcurrentDictionary<char, string> NormalisedChars = new();

    private readonly int[]? originalStarts;
    private readonly int[]? originalEnds;

    private NormalisedText(string text, int[]? originalStarts, int[]? originalEnds)
    {
        Text = text;
        this.originalStarts = originalStarts;
        this.originalEnds = originalEnds;
    }

    public string Text { get; }

    // Maps the normalised span [start, end) back to (start, length) in the original text.
    public (int Start, int Length) ToOriginal(int start, int end)
    {
        if (originalStarts is null || originalEnds is null)
            return (start, end - start);
        var originalStart = originalStarts[start];
        return (originalStart, originalEnds[end - 1] - originalStart);
    }

    public static NormalisedText From(string original)
    {
        // Most case text is ASCII or already clean French/Dutch: no copy, no index map.
        if (Ascii.IsValid(original)
            || (original.AsSpan().IndexOfAny(NeedsFolding) < 0 && original.IsNormalized(NormalizationForm.FormKC)))
            return new NormalisedText(original, null, null);
        return NormaliseWithMap(original);
    }

    private static NormalisedText NormaliseWithMap(string original)
    {
        var output = new Output(original.Length + 16);
        var seen = new Dictionary<string, string>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        var i = 0;
        while (i < original.Length)
        {
            var c = original[i];
            if (c < 0x80)
            {
                // ASCII maps to itself, except a letter that a combining mark follows (e + U+0301 is é).
                var runEnd = original.AsSpan(i).IndexOfAnyExceptInRange('\0', '\x7F');
                runEnd = runEnd < 0 ? original.Length : i + runEnd;
                if (runEnd < original.Length && IsCombiningMark(original[runEnd]))
                    runEnd--;
                if (runEnd > i)
                {
                    output.AddUnchanged(original.AsSpan(i, runEnd - i), i);
                    i = runEnd;
                    continue;
                }
            }

            var codePointLength = char.IsHighSurrogate(c) && i + 1 < original.Length && char.IsLowSurrogate(original[i + 1]) ? 2 : 1;
            if (codePointLength == 1 && char.IsSurrogate(c))
            {
                // A lone surrogate cannot be normalised (ICU throws); it cannot be part of an identifier either.
                output.Add(c, i, i + 1);
                i++;
                continue;
            }

            var codePoint = codePointLength == 2 ? char.ConvertToUtf32(c, original[i + 1]) : c;
            if (IsInvisible(codePoint))
            {
                i += codePointLength;
                continue;
            }

            // A base character and the combining marks after it are normalised together, so é typed as
            // e + U+0301 composes; invisible characters inside the sequence are dropped on the way.
            var end = i + codePointLength;
            var hasMarks = false;
            while (end < original.Length && end - i < MaxSequence && IsCombiningMark(original[end]))
            {
                hasMarks = true;
                end++;
            }

            if (!hasMarks && codePointLength == 1 && IsStableLatinLetter(c))
            {
                output.Add(c, i, end);
            }
            else
            {
                // The same few characters recur (µ, ², NBSP, full-width digits) and ICU costs microseconds a
                // call: single characters are remembered for good, sequences with marks for this text.
                var sequence = original.AsSpan(i, end - i);
                string? replacement;
                if (sequence.Length == 1)
                {
                    replacement = NormalisedChars.GetOrAdd(c, static c => NormaliseSequence([c]));
                }
                else if (!seen.TryGetValue(sequence, out replacement))
                {
                    replacement = NormaliseSequence(sequence);
                    if (seen.Dictionary.Count < MaxRemembered)
                        seen[sequence] = replacement;
                }

                foreach (var r in replacement)
                    output.Add(Fold(r), i, end);
            }

            i = end;
        }

        return new NormalisedText(output.ToText(), output.Starts, output.Ends);
    }

    private static string NormaliseSequence(ReadOnlySpan<char> sequence)
    {
        if (sequence.Length == 1 && sequence[0] is >= '\uFF01' and <= '\uFF5E')
            return ((char)(sequence[0] - 0xFEE0)).ToString(); // full-width ASCII, the commonest disguise

        var visible = new StringBuilder(sequence.Length);
        foreach (var c in sequence)
        {
            if (char.IsSurrogate(c) || !IsInvisible(c))
                visible.Append(c);
        }

        return visible.ToString().Normalize(NormalizationForm.FormKC);
    }

    private static char Fold(char c)
    {
        if (c < 0x80)
            return c;
        if (c is (>= '\u2010' and <= '\u2015') or '\u2212' or '\u2043' or '\uFE58' or '\uFE63')
            return '-';
        if (c is '\u2018' or '\u2019' or '\u201B' or '\u02BC' or '\u2032')
            return '\'';
        if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.DecimalDigitNumber)
            return (char)('0' + CharUnicodeInfo.GetDecimalDigitValue(c));
        return c;
    }

    private static bool IsCombiningMark(char c) =>
        c >= 0x300 && CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark
            or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;

    // À..ÿ and most of Latin Extended-A are their own NFKC form; the exceptions are ligatures and the long s.
    private static bool IsStableLatinLetter(char c) =>
        (c is >= '\u00C0' and <= '\u017F') && c is not ('\u0132' or '\u0133' or '\u013F' or '\u0140' or '\u0149' or '\u017F');

    internal static bool IsInvisible(int codePoint) =>
        codePoint is 0x00AD or 0x034F or 0x061C or 0x115F or 0x1160 or 0x17B4 or 0x17B5 or 0x3164 or 0xFFA0 or 0xFEFF
            or (>= 0x180B and <= 0x180F)
            or (>= 0x200B and <= 0x200F)
            or (>= 0x202A and <= 0x202E)
            or (>= 0x2060 and <= 0x206F)
            or (>= 0xFE00 and <= 0xFE0F)
            or (>= 0xE0000 and <= 0xE0FFF)
        || (codePoint is >= 0x80 and not (>= 0xD800 and <= 0xDFFF)
            && CharUnicodeInfo.GetUnicodeCategory(codePoint) == UnicodeCategory.Format);

    private static string BuildFoldingSet()
    {
        var set = new StringBuilder();
        for (var c = '\u0080'; c < char.MaxValue; c++)
        {
            if (char.IsSurrogate(c) || IsInvisible(c) || Fold(c) != c || IsCombiningMark(c))
                set.Append(c);
        }

        return set.ToString();
    }

    private sealed class Output(int capacity)
    {
        private char[] chars = new char[capacity];
        private int count;

        public int[] Starts { get; private set; } = new int[capacity];

        public int[] Ends { get; private set; } = new int[capacity];

        public void Add(char c, int originalStart, int originalEnd)
        {
            EnsureRoom(1);
            chars[count] = c;
            Starts[count] = originalStart;
            Ends[count] = originalEnd;
            count++;
        }

        public void AddUnchanged(ReadOnlySpan<char> run, int originalStart)
        {
            EnsureRoom(run.Length);
            run.CopyTo(chars.AsSpan(count));
            var starts = Starts.AsSpan(count, run.Length);
            var ends = Ends.AsSpan(count, run.Length);
            for (var k = 0; k < starts.Length; k++)
            {
                starts[k] = originalStart + k;
                ends[k] = originalStart + k + 1;
            }

            count += run.Length;
        }

        private void EnsureRoom(int needed)
        {
            if (count + needed <= chars.Length)
                return;
            var size = Math.Max(chars.Length * 2, count + needed);
            Array.Resize(ref chars, size);
            var starts = Starts;
            var ends = Ends;
            Array.Resize(ref starts, size);
            Array.Resize(ref ends, size);
            Starts = starts;
            Ends = ends;
        }

        public string ToText() => new(chars, 0, count);
    }
}
