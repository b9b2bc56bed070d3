using TumourBoard.Domain.Centres;
using TumourBoard.Domain.Common;

namespace TumourBoard.Domain.Tests.Centres;

public sealed class CentreTests
{
    [Fact]
    public void NewCentre_NormalisesItsCode()
    {
        var centre = new Centre(" uzl ", "UZ Leuven", "Leuven", BoardLanguage.Dutch);

        Assert.Equal("UZL", centre.Code);
        Assert.True(centre.IsActive);
    }

    [Theory]
    [InlineData("")]
    [InlineData("U")]
    [InlineData("1UZ")]
    [InlineData("UZ-L")]
    [InlineData("ABCDEFGHIJK")]
    public void NewCentre_WithBadCode_IsRefused(string code)
    {
        var refused = Assert.Throws<DomainException>(() => new Centre(code, "Name", "City", BoardLanguage.French));

        Assert.Equal("Centre.CodeInvalid", refused.Code);
    }

    [Fact]
    public void Rename_WithBlankName_IsRefusedAndKeepsTheOldName()
    {
        var centre = new Centre("CUSL", "Cliniques universitaires Saint-Luc", "Bruxelles", BoardLanguage.French);

        Assert.Throws<DomainException>(() => centre.Rename(" ", "Bruxelles", BoardLanguage.French));

        Assert.Equal("Cliniques universitaires Saint-Luc", centre.Name);
    }

    [Fact]
    public void Deactivate_ThenReactivate_RestoresTheCentre()
    {
        var centre = new Centre("UZA", "UZ Antwerpen", "Antwerpen", BoardLanguage.Dutch);

        centre.Deactivate();
        Assert.False(centre.IsActive);
        centre.Reactivate();

        Assert.True(centre.IsActive);
    }
}
