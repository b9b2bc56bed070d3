using System.Text;
using TumourBoard.Web.Documents;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Tokens;
using static TumourBoard.Web.Tests.Documents.PdfReading;

namespace TumourBoard.Web.Tests.Documents;

public sealed class SkiaPdfRendererTests
{
    private static readonly SkiaPdfRenderer Renderer = new();

    private static Document With(params Block[] blocks) => new()
    {
        Metadata = new DocumentMetadata("Test", "fr-BE", SampleDocuments.Created),
        Header = new PageHeader("Tumour board national", "3 mars 2026"),
        Footer = SampleDocuments.Footer,
        Blocks = blocks,
    };

    private static PdfDocument Render(Document document) => PdfDocument.Open(Renderer.Render(document));

    private static string Words(int count, string prefix = "mot") =>
        string.Join(" ", Enumerable.Range(0, count).Select(i => $"{prefix}{i}"));

    [Fact]
    public void Minutes_ContainEveryWordGiven()
    {
        var document = SampleDocuments.Minutes(40);

        using var pdf = Render(document);

        var drawn = pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text).ToHashSet();
        var missing = Texts(document.Blocks).SelectMany(t => t.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries)).Where(w => !drawn.Contains(w));
        Assert.Equal([], missing.Distinct());
    }

    [Fact]
    public void Minutes_NumberEveryPage_AsPageXOfY()
    {
        using var pdf = Render(SampleDocuments.Minutes(40));

        Assert.True(pdf.NumberOfPages > 20, $"{pdf.NumberOfPages} pages");
        foreach (var page in pdf.GetPages())
            Assert.Contains($"Page {page.Number} de {pdf.NumberOfPages}", PageText(page));
    }

    [Fact]
    public void Minutes_CarryHeaderAndConfidentialityNote_OnEveryPage()
    {
        using var pdf = Render(SampleDocuments.Minutes(40));

        foreach (var page in pdf.GetPages())
        {
            var text = PageText(page);
            Assert.Contains("Tumour board national d'hémato-oncologie pédiatrique", text);
            Assert.Contains("Mardi 3 mars 2026", text);
            Assert.Contains(SampleDocuments.Footer.Note, text);
        }
    }

    [Fact]
    public void Letters_StayOnThePage_AndBodyTextWithinTheMargins()
    {
        var longHeader = new PageHeader(string.Concat(Enumerable.Repeat("Tumour board national d'hémato-oncologie pédiatrique ", 6)), "Mardi 3 mars 2026");
        var document = SampleDocuments.Minutes(40, watermark: "BROUILLON") with { Header = longHeader };
        document = document with
        {
            Blocks =
            [
                .. document.Blocks,
                new Paragraph("https://tumourboard.example.be/" + new string('x', 400)),
                new Table([new TableColumn("Clé", 1), new TableColumn("Valeur", 1)], [["Ω" + new string('W', 300), new string('m', 200)]]),
            ],
        };

        using var pdf = Render(document);

        foreach (var page in pdf.GetPages())
        {
            foreach (var letter in page.Letters)
            {
                var box = letter.BoundingBox;
                Assert.True(box.Left >= 0 && box.Right <= page.Width && box.Bottom >= 0 && box.Top <= page.Height, $"'{letter.Value}' at {box} on page {page.Number}");
                if (letter.PointSize < 30)
                    Assert.True(box.Left >= Typography.BodyLeft - 1 && box.Right <= Typography.BodyRight + 1, $"'{letter.Value}' at {box} on page {page.Number}");
            }
            foreach (var letter in BodyLetters(page))
                Assert.True(letter.BoundingBox.Top <= BodyTop && letter.BoundingBox.Bottom >= BodyBottom, $"'{letter.Value}' at {letter.BoundingBox} on page {page.Number}");
        }
    }

    [Fact]
    public void Table_LongerThanAPage_RepeatsItsHeaderOnEveryPage()
    {
        var rows = Enumerable.Range(0, 150).Select(i => (IReadOnlyList<string>)[$"ligne{i}", $"valeur{i}"]);

        using var pdf = Render(With(new Paragraph("Avant le tableau."), new Table([new TableColumn("Identifiant"), new TableColumn("Observation")], rows)));

        Assert.True(pdf.NumberOfPages >= 3, $"{pdf.NumberOfPages} pages");
        foreach (var page in pdf.GetPages())
        {
            var words = page.GetWords().ToList();
            var header = Assert.Single(words, w => w.Text == "Identifiant");
            Assert.Single(words, w => w.Text == "Observation");
            Assert.All(words.Where(w => w.Text.StartsWith("ligne", StringComparison.Ordinal)), w => Assert.True(w.BoundingBox.Top < header.BoundingBox.Bottom));
        }
        Assert.Equal(150, pdf.GetPages().SelectMany(p => p.GetWords()).Count(w => w.Text.StartsWith("ligne", StringComparison.Ordinal)));
    }

    [Fact]
    public void Table_Rows_AreNeverSplitAcrossPages()
    {
        var rows = Enumerable.Range(0, 60).Select(i => (IReadOnlyList<string>)[$"r{i}", Words(10 + i % 7 * 12, $"r{i}w")]);

        using var pdf = Render(With(new Table([new TableColumn("N°", 1), new TableColumn("Texte", 6)], rows)));

        var pagesOfRow = pdf.GetPages()
            .SelectMany(p => p.GetWords().Select(w => (Row: w.Text.Split('w')[0], Page: p.Number)))
            .Where(w => w.Row.Length > 1 && w.Row[0] == 'r' && w.Row[1..].All(char.IsAsciiDigit))
            .GroupBy(w => w.Row, w => w.Page);
        Assert.All(pagesOfRow, row => Assert.Single(row.Distinct()));
        Assert.True(pdf.NumberOfPages >= 2, $"{pdf.NumberOfPages} pages");
    }

    [Fact]
    public void Table_RowTallerThanAPage_SplitsWithoutLosingText()
    {
        var tall = Words(1500, "long");

        using var pdf = Render(With(new Table([new TableColumn("Cas", 1), new TableColumn("Discussion", 5)], [["court", "avant"], ["7", tall], ["après", "fin"]])));

        Assert.True(pdf.NumberOfPages >= 3, $"{pdf.NumberOfPages} pages");
        var body = BodyTextWithoutSpaces(pdf);
        Assert.Contains(WithoutSpaces(tall), body.Replace("CasDiscussion", "", StringComparison.Ordinal));
        Assert.EndsWith("aprèsfin", body, StringComparison.Ordinal);
    }

    [Fact]
    public void Paragraph_Of20000Characters_FlowsOverPagesWithEveryCharacter()
    {
        var text = new StringBuilder();
        for (var i = 0; text.Length < 20_000; i++)
            text.Append(i % 9 == 0 ? $"Séance{i} " : $"mot{i} ");
        var paragraph = text.ToString(0, 20_000);

        using var pdf = Render(With(new Heading(1, "Long"), new Paragraph(paragraph)));

        Assert.True(pdf.NumberOfPages >= 4, $"{pdf.NumberOfPages} pages");
        Assert.Equal("Long" + WithoutSpaces(paragraph), BodyTextWithoutSpaces(pdf));
    }

    [Theory]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456789")]
    [InlineData("https://example.be/dossier?id=")]
    public void WordOf300Characters_IsBrokenBetweenCharacters_AndKeepsThemAll(string pattern)
    {
        var word = string.Concat(Enumerable.Repeat(pattern, 20))[..300];

        using var pdf = Render(With(new Paragraph(word)));

        var letters = pdf.GetPages().SelectMany(BodyLetters).ToList();
        Assert.Equal(word, string.Concat(letters.Select(l => l.Value)));
        Assert.True(letters.Select(l => l.StartBaseLine.Y).Distinct().Count() >= 2);
        Assert.All(letters, l => Assert.True(l.BoundingBox.Right <= Typography.BodyRight + 1, $"'{l.Value}' at {l.BoundingBox}"));
    }

    [Fact]
    public void SurrogatePairs_AreNeverSplitWhenALongWordBreaks()
    {
        var smileys = string.Concat(Enumerable.Repeat("\U0001F600", 200));

        using var pdf = Render(With(new Paragraph(smileys)));

        var letters = pdf.GetPages().SelectMany(BodyLetters).ToList();
        Assert.Equal(200, letters.Count);
        Assert.All(letters, l => Assert.Equal("\U0001F600", l.Value));
        Assert.True(letters.Select(l => l.StartBaseLine.Y).Distinct().Count() >= 2);
    }

    [Theory]
    [InlineData("Één café, naïve façade, crème brûlée à Noël ; « Ça va ? » – oui.")]
    [InlineData("Coördinatie, ruïne, reünie, België, privé, Œuvre, cœur, 25 € — fin.")]
    [InlineData("Franc\u0327ois a e\u0301te\u0301 a\u0300 l'hôpital")]
    public void AccentedFrenchAndDutch_AreExtractedExactly(string text)
    {
        using var pdf = Render(With(new Paragraph(text)));

        Assert.Equal(text.Normalize(), string.Concat(BodyLetters(pdf.GetPage(1)).Select(l => l.Value)));
    }

    [Fact]
    public void EmojiRightToLeftAndCjk_RenderWithoutLosingACharacter()
    {
        const string text = "Hébreu שָׁלוֹם עולם, arabe مرحبا بالعالم, chinois 你好世界, emoji 😀 👍🏽 ❤️ ✓ 👨‍👩‍👧, contrôle a\u0007b, fin";

        using var pdf = Render(With(new Paragraph(text, TextStyle.Bold), new Paragraph(text, TextStyle.Italic)));

        // Hebrew and Arabic are drawn right to left, and Arabic in its joined forms, which read back as the letters.
        var drawn = BodyLetters(pdf.GetPage(1)).Where(l => !string.IsNullOrWhiteSpace(l.Value)).Select(l => l.Value.Normalize(NormalizationForm.FormKC)).ToList();
        var given = VisibleCodePoints(text.Normalize());
        var expected = given.Select(c => c is "你" or "好" or "世" or "界" or "\u0007" ? "\uFFFD" : c).Order(StringComparer.Ordinal).ToList();
        foreach (var half in new[] { drawn.Take(drawn.Count / 2), drawn.Skip(drawn.Count / 2) })
            Assert.Equal(string.Join(" ", expected), string.Join(" ", half.Order(StringComparer.Ordinal)));
        Assert.Contains("ש", drawn);
        Assert.Contains("ب", drawn);
        Assert.Contains("😀", drawn);
        Assert.Contains("\uFFFD", drawn);
        Assert.True(drawn.IndexOf("ם") < drawn.IndexOf("ש"), "Hebrew is drawn right to left.");
    }

    [Theory]
    [InlineData("Enfant 🧒🏽 ruban 🎗️ 😀 👍 ❤️ ✅ 💊 🩺 🧬 famille 👨‍👩‍👧 fin")]
    [InlineData("🎉🎉🎉")]
    public void Emoji_AreDrawnWithTheirOwnGlyphs_AndExtractedAsWritten(string text)
    {
        using var pdf = Render(With(new Paragraph(text), new Paragraph(text, TextStyle.Bold)));

        var drawn = BodyLetters(pdf.GetPage(1)).Where(l => !string.IsNullOrWhiteSpace(l.Value)).Select(l => l.Value).ToList();
        var given = VisibleCodePoints(text.Normalize());
        Assert.Equal([.. given, .. given], drawn);
        Assert.DoesNotContain("\uFFFD", drawn);
    }

    [Fact]
    public void Heading_IsNeverTheLastTextOnAPage()
    {
        var blocks = new List<Block>();
        for (var i = 0; i < 60; i++)
        {
            blocks.Add(new Heading(2 + i % 2, $"Section {i}"));
            blocks.Add(i % 5 == 4
                ? new Table([new TableColumn("A"), new TableColumn("B")], [[Words(5), Words(3)], ["x", "y"]])
                : new Paragraph(Words(10 + i * 7 % 90)));
        }

        using var pdf = Render(With([.. blocks]));

        Assert.True(pdf.NumberOfPages >= 5, $"{pdf.NumberOfPages} pages");
        foreach (var page in pdf.GetPages().SkipLast(1))
        {
            var last = BodyLetters(page).Where(l => !string.IsNullOrWhiteSpace(l.Value)).MinBy(l => l.StartBaseLine.Y)!;
            Assert.True(last.PointSize < 11, $"Page {page.Number} ends with '{last.Value}' at {last.PointSize} pt");
        }
    }

    [Fact]
    public void HeadingInTheBodySize_IsNeverTheLastLineOnAPage_NorSetApartFromItsText()
    {
        var blocks = new List<Block>();
        for (var i = 0; i < 60; i++)
        {
            blocks.Add(new Paragraph(Words(10 + i * 13 % 80)));
            blocks.Add(new Heading(4, $"Intitulé{i}"));
            blocks.Add(i % 2 == 0
                ? new Table([new TableColumn("Action"), new TableColumn("Qui")], [[Words(4, "a"), "UZL"], ["b", "c"]])
                : new Paragraph(Words(30 + i * 11 % 70, "p")));
        }

        using var pdf = Render(With([.. blocks]));

        Assert.True(pdf.NumberOfPages >= 5, $"{pdf.NumberOfPages} pages");
        var heading = Typography.HeadingFormat(4).Format;
        Assert.Equal((Typography.Body.Size, true), (heading.Size, heading.Bold));
        foreach (var page in pdf.GetPages().SkipLast(1))
        {
            var letters = BodyLetters(page).Where(l => !string.IsNullOrWhiteSpace(l.Value)).ToList();
            var last = letters.Min(l => Math.Round(l.StartBaseLine.Y, 1));
            var line = string.Concat(letters.Where(l => Math.Round(l.StartBaseLine.Y, 1) == last).Select(l => l.Value));
            Assert.False(line.StartsWith("Intitulé", StringComparison.Ordinal), $"Page {page.Number} ends with '{line}'");
        }
    }

    [Fact]
    public void KeepTogether_ThatDoesNotFitOnTheRestOfThePage_StartsOnTheNextPage()
    {
        var group = new KeepTogether([new Heading(2, "Groupe"), new Paragraph(Words(150, "g")), new Table([new TableColumn("Option"), new TableColumn("Voix")], [["g-oui", "3"], ["g-non", "2"]])]);

        using var pdf = Render(With(new Paragraph(Words(600)), group, new Paragraph("Après le groupe.")));

        var pages = pdf.GetPages().SelectMany(p => p.GetWords().Where(w => w.Text.StartsWith('g') || w.Text == "Groupe").Select(_ => p.Number)).Distinct().ToList();
        Assert.Equal([2], pages);
    }

    [Fact]
    public void KeepTogether_TallerThanAPage_FlowsAcrossPagesWithAllItsText()
    {
        var paragraph = Words(1200, "k");

        using var pdf = Render(With(new Paragraph("Avant."), new KeepTogether([new Heading(2, "Groupe"), new Paragraph(paragraph)])));

        Assert.True(pdf.NumberOfPages >= 2);
        Assert.Equal("Avant.Groupe" + WithoutSpaces(paragraph), BodyTextWithoutSpaces(pdf));
    }

    [Fact]
    public void Paragraph_WithLineFeeds_StartsANewLineAtEach()
    {
        using var pdf = Render(With(new Paragraph("Avec mes salutations,\nProf. A. Vermeulen\n\nPrésident")));

        var lines = BodyLetters(pdf.GetPage(1)).GroupBy(l => Math.Round(l.StartBaseLine.Y)).Select(g => string.Concat(g.Select(l => l.Value))).ToList();
        Assert.Equal(["Avec mes salutations,", "Prof. A. Vermeulen", "Président"], lines);
    }

    [Fact]
    public void PageBreak_StartsANewPage_AndSpacerAddsSpace()
    {
        using var pdf = Render(With(new Paragraph("Un"), new Spacer(40), new Paragraph("Deux"), new PageBreak(), new Paragraph("Trois")));

        Assert.Equal(2, pdf.NumberOfPages);
        var first = BodyLetters(pdf.GetPage(1));
        var gap = first.First(l => l.Value == "U").StartBaseLine.Y - first.First(l => l.Value == "D").StartBaseLine.Y;
        Assert.Equal(Typography.Body.LineHeight + Typography.ParagraphSpace + 40, gap, 0.1);
        Assert.Equal("Trois", string.Concat(BodyLetters(pdf.GetPage(2)).Select(l => l.Value)));
    }

    [Fact]
    public void PageBreak_AtTheEnd_LeavesNoBlankPage()
    {
        using var pdf = Render(With(new Paragraph("Un"), new PageBreak(), new Paragraph("Deux"), new PageBreak(), new Spacer(20)));

        Assert.Equal(2, pdf.NumberOfPages);
        Assert.Contains("Page 2 de 2", PageText(pdf.GetPage(2)));
    }

    [Fact]
    public void EmptyDocument_IsOneNumberedPage()
    {
        using var pdf = Render(With());

        Assert.Equal(1, pdf.NumberOfPages);
        Assert.Contains("Page 1 de 1", PageText(pdf.GetPage(1)));
    }

    [Fact]
    public void Watermark_IsOnEveryPage()
    {
        using var pdf = Render(SampleDocuments.Minutes(40, watermark: "BROUILLON"));

        foreach (var page in pdf.GetPages())
            Assert.Equal("BROUILLON", string.Concat(page.Letters.Where(l => l.PointSize >= 30).Select(l => l.Value)));
    }

    [Fact]
    public void Metadata_CarriesTitleSubjectAuthorCreatorAndLanguage()
    {
        using var pdf = Render(SampleDocuments.Letter());

        Assert.Equal("Aanbeveling van de tumour board — casus 7", pdf.Information.Title);
        Assert.Equal("Aanbeveling", pdf.Information.Subject);
        Assert.Equal("Nationale tumour board pediatrische hemato-oncologie", pdf.Information.Author);
        Assert.Equal("TumourBoard", pdf.Information.Creator);
        Assert.Equal("D:20260303140500+01'00'", pdf.Information.CreationDate);
        Assert.Equal("D:20260303140500+01'00'", pdf.Information.ModifiedDate);
        Assert.True(pdf.Structure.Catalog.CatalogDictionary.TryGet(NameToken.Create("Lang"), out StringToken language));
        Assert.Equal("nl-BE", language.Data);
    }

    [Fact]
    public void Dates_AreWrittenWithTheDocumentsOwnOffset_NotTheServers()
    {
        var created = new DateTimeOffset(2026, 3, 3, 18, 50, 0, new TimeSpan(5, 45, 0));

        using var pdf = Render(With() with { Metadata = new DocumentMetadata("Test", "en", created) });

        Assert.Equal("D:20260303185000+05'45'", pdf.Information.CreationDate);
        Assert.Equal(created, pdf.Information.GetCreatedDateTimeOffset());
    }

    [Fact]
    public void SameDocument_RendersToIdenticalBytes_AlsoInAnotherRenderer()
    {
        using var other = new SkiaPdfRenderer();

        var first = Renderer.Render(SampleDocuments.Minutes(10, watermark: "DRAFT"));
        var second = Renderer.Render(SampleDocuments.Minutes(10, watermark: "DRAFT"));
        var third = other.Render(SampleDocuments.Minutes(10, watermark: "DRAFT"));

        Assert.Equal(first, second);
        Assert.Equal(first, third);
        Assert.NotEqual(first, Renderer.Render(SampleDocuments.Minutes(11, watermark: "DRAFT")));
    }

    [Fact]
    public void Render_OnSeveralThreadsAtOnce_GivesTheSameBytes()
    {
        var document = SampleDocuments.Minutes(8, watermark: "DRAFT") with
        {
            Blocks = [.. SampleDocuments.Minutes(8).Blocks, new Paragraph("שלום مرحبا Ωμέγα привет ✓ 😀")],
        };
        var expected = Renderer.Render(document);

        var results = new byte[8][];
        Parallel.For(0, results.Length, i => results[i] = Renderer.Render(document));

        Assert.All(results, r => Assert.Equal(expected, r));
    }

    [Fact]
    public void CrossReferenceTable_PointsAtEveryObject_AfterTheLanguageIsAdded()
    {
        var bytes = Renderer.Render(SampleDocuments.Letter());

        var text = Encoding.Latin1.GetString(bytes);
        var xref = int.Parse(text[(text.LastIndexOf("startxref", StringComparison.Ordinal) + 10)..].Split('\n')[0]);
        Assert.StartsWith("xref\n0 ", text[xref..]);
        var lines = text[xref..].Split('\n');
        var count = int.Parse(lines[1].Split(' ')[1]);
        for (var i = 1; i < count; i++)
        {
            var offset = int.Parse(lines[2 + i][..10]);
            Assert.StartsWith($"{i} 0 obj", text[offset..]);
        }
        Assert.Matches(@"trailer\n<</ID \[<[0-9A-F]{32}> <[0-9A-F]{32}>\]", text);
    }

    private static IEnumerable<string> Texts(IEnumerable<Block> blocks) => blocks.SelectMany(b => b switch
    {
        Heading h => [h.Text],
        Paragraph p => [p.Text],
        KeyValueBlock kv => kv.Entries.SelectMany(e => new[] { e.Label, e.Value }),
        Table t => t.Columns.Select(c => c.Header).Concat(t.Rows.SelectMany(r => r)),
        KeepTogether g => Texts(g.Blocks),
        _ => [],
    });
}
