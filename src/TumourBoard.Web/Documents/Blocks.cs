namespace TumourBoard.Web.Documents;

/// <summary>One element of a document's flow. Blocks follow each other down the page and onto the next.</summary>
public abstract record Block;

/// <summary>A section title. A heading is never left alone at the bottom of a page: it moves to the next page with
/// the start of what follows it.</summary>
public sealed record Heading : Block
{
    /// <param name="level">1 for the document title, 2 for a section, 3 for a subsection, 4 for a title in the body's
    /// size and bold, set on its own line above what it names (a case's discussion, its follow-up actions).</param>
    /// <param name="text">The title; it wraps when it is longer than a line.</param>
    public Heading(int level, string text)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(level, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(level, 4);
        Level = level;
        Text = text;
    }

    /// <summary>1 to 4, largest first.</summary>
    public int Level { get; }

    /// <summary>The title.</summary>
    public string Text { get; }
}

/// <summary>Running text, wrapped to the width of the page. A line feed (\n) starts a new line; a paragraph longer
/// than a page continues on the next.</summary>
public sealed record Paragraph(string Text, TextStyle Style = TextStyle.Normal) : Block;

/// <summary>How a <see cref="Paragraph"/> is set. The flags combine: <c>TextStyle.Small | TextStyle.Muted</c>.</summary>
[Flags]
public enum TextStyle
{
    /// <summary>Body text.</summary>
    Normal = 0,
    /// <summary>Bold.</summary>
    Bold = 1,
    /// <summary>Italic.</summary>
    Italic = 2,
    /// <summary>A smaller size, for notes and remarks.</summary>
    Small = 4,
    /// <summary>Grey instead of black, for secondary information.</summary>
    Muted = 8,
}

/// <summary>Labels and their values in two columns, for example a case's diagnosis, centre and presenter. Values
/// wrap within their column.</summary>
public sealed record KeyValueBlock : Block
{
    /// <param name="entries">The pairs, in order.</param>
    public KeyValueBlock(IEnumerable<KeyValue> entries) => Entries = [.. entries];

    /// <summary>The pairs, in order.</summary>
    public IReadOnlyList<KeyValue> Entries { get; }
}

/// <summary>One line of a <see cref="KeyValueBlock"/>.</summary>
public sealed record KeyValue(string Label, string Value);

/// <summary>A table as wide as the text. Cell text wraps within its cell. When the table continues on another page,
/// its header row is repeated there. A row is never split across pages unless it is taller than a page.</summary>
public sealed record Table : Block
{
    /// <param name="columns">The columns, left to right.</param>
    /// <param name="rows">The rows, each with one cell per column.</param>
    public Table(IEnumerable<TableColumn> columns, IEnumerable<IReadOnlyList<string>> rows)
    {
        Columns = [.. columns];
        if (Columns.Count == 0)
            throw new ArgumentException("A table needs at least one column.", nameof(columns));
        Rows = [.. rows.Select(r => (IReadOnlyList<string>)[.. r])];
        for (var i = 0; i < Rows.Count; i++)
        {
            if (Rows[i].Count != Columns.Count)
                throw new ArgumentException($"Row {i} has {Rows[i].Count} cells for {Columns.Count} columns.", nameof(rows));
        }
    }

    /// <summary>The columns, left to right.</summary>
    public IReadOnlyList<TableColumn> Columns { get; }

    /// <summary>The rows, each with one cell per column.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Rows { get; }
}

/// <summary>A column of a <see cref="Table"/>.</summary>
/// <param name="Header">The column's title in the header row.</param>
/// <param name="RelativeWidth">The column's share of the table's width: columns of 1 and 3 take a quarter and three
/// quarters.</param>
/// <param name="Alignment">Right for numbers and times.</param>
public sealed record TableColumn(string Header, float RelativeWidth = 1, ColumnAlignment Alignment = ColumnAlignment.Left)
{
    /// <summary>The column's share of the table's width.</summary>
    public float RelativeWidth { get; } = RelativeWidth > 0 && float.IsFinite(RelativeWidth)
        ? RelativeWidth
        : throw new ArgumentOutOfRangeException(nameof(RelativeWidth), RelativeWidth, "A column's relative width is a positive number.");
}

/// <summary>Where a table column's text sits in its cells.</summary>
public enum ColumnAlignment
{
    /// <summary>Flush left.</summary>
    Left,
    /// <summary>Flush right, for numbers and times.</summary>
    Right,
}

/// <summary>Blocks that belong together, such as one case of the minutes. They stay on one page: when they do not
/// fit in what is left of the current page they start on the next. A group taller than a page flows over pages,
/// and starts on a new page when little room is left on the current one.</summary>
public sealed record KeepTogether : Block
{
    /// <param name="blocks">The blocks of the group, in order.</param>
    public KeepTogether(IEnumerable<Block> blocks) => Blocks = [.. blocks];

    /// <summary>The blocks of the group, in order.</summary>
    public IReadOnlyList<Block> Blocks { get; }
}

/// <summary>Extra vertical space, in points (1/72 inch). Space at the top of a page is left out.</summary>
public sealed record Spacer(float Height) : Block
{
    /// <summary>The space in points.</summary>
    public float Height { get; } = Height >= 0 && float.IsFinite(Height)
        ? Height
        : throw new ArgumentOutOfRangeException(nameof(Height), Height, "A spacer's height is zero or more points.");
}

/// <summary>Starts a new page, unless the current page is still empty.</summary>
public sealed record PageBreak : Block;

/// <summary>A thin horizontal line across the text's width, to separate parts of a page.</summary>
public sealed record Rule : Block;
