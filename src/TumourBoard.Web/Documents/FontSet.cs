using System.Text;
using SkiaSharp;

namespace TumourBoard.Web.Documents;

/// <summary>A font file of Documents/Fonts. <see cref="None"/> marks characters that are not drawn at all.</summary>
internal enum Face : byte
{
    None,
    Regular,
    Bold,
    Italic,
    BoldItalic,
    Fallback,
    FallbackBold,
    Emoji,
}

/// <summary>How one character is drawn: which glyph of which face, and how far it moves the pen at a size of 1 pt.</summary>
internal readonly record struct Glyph(ushort Id, Face Face, float Advance);

/// <summary>The shipped typefaces, loaded once, with a glyph map per style. Safe to share between threads.</summary>
internal sealed class FontSet : IDisposable
{
    private static readonly (Face Face, string File)[] Files =
    [
        (Face.Regular, "Roboto-Regular.ttf"),
        (Face.Bold, "Roboto-Bold.ttf"),
        (Face.Italic, "Roboto-Italic.ttf"),
        (Face.BoldItalic, "Roboto-BoldItalic.ttf"),
        (Face.Fallback, "DejaVuSans.ttf"),
        (Face.FallbackBold, "DejaVuSans-Bold.ttf"),
        (Face.Emoji, "NotoEmoji-Regular.ttf"),
    ];

    private readonly SKTypeface[] _typefaces = new SKTypeface[Files.Length + 1];
    private readonly GlyphMap[] _maps;

    public FontSet(string directory)
    {
        foreach (var (face, file) in Files)
        {
            var path = Path.Combine(directory, file);
            _typefaces[(int)face] = SKTypeface.FromFile(path)
                ?? throw new InvalidOperationException($"The font {path} is missing or unreadable; it ships with the application in Documents/Fonts.");
        }
        _maps =
        [
            new GlyphMap(this, Face.Regular, Face.Fallback),
            new GlyphMap(this, Face.Bold, Face.FallbackBold),
            new GlyphMap(this, Face.Italic, Face.Fallback),
            new GlyphMap(this, Face.BoldItalic, Face.FallbackBold),
        ];
        using var font = CreateFont(Face.Regular, 1);
        font.GetFontMetrics(out var metrics);
        Ascent = -metrics.Ascent;
        Descent = metrics.Descent;
        CapHeight = metrics.CapHeight;
    }

    /// <summary>Height above the baseline at a size of 1 pt, of the main face; lines are placed by it.</summary>
    public float Ascent { get; }

    /// <summary>Depth below the baseline at a size of 1 pt.</summary>
    public float Descent { get; }

    /// <summary>Height of the capital letters at a size of 1 pt.</summary>
    public float CapHeight { get; }

    public SKTypeface Typeface(Face face) => _typefaces[(int)face];

    public GlyphMap Map(bool bold, bool italic) => _maps[(bold ? 1 : 0) | (italic ? 2 : 0)];

    /// <summary>A font whose metrics scale linearly with the size, as the PDF's do: no hinting rounds an advance, so
    /// what the layout measures is exactly where the glyphs land.</summary>
    public SKFont CreateFont(Face face, float size) =>
        new(Typeface(face), size) { LinearMetrics = true, Subpixel = true, Hinting = SKFontHinting.None };

    public void Dispose()
    {
        foreach (var map in _maps)
            map.Dispose();
        foreach (var typeface in _typefaces)
            typeface?.Dispose();
    }
}

/// <summary>
/// Finds the glyph of every character for one style: the main face (Roboto) when it has one, else the fallback
/// face (DejaVu Sans: Hebrew, Arabic, many symbols), else the emoji face (Noto Emoji, in black and white, one weight
/// for every style), else the main face's replacement character U+FFFD, so that a character no shipped font has
/// still leaves a visible mark. Format characters that Unicode says are invisible
/// (joiners, variation selectors, soft hyphen, byte order mark, direction marks) are not drawn.
/// </summary>
/// <remarks>Characters are looked up in blocks of 256, each filled once under a lock and then read without one.</remarks>
internal sealed class GlyphMap : IDisposable
{
    private const int BlockBits = 8;
    private const int BlockSize = 1 << BlockBits;
    private const int Replacement = 0xFFFD;

    private readonly Glyph[]?[] _blocks = new Glyph[]?[(0x10FFFF >> BlockBits) + 1];
    private readonly Lock _filling = new();
    private readonly Face _main;
    private readonly Face _fallback;
    private readonly SKFont _mainFont;
    private readonly SKFont _fallbackFont;
    private readonly SKFont _emojiFont;
    private readonly Glyph _replacement;

    public GlyphMap(FontSet fonts, Face main, Face fallback)
    {
        _main = main;
        _fallback = fallback;
        _mainFont = fonts.CreateFont(main, 1);
        _fallbackFont = fonts.CreateFont(fallback, 1);
        _emojiFont = fonts.CreateFont(Face.Emoji, 1);
        _replacement = Lookup(_mainFont, main, Replacement) ?? Lookup(_fallbackFont, fallback, Replacement) ?? new Glyph(0, main, _mainFont.GetGlyphWidths([(ushort)0], null)[0]);
    }

    public Glyph this[int codePoint]
    {
        get
        {
            var block = Volatile.Read(ref _blocks[codePoint >> BlockBits]) ?? Fill(codePoint >> BlockBits);
            return block[codePoint & (BlockSize - 1)];
        }
    }

    /// <summary>The width of the text at the given size, as drawn.</summary>
    public float Measure(ReadOnlySpan<char> text, float size)
    {
        var width = 0f;
        while (!text.IsEmpty)
        {
            Rune.DecodeFromUtf16(text, out var rune, out var length);
            width += this[rune.Value].Advance;
            text = text[length..];
        }
        return width * size;
    }

    private Glyph[] Fill(int blockIndex)
    {
        lock (_filling)
        {
            if (_blocks[blockIndex] is { } filled)
                return filled;

            Span<int> codePoints = stackalloc int[BlockSize];
            for (var i = 0; i < BlockSize; i++)
                codePoints[i] = (blockIndex << BlockBits) | i;
            Span<ushort> mainIds = stackalloc ushort[BlockSize];
            Span<ushort> fallbackIds = stackalloc ushort[BlockSize];
            Span<float> mainAdvances = stackalloc float[BlockSize];
            Span<float> fallbackAdvances = stackalloc float[BlockSize];
            Span<ushort> emojiIds = stackalloc ushort[BlockSize];
            Span<float> emojiAdvances = stackalloc float[BlockSize];
            _mainFont.GetGlyphs(codePoints, mainIds);
            _fallbackFont.GetGlyphs(codePoints, fallbackIds);
            _emojiFont.GetGlyphs(codePoints, emojiIds);
            _mainFont.GetGlyphWidths(mainIds, mainAdvances, [], null);
            _fallbackFont.GetGlyphWidths(fallbackIds, fallbackAdvances, [], null);
            _emojiFont.GetGlyphWidths(emojiIds, emojiAdvances, [], null);

            var block = new Glyph[BlockSize];
            for (var i = 0; i < BlockSize; i++)
            {
                var codePoint = codePoints[i];
                block[i] = IsInvisible(codePoint) ? default
                    : IsControl(codePoint) || IsSurrogate(codePoint) ? _replacement
                    : mainIds[i] != 0 ? new Glyph(mainIds[i], _main, mainAdvances[i])
                    : fallbackIds[i] != 0 ? new Glyph(fallbackIds[i], _fallback, fallbackAdvances[i])
                    : emojiIds[i] != 0 ? new Glyph(emojiIds[i], Face.Emoji, emojiAdvances[i])
                    : _replacement;
            }
            Volatile.Write(ref _blocks[blockIndex], block);
            return block;
        }
    }

    private static Glyph? Lookup(SKFont font, Face face, int codePoint)
    {
        var id = font.GetGlyph(codePoint);
        return id == 0 ? null : new Glyph(id, face, font.GetGlyphWidths([id], null)[0]);
    }

    // Unicode's default-ignorable format characters: they have no appearance of their own.
    private static bool IsInvisible(int c) =>
        c is 0x00AD or 0x034F or 0x061C or (>= 0x180B and <= 0x180F) or (>= 0x200B and <= 0x200F) or (>= 0x202A and <= 0x202E)
            or (>= 0x2060 and <= 0x206F) or (>= 0xFE00 and <= 0xFE0F) or 0xFEFF or (>= 0xE0000 and <= 0xE0FFF);

    // Control characters have empty glyphs in some fonts; they stand for something the reader should see was there.
    private static bool IsControl(int c) => c is < 0x20 or (>= 0x7F and <= 0x9F);

    private static bool IsSurrogate(int c) => c is >= 0xD800 and <= 0xDFFF;

    public void Dispose()
    {
        _mainFont.Dispose();
        _fallbackFont.Dispose();
        _emojiFont.Dispose();
    }
}
