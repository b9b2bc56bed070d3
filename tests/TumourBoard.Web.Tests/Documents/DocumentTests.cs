using TumourBoard.Web.Documents;

namespace TumourBoard.Web.Tests.Documents;

public sealed class DocumentTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    public void Heading_OutsideLevelsOneToFour_IsRefused(int level) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new Heading(level, "Titre"));

    [Fact]
    public void Table_WithARowOfTheWrongWidth_IsRefused()
    {
        var error = Assert.Throws<ArgumentException>(() => new Table([new TableColumn("A"), new TableColumn("B")], [["1", "2"], ["3"]]));

        Assert.Contains("Row 1 has 1 cells for 2 columns", error.Message);
    }

    [Theory]
    [InlineData(0f)]
    [InlineData(-1f)]
    [InlineData(float.NaN)]
    public void TableColumn_WithoutAPositiveWidth_IsRefused(float width) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new TableColumn("A", width));

    [Theory]
    [InlineData("fr-BE")]
    [InlineData("nl")]
    [InlineData("en-GB")]
    public void Metadata_AcceptsLanguageTags(string language) =>
        Assert.Equal(language, new DocumentMetadata("Titre", language, DateTimeOffset.UnixEpoch).Language);

    [Theory]
    [InlineData("")]
    [InlineData("fr_BE")]
    [InlineData("fr) /JavaScript (x")]
    public void Metadata_RefusesWhatIsNotALanguageTag(string language) =>
        Assert.Throws<ArgumentException>(() => new DocumentMetadata("Titre", language, DateTimeOffset.UnixEpoch));

    [Theory]
    [InlineData("Page {0} of {1}")]
    [InlineData("Pagina {0}")]
    public void Footer_AcceptsAPageNumberFormatWithThePage(string format) =>
        Assert.Equal(format, new PageFooter("Note", format).PageNumberFormat);

    [Theory]
    [InlineData("Page")]
    [InlineData("Page {2} of {1}")]
    [InlineData("Page {0 of {1}")]
    public void Footer_RefusesAPageNumberFormatWithoutAValidPagePlaceholder(string format) =>
        Assert.Throws<ArgumentException>(() => new PageFooter("Note", format));

    [Fact]
    public void Document_KeepsItsOwnCopyOfTheBlocks()
    {
        var blocks = new List<Block> { new Paragraph("Un") };
        var document = new Document { Metadata = new DocumentMetadata("Titre", "fr", DateTimeOffset.UnixEpoch), Blocks = blocks };

        blocks.Add(new Paragraph("Deux"));

        Assert.Single(document.Blocks);
    }
}
