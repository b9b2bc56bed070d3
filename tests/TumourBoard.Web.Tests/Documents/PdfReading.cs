using System.Globalization;
using System.Text;
using TumourBoard.Web.Documents;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace TumourBoard.Web.Tests.Documents;

/// <summary>Reads rendered PDFs back with PdfPig, in the page's own coordinates (points, origin at the bottom left).</summary>
internal static class PdfReading
{
    public const double BodyTop = Typography.PageHeight - Typography.BodyTop;
    public const double BodyBottom = Typography.PageHeight - Typography.BodyBottom;

    /// <summary>The letters of the flow, without header, footer or watermark, in drawing order.</summary>
    public static List<Letter> BodyLetters(Page page) =>
        [.. page.Letters.Where(l => l.StartBaseLine.Y < BodyTop && l.StartBaseLine.Y > BodyBottom && l.PointSize < 30)];

    /// <summary>Every page's flow text, joined, with all white space taken out.</summary>
    public static string BodyTextWithoutSpaces(PdfDocument pdf) =>
        WithoutSpaces(string.Concat(pdf.GetPages().SelectMany(BodyLetters).Select(l => l.Value)));

    public static string WithoutSpaces(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    public static string PageText(Page page) => string.Concat(page.Letters.Select(l => l.Value));

    /// <summary>The text as drawn, one code point at a time, leaving out spaces and the characters the renderer does
    /// not draw (joiners, variation selectors).</summary>
    public static List<string> VisibleCodePoints(string text) =>
        [.. text.EnumerateRunes()
            .Where(r => !Rune.IsWhiteSpace(r) && Rune.GetUnicodeCategory(r) != UnicodeCategory.Format && r.Value is not (>= 0xFE00 and <= 0xFE0F))
            .Select(r => r.ToString())];
}
