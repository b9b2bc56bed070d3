using System.Globalization;
using System.Text;
using SkiaSharp;
using static TumourBoard.Web.Documents.Typography;

namespace TumourBoard.Web.Documents;

/// <summary>
/// Draws laid-out pages on Skia canvases: the items of the page, then the header, the footer with "page x of y" and
/// the watermark. One painter serves one rendering; its fonts, paints and buffers are reused from line to line.
/// </summary>
internal sealed class PagePainter : IDisposable
{
    private const int FooterNoteLines = 2;

    private readonly FontSet _fonts;
    private readonly Dictionary<(Face, float), SKFont> _skFonts = [];
    private readonly SKPaint _fill = new() { IsAntialias = true, Style = SKPaintStyle.Fill };
    private readonly SKPaint _stroke = new() { IsAntialias = true, Style = SKPaintStyle.Stroke };
    private readonly SKTextBlobBuilder _blobs = new();
    private ushort[] _glyphs = new ushort[256];
    private float[] _positions = new float[256];

    private readonly PageHeader? _header;
    private readonly string _headerLeft = "";
    private readonly string _headerRight = "";
    private readonly PageFooter? _footer;
    private readonly List<string> _footerNote = [];
    private readonly int _pageCount;
    private readonly string? _watermark;
    private readonly float _watermarkSize;
    private readonly float _watermarkWidth;
    private readonly float _watermarkAngle;

    public PagePainter(FontSet fonts, Document document, int pageCount)
    {
        _fonts = fonts;
        _pageCount = pageCount;
        var furniture = fonts.Map(Furniture.Bold, Furniture.Italic);

        _header = document.Header;
        if (_header is not null)
        {
            _headerRight = LineBreaker.FitOnOneLine(_header.Right, furniture, Furniture.Size, BodyWidth * 0.45f);
            var rightWidth = furniture.Measure(_headerRight, Furniture.Size);
            _headerLeft = LineBreaker.FitOnOneLine(_header.Left, furniture, Furniture.Size, BodyWidth - rightWidth - FurnitureGap);
        }

        _footer = document.Footer;
        if (_footer is not null)
        {
            var widest = furniture.Measure(PageNumber(pageCount), Furniture.Size);
            var width = BodyWidth - widest - FurnitureGap;
            var note = LineBreaker.Prepare(_footer.Note);
            var lines = new List<TextLine>();
            LineBreaker.Break(note, furniture, Furniture.Size, width, lines);
            foreach (var line in lines.Take(FooterNoteLines - 1))
                _footerNote.Add(note[line.Start..line.End]);
            if (lines.Count >= FooterNoteLines)
                _footerNote.Add(LineBreaker.FitOnOneLine(note[lines[FooterNoteLines - 1].Start..], furniture, Furniture.Size, width));
        }

        if (!string.IsNullOrWhiteSpace(document.Watermark))
        {
            // Along the diagonal of the text area, as large as fits in four fifths of it, up to 120 pt.
            _watermark = LineBreaker.Prepare(document.Watermark).Replace('\n', ' ');
            var widthAtOnePoint = fonts.Map(WatermarkText.Bold, WatermarkText.Italic).Measure(_watermark, 1);
            var diagonal = MathF.Sqrt(BodyWidth * BodyWidth + BodyHeight * BodyHeight);
            _watermarkSize = Math.Min(120, 0.8f * diagonal / Math.Max(widthAtOnePoint, 0.01f));
            _watermarkWidth = widthAtOnePoint * _watermarkSize;
            _watermarkAngle = MathF.Atan2(BodyHeight, BodyWidth) * 180 / MathF.PI;
        }
    }

    public void Paint(SKCanvas canvas, IReadOnlyList<PageItem> items, int pageNumber)
    {
        foreach (var item in items)
        {
            switch (item)
            {
                case TextItem text:
                    DrawText(canvas, text.Text, text.Line, text.X, text.Baseline, text.Format);
                    break;
                case RuleItem rule:
                    DrawRule(canvas, rule.Left, rule.Right, rule.Y, rule.Thickness, rule.Ink);
                    break;
                case FillItem fill:
                    _fill.Color = Colour(fill.Ink);
                    canvas.DrawRect(fill.Left, fill.Top, fill.Width, fill.Height, _fill);
                    break;
            }
        }

        if (_header is not null)
        {
            DrawString(canvas, _headerLeft, BodyLeft, HeaderBaseline, Furniture, alignRight: false);
            DrawString(canvas, _headerRight, BodyRight, HeaderBaseline, Furniture, alignRight: true);
            DrawRule(canvas, BodyLeft, BodyRight, HeaderRuleY, RuleWidth, Ink.Rule);
        }
        if (_footer is not null)
        {
            DrawRule(canvas, BodyLeft, BodyRight, FooterRuleY, RuleWidth, Ink.Rule);
            for (var i = 0; i < _footerNote.Count; i++)
                DrawString(canvas, _footerNote[i], BodyLeft, FooterBaseline + i * Furniture.LineHeight, Furniture, alignRight: false);
            DrawString(canvas, PageNumber(pageNumber), BodyRight, FooterBaseline, Furniture, alignRight: true);
        }
        if (_watermark is not null)
        {
            // Drawn last and translucent: it shows over shaded table headers too, and the text stays readable beneath it.
            canvas.Save();
            canvas.Translate(PageWidth / 2, BodyTop + BodyHeight / 2);
            canvas.RotateDegrees(-_watermarkAngle);
            DrawString(canvas, _watermark, -_watermarkWidth / 2, _fonts.CapHeight * _watermarkSize / 2, WatermarkText with { Size = _watermarkSize }, alignRight: false);
            canvas.Restore();
        }
    }

    private string PageNumber(int page) => string.Format(CultureInfo.InvariantCulture, _footer!.PageNumberFormat, page, _pageCount);

    private void DrawString(SKCanvas canvas, string text, float x, float baseline, TextFormat format, bool alignRight)
    {
        var width = alignRight ? _fonts.Map(format.Bold, format.Italic).Measure(text, format.Size) : 0;
        DrawText(canvas, text, new TextLine(0, text.Length, width), x - width, baseline, format);
    }

    /// <summary>Draws one line as positioned glyphs, one run per face, placed exactly where the layout measured them.</summary>
    private void DrawText(SKCanvas canvas, string text, TextLine line, float x, float baseline, TextFormat format)
    {
        var map = _fonts.Map(format.Bold, format.Italic);
        var chars = text.AsSpan(line.Start, line.End - line.Start);
        var runs = 0;
        var count = 0;
        var face = Face.None;
        var pen = x;
        // A line with Hebrew or Arabic is drawn in visual order; its width is the same in either order.
        if (RightToLeft.Contains(chars))
            chars = RightToLeft.VisualOrder(chars);
        while (!chars.IsEmpty)
        {
            Rune.DecodeFromUtf16(chars, out var rune, out var length);
            chars = chars[length..];
            var glyph = map[rune.Value];
            if (glyph.Face == Face.None)
                continue;
            if (glyph.Face != face && count > 0)
            {
                AddRun(face, format.Size, baseline, count);
                runs++;
                count = 0;
            }
            face = glyph.Face;
            if (count == _glyphs.Length)
            {
                Array.Resize(ref _glyphs, count * 2);
                Array.Resize(ref _positions, count * 2);
            }
            _glyphs[count] = glyph.Id;
            _positions[count] = pen;
            count++;
            pen += glyph.Advance * format.Size;
        }
        if (count > 0)
        {
            AddRun(face, format.Size, baseline, count);
            runs++;
        }
        if (runs == 0)
            return;
        using var blob = _blobs.Build();
        _fill.Color = Colour(format.Ink);
        canvas.DrawText(blob, 0, 0, _fill);
    }

    private void AddRun(Face face, float size, float baseline, int count) =>
        _blobs.AddHorizontalRun(_glyphs.AsSpan(0, count), Font(face, size), _positions.AsSpan(0, count), baseline);

    private SKFont Font(Face face, float size)
    {
        if (!_skFonts.TryGetValue((face, size), out var font))
        {
            font = _fonts.CreateFont(face, size);
            _skFonts.Add((face, size), font);
        }
        return font;
    }

    private void DrawRule(SKCanvas canvas, float left, float right, float y, float thickness, Ink ink)
    {
        _stroke.Color = Colour(ink);
        _stroke.StrokeWidth = thickness;
        canvas.DrawLine(left, y, right, y, _stroke);
    }

    private static SKColor Colour(Ink ink) => ink switch
    {
        Ink.Text => new SKColor(0x1C, 0x1F, 0x24),
        Ink.Muted => new SKColor(0x5F, 0x66, 0x70),
        Ink.Heading => new SKColor(0x1D, 0x3A, 0x5C),
        Ink.Rule => new SKColor(0xC9, 0xCE, 0xD4),
        Ink.StrongRule => new SKColor(0x7D, 0x86, 0x91),
        Ink.Shading => new SKColor(0xEC, 0xEF, 0xF2),
        Ink.Watermark => new SKColor(0xB0, 0x30, 0x30, 0x2E),
        _ => SKColors.Black,
    };

    public void Dispose()
    {
        foreach (var font in _skFonts.Values)
            font.Dispose();
        _blobs.Dispose();
        _fill.Dispose();
        _stroke.Dispose();
    }
}
