using TumourBoard.Domain.Diagnoses;

namespace TumourBoard.Domain.Tests.Trials;

public class MarkerTagsTests
{
    [Fact]
    public void Split_ReadsCommasAndSemicolons_AndCleansSpaces()
    {
        Assert.Equal(["ALK", "MYCN amplification", "H3 K27M"], MarkerTags.Split(" ALK,MYCN   amplification ; H3 K27M,, "));
    }

    [Fact]
    public void Distinct_KeepsTheFirstSpelling()
    {
        Assert.Equal(["Alk", "TP53"], MarkerTags.Distinct(["Alk", "ALK", "TP53", " alk "]));
    }

    [Theory]
    [InlineData("BRAF V600E", true)]
    [InlineData("PAX3::FOXO1", true)]
    [InlineData("t(12;21)", false)]
    [InlineData("CDKN2A/B deletion", true)]
    [InlineData("ALK\u0000", false)]
    [InlineData("<script>", false)]
    public void IsValid_AllowsGeneAndVariantNames(string tag, bool valid)
    {
        Assert.Equal(valid, MarkerTags.IsValid(tag));
    }

    [Fact]
    public void Problem_MoreThanTwelveDistinctTags_IsTooMany()
    {
        Assert.Equal(MarkerTags.TooManyCode, MarkerTags.Problem(Enumerable.Range(1, 13).Select(i => $"M{i}").ToList()));
        Assert.Null(MarkerTags.Problem(Enumerable.Range(1, 13).Select(_ => "ALK").ToList()));
    }
}
