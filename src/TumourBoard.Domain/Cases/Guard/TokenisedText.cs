using System.Buffers;

namespace TumourBoard.Domain.Cases.Guard;

internal enum TokenKind : byte
{
    Word,
    Number,
    Symbol,
}

// What separates a token from the one before it.
internal enum Gap : byte
{
    None,
    Space,
    LineBreak,
}

internal struct TextToken
{
    public int Start;
    public int Length;
    public TokenKind Kind;
    public Gap Gap;
    public byte Month;
    public WordRole Roles;

    public readonly int End => Start + Length;
}

// The normalised text cut into words (runs of letters), numbers (runs of ASCII digits) and single
// symbols, with the whitespace between them reduced to Gap. Every rule walks these tokens
// with a bounded look-around, which keeps the scan linear in the length of the text.
internal sealed class TokenisedText : IDisposable
{
    private TextToken[] tokens;

    public TokenisedText(string text)
    {
        Text = text;
        tokens = ArrayPool<TextToken>.Shared.Rent(Math.Max(16, text.Length / 4));
        Tokenise();
    }

    public string Text { get; }

    public int Count { get; private set; }

    public ref readonly TextToken this[int i] => ref tokens[i];

    public ReadOnlySpan<char> Span(int i) => Text.AsSpan(tokens[i].Start, tokens[i].Length);

    public bool IsWord(int i) => (uint)i < (uint)Count && tokens[i].Kind == TokenKind.Word;

    public bool IsNumber(int i) => (uint)i < (uint)Count && tokens[i].Kind == TokenKind.Number;

    public bool IsSymbol(int i) => (uint)i < (uint)Count && tokens[i].Kind == TokenKind.Symbol;

    public bool IsSymbol(int i, char c) => IsSymbol(i) && Text[tokens[i].Start] == c;

    public char SymbolAt(int i) => IsSymbol(i) ? Text[tokens[i].Start] : '\0';

    public bool Has(int i, WordRole role) => IsWord(i) && (tokens[i].Roles & role) != 0;

    // Token i follows token i - 1 with no whitespace in between.
    public bool IsGlued(int i) => (uint)i < (uint)Count && tokens[i].Gap == Gap.None;

    // Token i is on the same line as token i - 1.
    public bool SameLine(int i) => (uint)i < (uint)Count && tokens[i].Gap != Gap.LineBreak;

    public bool IsSpaced(int i) => (uint)i < (uint)Count && tokens[i].Gap == Gap.Space;

    // Value of a number token of up to nine digits; -1 otherwise.
    public int Value(int i)
    {
        if (!IsNumber(i) || tokens[i].Length > 9)
            return -1;
        var value = 0;
        foreach (var c in Span(i))
            value = value * 10 + (c - '0');
        return value;
    }

    public int Length(int i) => tokens[i].Length;

    // Upper-case first letter and at least one lower-case letter after it: "Dupont", "Léa".
    public bool IsCapitalised(int i)
    {
        if (!IsWord(i) || tokens[i].Length < 2)
            return false;
        var word = Span(i);
        if (!char.IsUpper(word[0]))
            return false;
        foreach (var c in word[1..])
        {
            if (char.IsLower(c))
                return true;
        }

        return false;
    }

    // All letters upper case, at least two of them: "DUPONT".
    public bool IsAllCaps(int i)
    {
        if (!IsWord(i) || tokens[i].Length < 2)
            return false;
        foreach (var c in Span(i))
        {
            if (!char.IsUpper(c))
                return false;
        }

        return true;
    }

    public bool StartsWithUpper(int i) => IsWord(i) && char.IsUpper(Text[tokens[i].Start]);

    // A numeric identifier may start at token i: it is not glued to a word before it ("NCT01234567")
    // and does not continue a longer run of numbers joined by dots, dashes or slashes.
    public bool StartsCleanly(int i)
    {
        if (i == 0 || tokens[i].Gap != Gap.None)
            return true;
        var before = i - 1;
        if (tokens[before].Kind == TokenKind.Word)
            return false;
        return !(IsNumericJoiner(SymbolAt(before)) && IsGlued(before) && IsNumber(before - 1));
    }

    // The mirror of StartsCleanly for the last token of a numeric identifier.
    public bool EndsCleanly(int i, bool allowGluedWord = false)
    {
        var after = i + 1;
        if (after >= Count || tokens[after].Gap != Gap.None)
            return true;
        if (tokens[after].Kind == TokenKind.Word)
            return allowGluedWord;
        return !(IsNumericJoiner(SymbolAt(after)) && IsGlued(after + 1) && IsNumber(after + 1));
    }

    public static bool IsNumericJoiner(char c) => c is '.' or '-' or '/';

    public void Dispose()
    {
        ArrayPool<TextToken>.Shared.Return(tokens);
        tokens = [];
        Count = 0;
    }

    private void Tokenise()
    {
        var text = Text.AsSpan();
        var gap = Gap.None;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                if (c is '\n' or '\r' or '\v' or '\f' or '\u0085' or '\u2028' or '\u2029')
                    gap = Gap.LineBreak;
                else if (gap == Gap.None)
                    gap = Gap.Space;
                i++;
                continue;
            }

            var start = i;
            TokenKind kind;
            if (char.IsAsciiDigit(c))
            {
                kind = TokenKind.Number;
                i++;
                while (i < text.Length && char.IsAsciiDigit(text[i]))
                    i++;
            }
            else if (char.IsLetter(c))
            {
                kind = TokenKind.Word;
                i++;
                while (i < text.Length && IsWordContinuation(text[i]))
                    i++;
            }
            else
            {
                kind = TokenKind.Symbol;
                i++;
            }

            if (Count == tokens.Length)
                Grow();
            ref var token = ref tokens[Count++];
            token.Start = start;
            token.Length = i - start;
            token.Kind = kind;
            token.Gap = gap;
            token.Month = 0;
            token.Roles = WordRole.None;
            if (kind == TokenKind.Word)
                GuardLexicon.Classify(text[start..i], ref token);
            gap = Gap.None;
        }
    }

    private static bool IsWordContinuation(char c)
    {
        if (char.IsAsciiLetter(c))
            return true;
        if (c < 0x80)
            return false;
        return char.IsLetter(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark
            or System.Globalization.UnicodeCategory.SpacingCombiningMark;
    }

    private void Grow()
    {
        var larger = ArrayPool<TextToken>.Shared.Rent(tokens.Length * 2);
        tokens.AsSpan(0, Count).CopyTo(larger);
        ArrayPool<TextToken>.Shared.Return(tokens);
        tokens = larger;
    }
}
