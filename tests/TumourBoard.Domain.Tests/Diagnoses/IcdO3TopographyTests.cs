using TumourBoard.Domain.Diagnoses;

namespace TumourBoard.Domain.Tests.Diagnoses;

public class IcdO3TopographyTests
{
    [Theory]
    [InlineData("C74.9")]
    [InlineData("C749")]
    [InlineData("c74.9")]
    [InlineData("c749")]
    [InlineData(" C74.9 ")]
    public void TryParse_AcceptedSpelling_GivesAdrenalGlandNos(string text)
    {
        Assert.True(IcdO3Topography.TryParse(text, out var topography));
        Assert.Equal("C749", topography.Code);
        Assert.Equal("C74.9", topography.Display);
        Assert.Equal("C74.9", topography.ToString());
    }

    [Theory]
    [InlineData("C00.0", "C000")]
    [InlineData("C80.9", "C809")]
    [InlineData("C42.1", "C421")]
    [InlineData("C05.2", "C052")]
    public void TryParse_EndsAndMiddleOfRange_AreAccepted(string text, string code)
    {
        Assert.True(IcdO3Topography.TryParse(text, out var topography));
        Assert.Equal(code, topography.Code);
        Assert.Equal(text, topography.Display);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("C74")]
    [InlineData("C74.")]
    [InlineData("C7.49")]
    [InlineData("C74.10")]
    [InlineData("C7490")]
    [InlineData("C81.0")]
    [InlineData("C99.9")]
    [InlineData("74.9")]
    [InlineData("D74.9")]
    [InlineData("C74,9")]
    [InlineData("C 74.9")]
    [InlineData("C7a.9")]
    [InlineData("C-74.9")]
    public void TryParse_MalformedOrOutOfRangeCode_Fails(string? text)
    {
        Assert.False(IcdO3Topography.TryParse(text, out var topography));
        Assert.Null(topography);
    }

    [Fact]
    public void Parse_OutOfRangeCode_ThrowsTopographyInvalid()
    {
        var error = Assert.Throws<DomainException>(() => IcdO3Topography.Parse("C81.0"));
        Assert.Equal("Diagnosis.TopographyInvalid", error.Code);
    }

    [Fact]
    public void Equality_SameSiteWrittenDifferently_IsEqual()
    {
        Assert.Equal(IcdO3Topography.Parse("C74.9"), IcdO3Topography.Parse("c749"));
    }
}
