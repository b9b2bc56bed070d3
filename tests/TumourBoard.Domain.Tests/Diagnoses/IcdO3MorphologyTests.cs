using TumourBoard.Domain.Diagnoses;

namespace TumourBoard.Domain.Tests.Diagnoses;

public class IcdO3MorphologyTests
{
    [Theory]
    [InlineData("9500/3")]
    [InlineData("M-9500/3")]
    [InlineData("M9500/3")]
    [InlineData("m-9500/3")]
    [InlineData(" 9500/3 ")]
    [InlineData("\tM-9500/3\n")]
    public void TryParse_AcceptedSpelling_GivesNeuroblastomaMalignant(string text)
    {
        Assert.True(IcdO3Morphology.TryParse(text, out var morphology));
        Assert.Equal(9500, morphology.Histology);
        Assert.Equal(TumourBehaviour.Malignant, morphology.Behaviour);
        Assert.Equal("9500/3", morphology.Code);
        Assert.Equal("9500/3", morphology.ToString());
    }

    [Theory]
    [InlineData("9421/0", TumourBehaviour.Benign)]
    [InlineData("9421/1", TumourBehaviour.Uncertain)]
    [InlineData("8010/2", TumourBehaviour.InSitu)]
    [InlineData("8010/6", TumourBehaviour.Metastatic)]
    [InlineData("8010/9", TumourBehaviour.UncertainWhetherPrimaryOrMetastatic)]
    [InlineData("8000/3", TumourBehaviour.Malignant)]
    [InlineData("9999/3", TumourBehaviour.Malignant)]
    public void TryParse_EachBehaviourDigit_IsRead(string text, TumourBehaviour expected)
    {
        Assert.True(IcdO3Morphology.TryParse(text, out var morphology));
        Assert.Equal(expected, morphology.Behaviour);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("9500")]
    [InlineData("9500/")]
    [InlineData("9500/4")]
    [InlineData("9500/5")]
    [InlineData("9500/33")]
    [InlineData("950/3")]
    [InlineData("95000/3")]
    [InlineData("7999/3")]
    [InlineData("0950/3")]
    [InlineData("9500-3")]
    [InlineData("9500 /3")]
    [InlineData("M--9500/3")]
    [InlineData("MM9500/3")]
    [InlineData("-9500/3")]
    [InlineData("X9500/3")]
    [InlineData("9500/3x")]
    [InlineData("95a0/3")]
    [InlineData("+950/3")]
    [InlineData("٩٥٠٠/3")]
    public void TryParse_MalformedCode_Fails(string? text)
    {
        Assert.False(IcdO3Morphology.TryParse(text, out var morphology));
        Assert.Null(morphology);
    }

    [Fact]
    public void Parse_MalformedCode_ThrowsMorphologyInvalid()
    {
        var error = Assert.Throws<DomainException>(() => IcdO3Morphology.Parse("9500/4"));
        Assert.Equal("Diagnosis.MorphologyInvalid", error.Code);
    }

    [Fact]
    public void Constructor_HistologyOutsideMorphologyAxis_ThrowsMorphologyInvalid()
    {
        var error = Assert.Throws<DomainException>(() => new IcdO3Morphology(7999, TumourBehaviour.Malignant));
        Assert.Equal("Diagnosis.MorphologyInvalid", error.Code);
    }

    [Fact]
    public void Constructor_UndefinedBehaviour_ThrowsMorphologyInvalid()
    {
        var error = Assert.Throws<DomainException>(() => new IcdO3Morphology(9500, (TumourBehaviour)5));
        Assert.Equal("Diagnosis.MorphologyInvalid", error.Code);
    }

    [Fact]
    public void Equality_SameCodeWrittenDifferently_IsEqual()
    {
        Assert.Equal(IcdO3Morphology.Parse("M-9500/3"), IcdO3Morphology.Parse("9500/3"));
        Assert.NotEqual(IcdO3Morphology.Parse("9500/3"), IcdO3Morphology.Parse("9500/1"));
    }
}
