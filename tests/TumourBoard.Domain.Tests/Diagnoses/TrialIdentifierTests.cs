using TumourBoard.Domain.Diagnoses;

namespace TumourBoard.Domain.Tests.Diagnoses;

public class TrialIdentifierTests
{
    [Theory]
    [InlineData("NCT01234567", TrialIdentifierKind.Nct, "NCT01234567")]
    [InlineData("nct01234567", TrialIdentifierKind.Nct, "NCT01234567")]
    [InlineData(" Nct01234567 ", TrialIdentifierKind.Nct, "NCT01234567")]
    [InlineData("2022-500123-45-00", TrialIdentifierKind.EuCt, "2022-500123-45-00")]
    [InlineData("2019-512345-01-02", TrialIdentifierKind.EuCt, "2019-512345-01-02")]
    [InlineData("2099-599999-99-99", TrialIdentifierKind.EuCt, "2099-599999-99-99")]
    [InlineData("2015-001234-12", TrialIdentifierKind.EudraCt, "2015-001234-12")]
    [InlineData("2004-000001-99", TrialIdentifierKind.EudraCt, "2004-000001-99")]
    public void TryParse_ValidNumber_GivesKindAndNormalisedValue(string text, TrialIdentifierKind kind, string value)
    {
        Assert.True(TrialIdentifier.TryParse(text, out var identifier));
        Assert.Equal(kind, identifier.Kind);
        Assert.Equal(value, identifier.Value);
        Assert.Equal(value, identifier.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("NCT1234567")]
    [InlineData("NCT012345678")]
    [InlineData("NCT0123456A")]
    [InlineData("NCT 01234567")]
    [InlineData("NTC01234567")]
    [InlineData("01234567")]
    [InlineData("2022-400123-45-00")]
    [InlineData("2018-500123-45-00")]
    [InlineData("2100-500123-45-00")]
    [InlineData("2022-50012-45-00")]
    [InlineData("2022-500123-45-0")]
    [InlineData("2022-500123-4500")]
    [InlineData("2022/500123/45/00")]
    [InlineData("2003-001234-12")]
    [InlineData("2015-01234-12")]
    [InlineData("2015-001234-1")]
    [InlineData("2015-001234-123")]
    [InlineData("15-001234-12")]
    [InlineData("2015-001234-12-")]
    public void TryParse_MalformedNumber_Fails(string? text)
    {
        Assert.False(TrialIdentifier.TryParse(text, out var identifier));
        Assert.Null(identifier);
    }

    [Fact]
    public void Parse_MalformedNumber_ThrowsTrialIdentifierInvalid()
    {
        var error = Assert.Throws<DomainException>(() => TrialIdentifier.Parse("NCT123"));
        Assert.Equal("Trial.IdentifierInvalid", error.Code);
    }

    [Fact]
    public void FindIn_OptionLabelNamingNctTrial_FindsIt()
    {
        var found = TrialIdentifier.FindIn("Enrol in NCT01234567");

        var identifier = Assert.Single(found);
        Assert.Equal(TrialIdentifierKind.Nct, identifier.Kind);
        Assert.Equal("NCT01234567", identifier.Value);
    }

    [Fact]
    public void FindIn_SeveralNumbersWithPunctuationAndRepeats_FindsEachOnceInOrder()
    {
        var text = "Randomise (EU CT 2022-500123-45-00; formerly EudraCT 2015-001234-12), see nct01234567. "
            + "Also NCT01234567/NCT07654321.";

        var found = TrialIdentifier.FindIn(text);

        Assert.Equal(["2022-500123-45-00", "2015-001234-12", "NCT01234567", "NCT07654321"], found.Select(id => id.Value));
        Assert.Equal(
            [TrialIdentifierKind.EuCt, TrialIdentifierKind.EudraCt, TrialIdentifierKind.Nct, TrialIdentifierKind.Nct],
            found.Select(id => id.Kind));
    }

    [Fact]
    public void FindIn_EuCtNumber_IsNotAlsoReportedAsEudraCt()
    {
        var found = TrialIdentifier.FindIn("2022-500123-45-00");

        Assert.Equal(TrialIdentifierKind.EuCt, Assert.Single(found).Kind);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Observation only, no trial")]
    [InlineData("NCT012345678 has nine digits")]
    [InlineData("XNCT01234567 is glued to a word")]
    [InlineData("NCT01234567X is glued to a word")]
    [InlineData("12022-500123-45-00 has a five-digit year")]
    [InlineData("2022-400123-45-00 does not start its number with 5")]
    [InlineData("2003-001234-12 predates EudraCT")]
    public void FindIn_TextWithoutValidNumber_FindsNothing(string? text)
    {
        Assert.Empty(TrialIdentifier.FindIn(text));
    }

    [Fact]
    public void FindIn_LongAdversarialText_FindsNothingAndFinishes()
    {
        // Near-misses repeated 100 000 times: a backtracking pattern could retry each; this scan stays linear.
        var text = string.Concat(Enumerable.Repeat("NCT0123456-2022-50012-", 100_000));

        Assert.Empty(TrialIdentifier.FindIn(text));
    }
}
