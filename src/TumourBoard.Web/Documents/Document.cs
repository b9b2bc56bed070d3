using System.Globalization;

namespace TumourBoard.Web.Documents;

/// <summary>
/// A printable document: its metadata, what every page carries (header, footer, watermark) and the flow of blocks
/// that the renderer lays out on A4 pages. It says what the document contains, not how it is drawn, so that another
/// <see cref="IDocumentRenderer"/> can render the same document.
/// </summary>
public sealed record Document
{
    /// <summary>Title, subject, author, language and creation date written into the file.</summary>
    public required DocumentMetadata Metadata { get; init; }

    /// <summary>The line at the top of every page; none when null.</summary>
    public PageHeader? Header { get; init; }

    /// <summary>The confidentiality note and page number at the bottom of every page; none when null.</summary>
    public PageFooter? Footer { get; init; }

    /// <summary>A word such as "DRAFT" drawn large across every page, light enough to read the text beneath.</summary>
    public string? Watermark { get; init; }

    /// <summary>The content, in reading order. The list is copied, so later changes to the caller's list do not count.</summary>
    public required IReadOnlyList<Block> Blocks
    {
        get;
        init => field = [.. value];
    }
}

/// <summary>What the file says about itself. <paramref name="Created"/> comes from the caller, so the same document
/// always gives the same file.</summary>
/// <param name="Title">Shown by PDF readers in the window title.</param>
/// <param name="Language">BCP 47 tag of the text, for example "fr-BE"; screen readers and hyphenation use it.</param>
/// <param name="Created">Creation and modification date written into the file.</param>
public sealed record DocumentMetadata(string Title, string Language, DateTimeOffset Created)
{
    /// <summary>The language tag, checked so that it can be written into the file as it is.</summary>
    public string Language { get; } = IsLanguageTag(Language)
        ? Language
        : throw new ArgumentException($"'{Language}' is not a BCP 47 language tag such as fr-BE.", nameof(Language));

    /// <summary>What the document is about, for example the meeting.</summary>
    public string? Subject { get; init; }

    /// <summary>Who issues the document, for example the board or its secretary.</summary>
    public string? Author { get; init; }

    private static bool IsLanguageTag(string tag)
    {
        var parts = tag.Split('-');
        return parts[0].Length is >= 2 and <= 8 && parts[0].All(char.IsAsciiLetter)
            && parts.Skip(1).All(p => p.Length is >= 1 and <= 8 && p.All(char.IsAsciiLetterOrDigit));
    }
}

/// <summary>Text at the top left and top right of every page, for example the meeting and its date. Each stays on
/// one line; text too long for its side ends in an ellipsis.</summary>
public sealed record PageHeader(string Left, string Right);

/// <summary>The bottom of every page.</summary>
/// <param name="Note">A confidentiality note on the left, wrapped over at most two lines.</param>
/// <param name="PageNumberFormat">The localised page number on the right, a composite format in which {0} is the
/// page and {1} the page count, for example "Page {0} of {1}" or "Pagina {0} van {1}".</param>
public sealed record PageFooter(string Note, string PageNumberFormat)
{
    /// <summary>The page number format, checked here so that a wrong one fails when the document is built, not when
    /// it is rendered.</summary>
    public string PageNumberFormat { get; } = IsPageNumberFormat(PageNumberFormat)
        ? PageNumberFormat
        : throw new ArgumentException($"'{PageNumberFormat}' is not a page number format: it needs {{0}} for the page, and may use {{1}} for the page count.", nameof(PageNumberFormat));

    private static bool IsPageNumberFormat(string format)
    {
        try
        {
            return string.Format(CultureInfo.InvariantCulture, format, 123, 456) is var text && text.Contains("123", StringComparison.Ordinal);
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
