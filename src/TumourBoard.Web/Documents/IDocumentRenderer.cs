namespace TumourBoard.Web.Documents;

/// <summary>Turns a <see cref="Document"/> into a file. The application depends on this interface only, so the
/// engine behind it can change without touching the code that builds documents.</summary>
public interface IDocumentRenderer
{
    /// <summary>The document as a PDF file. The same document always gives the same bytes.</summary>
    byte[] Render(Document document);
}
