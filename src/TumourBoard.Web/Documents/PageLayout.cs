using static TumourBoard.Web.Documents.Typography;

namespace TumourBoard.Web.Documents;

/// <summary>Something to draw on a page, in points from the page's top left corner.</summary>
internal abstract record PageItem;

/// <summary>One line of <see cref="Text"/>, its left end at <see cref="X"/>, standing on <see cref="Baseline"/>.</summary>
internal sealed record TextItem(string Text, TextLine Line, float X, float Baseline, TextFormat Format) : PageItem;

/// <summary>A horizontal line centred on <see cref="Y"/>.</summary>
internal sealed record RuleItem(float Left, float Right, float Y, float Thickness, Ink Ink) : PageItem;

/// <summary>A filled rectangle, behind the text drawn after it.</summary>
internal sealed record FillItem(float Left, float Top, float Width, float Height, Ink Ink) : PageItem;

/// <summary>
/// Lays the blocks of a document out on pages, in two steps. Measuring breaks every text into lines for its width,
/// which does not depend on the page. Placing then fills pages from top to bottom and decides the page breaks:
/// headings go with what follows them, paragraphs leave no single line alone at a page's foot or head, table rows
/// stay whole and tables repeat their header, groups stay together.
/// </summary>
internal sealed class PageLayout
{
    private const float Tolerance = 0.01f;
    private const int KeptLines = 2;
    private const int MinimumRowPart = 3;
    private const float AwkwardRemainder = BodyHeight / 3;

    private readonly FontSet _fonts;
    private readonly List<List<PageItem>> _pages = [];
    private List<PageItem> _page = [];
    private float _y;
    private float _pendingSpace;

    private PageLayout(FontSet fonts) => _fonts = fonts;

    /// <summary>The items of every page; at least one page, empty when there are no blocks.</summary>
    public static List<List<PageItem>> Lay(IReadOnlyList<Block> blocks, FontSet fonts)
    {
        var layout = new PageLayout(fonts);
        var measured = blocks.Select(layout.Measure).ToList();
        layout.NewPage();
        layout.PlaceAll(measured);
        // A page break or spacer at the very end opens a page that nothing is drawn on.
        while (layout._pages.Count > 1 && layout._pages[^1].Count == 0)
            layout._pages.RemoveAt(layout._pages.Count - 1);
        return layout._pages;
    }

    private abstract class Laid
    {
        public float SpaceBefore { get; init; }
        public float SpaceAfter { get; init; }
        public abstract float Height { get; }
    }

    private sealed class LaidText(string text, List<TextLine> lines, TextFormat format, bool isHeading) : Laid
    {
        public string Text => text;
        public List<TextLine> Lines => lines;
        public TextFormat Format => format;
        public bool IsHeading => isHeading;
        public override float Height => lines.Count * format.LineHeight;
    }

    private sealed record Cell(string Text, List<TextLine> Lines, TextFormat Format);

    /// <summary>A column's text area: cell padding is already taken off.</summary>
    private sealed record Column(float Left, float Width, ColumnAlignment Alignment);

    private sealed class LaidRow(List<Cell> cells, float paddingY)
    {
        public List<Cell> Cells => cells;
        public float PaddingY => paddingY;
        public int LineCount { get; } = cells.Max(c => c.Lines.Count);
        public float LineHeight { get; } = cells.Max(c => c.Format.LineHeight);
        public float Height => LineCount * LineHeight + 2 * paddingY;
        public float FirstPart => Math.Min(Height, Math.Min(LineCount, MinimumRowPart) * LineHeight + 2 * paddingY);
    }

    /// <summary>A table (ruled, with a header row) or a key-value block (neither).</summary>
    private sealed class LaidGrid(List<Column> columns, LaidRow? header, List<LaidRow> rows, bool ruled) : Laid
    {
        public List<Column> Columns => columns;
        public LaidRow? Header => header;
        public List<LaidRow> Rows => rows;
        public bool Ruled => ruled;
        public float HeaderHeight => header?.Height ?? 0;
        public float FirstPart => HeaderHeight + (rows.Count > 0 ? rows[0].FirstPart : 0);
        public override float Height => HeaderHeight + rows.Sum(r => r.Height);
    }

    private sealed class LaidGroup : Laid
    {
        public LaidGroup(List<Laid> children)
        {
            Children = children;
            SpaceBefore = children.Count > 0 ? children[0].SpaceBefore : 0;
            SpaceAfter = children.Count > 0 ? children[^1].SpaceAfter : 0;
            for (var i = 0; i < children.Count; i++)
                Height += (i > 0 ? Math.Max(children[i - 1].SpaceAfter, children[i].SpaceBefore) : 0) + children[i].Height;
        }

        public List<Laid> Children { get; }
        public override float Height { get; }
    }

    /// <summary>Space only: it becomes the space before what follows, so that it disappears at the top of a page.</summary>
    private sealed class LaidSpacer(float space) : Laid
    {
        public float Space => space;
        public override float Height => 0;
    }

    private sealed class LaidRule : Laid
    {
        public override float Height => RuleWidth;
    }

    private sealed class LaidPageBreak : Laid
    {
        public override float Height => 0;
    }

    private Laid Measure(Block block)
    {
        switch (block)
        {
            case Heading heading:
                var (format, before, after) = HeadingFormat(heading.Level);
                return Text(heading.Text, format, BodyWidth, isHeading: true, before, after);
            case Paragraph paragraph:
                return Text(paragraph.Text, ParagraphFormat(paragraph.Style), BodyWidth, isHeading: false, after: ParagraphSpace);
            case KeyValueBlock keyValues:
                var label = new Column(BodyLeft, KeyValueLabelWidth - 2 * CellPaddingX, ColumnAlignment.Left);
                var value = new Column(BodyLeft + KeyValueLabelWidth, BodyWidth - KeyValueLabelWidth, ColumnAlignment.Left);
                var pairs = keyValues.Entries
                    .Select(e => new LaidRow([CellOf(e.Label, Label, label), CellOf(e.Value, Body, value)], KeyValuePaddingY))
                    .ToList();
                return new LaidGrid([label, value], null, pairs, ruled: false) { SpaceBefore = 2, SpaceAfter = BlockSpace };
            case Table table:
                var columns = Columns(table.Columns);
                var header = new LaidRow([.. table.Columns.Select((c, i) => CellOf(c.Header, TableHeader, columns[i]))], CellPaddingY);
                var rows = table.Rows
                    .Select(r => new LaidRow([.. r.Select((text, i) => CellOf(text, TableCell, columns[i]))], CellPaddingY))
                    .ToList();
                return new LaidGrid(columns, header, rows, ruled: true) { SpaceBefore = BlockSpace, SpaceAfter = BlockSpace };
            case KeepTogether group:
                return new LaidGroup([.. group.Blocks.Select(Measure)]);
            case Spacer spacer:
                return new LaidSpacer(spacer.Height);
            case Rule:
                return new LaidRule { SpaceBefore = RuleSpace, SpaceAfter = RuleSpace };
            case PageBreak:
                return new LaidPageBreak();
            default:
                throw new NotSupportedException($"{block.GetType().Name} is not a block this renderer knows.");
        }
    }

    private LaidText Text(string text, TextFormat format, float width, bool isHeading, float before = 0, float after = 0)
    {
        text = LineBreaker.Prepare(text);
        var lines = new List<TextLine>();
        LineBreaker.Break(text, _fonts.Map(format.Bold, format.Italic), format.Size, width, lines);
        return new LaidText(text, lines, format, isHeading) { SpaceBefore = before, SpaceAfter = after };
    }

    private Cell CellOf(string text, TextFormat format, Column column)
    {
        var laid = Text(text, format, column.Width, isHeading: false);
        return new Cell(laid.Text, laid.Lines, format);
    }

    private static List<Column> Columns(IReadOnlyList<TableColumn> columns)
    {
        var total = columns.Sum(c => c.RelativeWidth);
        var left = BodyLeft;
        var result = new List<Column>(columns.Count);
        foreach (var column in columns)
        {
            var width = BodyWidth * column.RelativeWidth / total;
            result.Add(new Column(left + CellPaddingX, width - 2 * CellPaddingX, column.Alignment));
            left += width;
        }
        return result;
    }

    private bool PageEmpty => _page.Count == 0;

    private float Remaining => BodyBottom - _y + Tolerance;

    private void NewPage()
    {
        _page = [];
        _pages.Add(_page);
        _y = BodyTop;
        _pendingSpace = 0;
    }

    private float GapBefore(Laid item) => PageEmpty ? 0 : Math.Max(_pendingSpace, item.SpaceBefore);

    private bool Fits(float gap, float height) => gap + height <= Remaining;

    private void MoveDown(float distance) => _y = Math.Min(_y + distance, BodyBottom);

    private void PlaceAll(List<Laid> items)
    {
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var gap = GapBefore(item);
            switch (item)
            {
                case LaidText { IsHeading: true } heading:
                    if (!Fits(gap, Lead(items, i)) && !PageEmpty)
                    {
                        NewPage();
                        gap = 0;
                    }
                    PlaceText(heading, gap, keptLines: heading.Lines.Count);
                    break;
                case LaidText text:
                    PlaceText(text, gap, KeptLines);
                    break;
                case LaidGrid grid:
                    PlaceGrid(grid, gap);
                    break;
                case LaidGroup group:
                    PlaceGroup(group, gap);
                    break;
                case LaidSpacer spacer:
                    MoveDown(gap);
                    _pendingSpace = spacer.Space;
                    break;
                case LaidRule rule:
                    if (!Fits(gap, rule.Height) && !PageEmpty)
                    {
                        NewPage();
                        gap = 0;
                    }
                    MoveDown(gap);
                    _page.Add(new RuleItem(BodyLeft, BodyRight, _y + RuleWidth / 2, RuleWidth, Ink.Rule));
                    MoveDown(rule.Height);
                    _pendingSpace = rule.SpaceAfter;
                    break;
                case LaidPageBreak:
                    if (!PageEmpty)
                        NewPage();
                    break;
            }
        }
    }

    /// <summary>
    /// The height that must fit on the page for the item at <paramref name="index"/> to start there: for a heading,
    /// the heading with the first lines of what follows (and so on through consecutive headings, spacers and
    /// rules); at most a page.
    /// </summary>
    private static float Lead(List<Laid> items, int index)
    {
        var total = 0f;
        for (var i = index; i < items.Count && total < BodyHeight; i++)
        {
            var item = items[i];
            if (i > index)
                total += Math.Max(items[i - 1].SpaceAfter, item.SpaceBefore);
            switch (item)
            {
                case LaidText { IsHeading: true } or LaidRule:
                    total += item.Height;
                    continue;
                case LaidSpacer spacer:
                    total += spacer.Space;
                    continue;
                case LaidText text:
                    total += Math.Min(text.Lines.Count, KeptLines) * text.Format.LineHeight;
                    break;
                case LaidGrid grid:
                    total += grid.FirstPart;
                    break;
                case LaidGroup group:
                    total += group.Height <= BodyHeight ? group.Height : Lead(group.Children, 0);
                    break;
            }
            break;
        }
        return Math.Min(total, BodyHeight);
    }

    /// <summary>
    /// Places the lines of a text, over several pages when needed. The first <paramref name="keptLines"/> lines
    /// stay together, and a page break leaves at least two lines for the next page.
    /// </summary>
    private void PlaceText(LaidText text, float gap, int keptLines)
    {
        MoveDown(gap);
        var lineHeight = text.Format.LineHeight;
        var count = text.Lines.Count;
        var next = 0;
        while (true)
        {
            var fit = (int)(Remaining / lineHeight);
            var left = count - next;
            if (left <= fit)
            {
                EmitLines(text, next, left);
                break;
            }
            var take = left - fit < KeptLines ? left - KeptLines : fit;
            var minimum = next == 0 ? Math.Min(keptLines, count) : 1;
            if (take < Math.Max(minimum, 1))
            {
                if (!PageEmpty)
                {
                    NewPage();
                    continue;
                }
                take = Math.Max(fit, 1);
            }
            EmitLines(text, next, take);
            next += take;
            NewPage();
        }
        _pendingSpace = text.SpaceAfter;
    }

    private void EmitLines(LaidText text, int first, int count)
    {
        var offset = BaselineOffset(text.Format);
        for (var i = 0; i < count; i++)
            _page.Add(new TextItem(text.Text, text.Lines[first + i], BodyLeft, _y + i * text.Format.LineHeight + offset, text.Format));
        _y += count * text.Format.LineHeight;
    }

    private float BaselineOffset(TextFormat format) =>
        (format.LineHeight - (_fonts.Ascent + _fonts.Descent) * format.Size) / 2 + _fonts.Ascent * format.Size;

    /// <summary>Places a table or key-value block row by row. A row that does not fit goes to the next page, where a
    /// table's header is repeated; only a row taller than a page is split, between lines of text.</summary>
    private void PlaceGrid(LaidGrid grid, float gap)
    {
        if (!Fits(gap, grid.FirstPart) && !PageEmpty)
        {
            NewPage();
            gap = 0;
        }
        MoveDown(gap);
        StartGridOnPage(grid);
        foreach (var row in grid.Rows)
        {
            if (row.Height <= Remaining)
            {
                EmitRow(grid, row, 0, row.LineCount);
                continue;
            }
            if (row.Height <= BodyHeight - grid.HeaderHeight)
            {
                NewPage();
                StartGridOnPage(grid);
                EmitRow(grid, row, 0, row.LineCount);
                continue;
            }
            SplitRow(grid, row);
        }
        _pendingSpace = grid.SpaceAfter;
    }

    private void SplitRow(LaidGrid grid, LaidRow row)
    {
        var rowsTop = _y;
        var next = 0;
        while (next < row.LineCount)
        {
            var left = row.LineCount - next;
            var fit = (int)((Remaining - 2 * row.PaddingY) / row.LineHeight);
            if (fit < Math.Min(MinimumRowPart, left) && _y > rowsTop)
            {
                NewPage();
                StartGridOnPage(grid);
                rowsTop = _y;
                continue;
            }
            var take = Math.Clamp(fit, 1, left);
            EmitRow(grid, row, next, take);
            next += take;
            if (next < row.LineCount)
            {
                NewPage();
                StartGridOnPage(grid);
                rowsTop = _y;
            }
        }
    }

    private void StartGridOnPage(LaidGrid grid)
    {
        if (grid.Header is not { } header)
            return;
        _page.Add(new FillItem(BodyLeft, _y, BodyWidth, header.Height, Ink.Shading));
        _page.Add(new RuleItem(BodyLeft, BodyRight, _y, RuleWidth, Ink.StrongRule));
        EmitRow(grid, header, 0, header.LineCount, Ink.StrongRule);
    }

    /// <summary>Lines [<paramref name="first"/>, first + count) of every cell of the row, then the rule below it.</summary>
    private void EmitRow(LaidGrid grid, LaidRow row, int first, int count, Ink rule = Ink.Rule)
    {
        for (var c = 0; c < row.Cells.Count; c++)
        {
            var cell = row.Cells[c];
            var column = grid.Columns[c];
            var offset = _y + row.PaddingY + BaselineOffset(cell.Format);
            for (var i = first; i < Math.Min(first + count, cell.Lines.Count); i++)
            {
                var line = cell.Lines[i];
                var x = column.Alignment == ColumnAlignment.Right ? column.Left + column.Width - line.Width : column.Left;
                _page.Add(new TextItem(cell.Text, line, x, offset + (i - first) * row.LineHeight, cell.Format));
            }
        }
        _y += count * row.LineHeight + 2 * row.PaddingY;
        if (grid.Ruled)
            _page.Add(new RuleItem(BodyLeft, BodyRight, _y, RuleWidth, rule));
    }

    /// <summary>Keeps a group on one page when it fits on one. A longer group flows, starting on a new page when less
    /// than a third of the current one is left.</summary>
    private void PlaceGroup(LaidGroup group, float gap)
    {
        var fitsOnAPage = group.Height <= BodyHeight;
        if (!PageEmpty && !Fits(gap, group.Height) && (fitsOnAPage || Remaining - gap < AwkwardRemainder))
            NewPage();
        PlaceAll(group.Children);
    }
}
