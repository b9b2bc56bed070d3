namespace TumourBoard.Web.Documents;

/// <summary>Which colour something is drawn in; <see cref="PagePainter"/> knows the colours.</summary>
internal enum Ink : byte
{
    Text,
    Muted,
    Heading,
    Rule,
    StrongRule,
    Shading,
    Watermark,
}

/// <summary>How a piece of text is set: face, size in points, distance between baselines, colour.</summary>
internal readonly record struct TextFormat(bool Bold, bool Italic, float Size, float LineHeight, Ink Ink);

/// <summary>
/// The page and its type: A4 portrait in points (1/72 inch), margins of about 22 mm at the sides and 25 mm at the
/// bottom, the header and footer inside the top and bottom margins, body text of 10 pt with 14.5 pt between lines.
/// </summary>
internal static class Typography
{
    public const float PageWidth = 595;
    public const float PageHeight = 842;
    public const float MarginLeft = 62;
    public const float MarginRight = 62;
    public const float BodyLeft = MarginLeft;
    public const float BodyWidth = PageWidth - MarginLeft - MarginRight;
    public const float BodyRight = BodyLeft + BodyWidth;
    public const float BodyTop = 82;
    public const float BodyBottom = PageHeight - 74;
    public const float BodyHeight = BodyBottom - BodyTop;

    public const float HeaderBaseline = 48;
    public const float HeaderRuleY = 56;
    public const float FooterRuleY = PageHeight - 58;
    public const float FooterBaseline = PageHeight - 46;
    public const float FurnitureGap = 16;
    public const float RuleWidth = 0.5f;

    public static readonly TextFormat Body = new(false, false, 10, 14.5f, Ink.Text);
    public static readonly TextFormat Small = new(false, false, 8.5f, 12, Ink.Text);
    public static readonly TextFormat Furniture = new(false, false, 8, 10, Ink.Muted);
    public static readonly TextFormat TableCell = new(false, false, 9, 12.5f, Ink.Text);
    public static readonly TextFormat TableHeader = new(true, false, 8.5f, 11.5f, Ink.Text);
    public static readonly TextFormat Label = new(true, false, 10, 14.5f, Ink.Muted);
    public static readonly TextFormat WatermarkText = new(true, false, 1, 1, Ink.Watermark);

    public const float ParagraphSpace = 6;
    public const float BlockSpace = 10;
    public const float CellPaddingX = 5;
    public const float CellPaddingY = 4;
    public const float KeyValuePaddingY = 1.5f;
    public const float KeyValueLabelWidth = 140;
    public const float RuleSpace = 8;

    /// <summary>A heading's format and the space above and below it.</summary>
    public static (TextFormat Format, float Before, float After) HeadingFormat(int level) => level switch
    {
        1 => (new TextFormat(true, false, 18, 23, Ink.Heading), 0, 10),
        2 => (new TextFormat(true, false, 13.5f, 18, Ink.Heading), 16, 6),
        3 => (new TextFormat(true, false, 11, 15, Ink.Text), 12, 3),
        _ => (Body with { Bold = true }, ParagraphSpace, ParagraphSpace),
    };

    public static TextFormat ParagraphFormat(TextStyle style)
    {
        var format = style.HasFlag(TextStyle.Small) ? Small : Body;
        return format with
        {
            Bold = style.HasFlag(TextStyle.Bold),
            Italic = style.HasFlag(TextStyle.Italic),
            Ink = style.HasFlag(TextStyle.Muted) ? Ink.Muted : Ink.Text,
        };
    }
}
