using SkiaSharp;

namespace TumourBoard.Web.Documents;

/// <summary>
/// Renders documents as PDF with SkiaSharp: A4 pages laid out by <see cref="PageLayout"/>, text in the shipped Roboto
/// with DejaVu Sans for characters Roboto lacks, fonts embedded in the file. Thread-safe: one instance serves the
/// whole application, and keeps the fonts loaded and their glyph lookups cached.
/// </summary>
public sealed class SkiaPdfRenderer : IDocumentRenderer, IDisposable
{
    private const string Creator = "TumourBoard";

    private readonly FontSet _fonts;

    /// <summary>Loads the fonts from Documents/Fonts next to the application.</summary>
    public SkiaPdfRenderer() : this(Path.Combine(AppContext.BaseDirectory, "Documents", "Fonts"))
    {
    }

    internal SkiaPdfRenderer(string fontDirectory) => _fonts = new FontSet(fontDirectory);

    /// <inheritdoc />
    public byte[] Render(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var pages = PageLayout.Lay(document.Blocks, _fonts);

        // The dates come from the document, never from the clock, so that the same document gives the same bytes.
        var created = document.Metadata.Created.DateTime;
        var metadata = new SKDocumentPdfMetadata
        {
            Title = document.Metadata.Title,
            Subject = document.Metadata.Subject,
            Author = document.Metadata.Author,
            Creator = Creator,
            Creation = created,
            Modified = created,
        };
        using var output = new MemoryStream();
        using (var pdf = SKDocument.CreatePdf(output, metadata))
        using (var painter = new PagePainter(_fonts, document, pages.Count))
        {
            for (var i = 0; i < pages.Count; i++)
            {
                painter.Paint(pdf.BeginPage(Typography.PageWidth, Typography.PageHeight), pages[i], i + 1);
                pdf.EndPage();
            }
            pdf.Close();
        }
        return PdfFinishing.Finish(output.GetBuffer().AsSpan(0, (int)output.Length), document.Metadata.Language, document.Metadata.Created);
    }

    /// <summary>Releases the loaded fonts.</summary>
    public void Dispose() => _fonts.Dispose();
}
