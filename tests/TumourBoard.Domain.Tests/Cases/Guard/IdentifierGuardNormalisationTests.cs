using TumourBoard.Domain.Cases.Guard;

namespace TumourBoard.Domain.Tests.Cases.Guard;

public class IdentifierGuardNormalisationTests
{
    [Fact]
    public void Scan_ZeroWidthCharactersBeforeFinding_PositionIsInOriginalText()
    {
        const string text = "\u200B\u200B\uFEFFBorn \u2066on\u2069 12/03/2015.";

        var finding = Assert.Single(IdentifierGuard.Scan(text));

        Assert.Equal(text.IndexOf("12/", StringComparison.Ordinal), finding.Start);
        Assert.Equal("12/03/2015", text.Substring(finding.Start, finding.Length));
    }

    [Fact]
    public void Scan_InvisibleCharactersInsideNumber_FindingSpansThemInOriginalText()
    {
        const string text = "gsm 0475\u200B12\u00AD34\u200D56 svp";

        var finding = Assert.Single(IdentifierGuard.Scan(text));

        Assert.Equal(IdentifierKind.Phone, finding.Kind);
        Assert.Equal(4, finding.Start);
        Assert.Equal("0475\u200B12\u00AD34\u200D56", text.Substring(finding.Start, finding.Length));
    }

    [Fact]
    public void Scan_FullWidthDigits_AreNormalisedAndFound()
    {
        var number = NationalNumberSamples.WithCheckDigits("880412123", bornFrom2000: false);
        var fullWidth = new string(number.Select(c => (char)(c - '0' + '\uFF10')).ToArray());
        var text = $"NISS\u3000{fullWidth}。";

        var finding = Assert.Single(IdentifierGuard.Scan(text));

        Assert.Equal(IdentifierKind.NationalNumber, finding.Kind);
        Assert.Equal(fullWidth, text.Substring(finding.Start, finding.Length));
    }

    [Fact]
    public void Scan_ExpansionBeforeFinding_PositionStillMapsToOriginal()
    {
        // ㎎ becomes "mg" and ﬁ becomes "fi": the normalised text is longer than the original.
        const string text = "5 ㎎, ﬁrst seen 12/03/2015";

        var finding = Assert.Single(IdentifierGuard.Scan(text));

        Assert.Equal("12/03/2015", text.Substring(finding.Start, finding.Length));
    }

    [Fact]
    public void Scan_DecomposedAccentInMonth_IsComposedAndSpansTheOriginal()
    {
        const string text = "née le 3 fe\u0301vrier 2014";

        var finding = Assert.Single(IdentifierGuard.Scan(text));

        Assert.Equal("02/2014", finding.SuggestedFix);
        Assert.Equal("3 fe\u0301vrier 2014", text.Substring(finding.Start, finding.Length));
    }

    [Fact]
    public void Scan_UnicodeDashesAndOtherScriptDigits_AreFolded()
    {
        var number = NationalNumberSamples.WithCheckDigits("061130333", bornFrom2000: true);
        var withDashes = $"{number[..6]}\u2011{number[6..9]}\u2013{number[9..]}";
        var arabicIndic = "\u0661\u0662/\u0660\u0663/\u0662\u0660\u0661\u0665"; // 12/03/2015

        var findings = IdentifierGuard.Scan($"INSZ {withDashes}; geboren {arabicIndic}");

        Assert.Equal([IdentifierKind.NationalNumber, IdentifierKind.Date], findings.Select(f => f.Kind));
        Assert.Equal("03/2015", findings[1].SuggestedFix);
    }

    [Fact]
    public void Normalise_FoldsAndMapsEveryCharacterBack()
    {
        const string original = "a\u200B０\u00AD１\uFF20b";

        var normalised = NormalisedText.From(original);

        Assert.Equal("a01@b", normalised.Text);
        Assert.Equal((2, 1), normalised.ToOriginal(1, 2));
        Assert.Equal((2, 3), normalised.ToOriginal(1, 3));
        Assert.Equal((0, original.Length), normalised.ToOriginal(0, normalised.Text.Length));
    }

    [Fact]
    public void Normalise_CleanText_IsReturnedAsIs()
    {
        const string original = "Née le 12 mars, Léa reçoit l'OEPA sans problème ; âgée de 7 ans, 1,5 mg/kg.";

        var normalised = NormalisedText.From(original);

        Assert.Same(original, normalised.Text);
    }

    [Fact]
    public void Normalise_LoneSurrogate_DoesNotThrow()
    {
        var findings = IdentifierGuard.Scan("broken \uD800 text 12/03/2015 \uDC00");

        Assert.Equal(IdentifierKind.Date, Assert.Single(findings).Kind);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \n\t ")]
    public void Scan_EmptyText_HasNoFindings(string? text) => Assert.Empty(IdentifierGuard.Scan(text));

    [Fact]
    public void Scan_SeveralIdentifiers_AreOrderedByPositionWithoutOverlap()
    {
        const string text = "Mme Dupont (NISS 85.07.30-033.28) habite rue de la Loi 16, 1000 Bruxelles, tél. 02 764 11 11.";

        var findings = IdentifierGuard.Scan(text);

        Assert.Equal(
            [IdentifierKind.Name, IdentifierKind.NationalNumber, IdentifierKind.Address, IdentifierKind.Address, IdentifierKind.Phone],
            findings.Select(f => f.Kind));
        for (var i = 1; i < findings.Count; i++)
            Assert.True(findings[i].Start >= findings[i - 1].Start + findings[i - 1].Length);
    }

    [Fact]
    public void ScanFields_FindingsCarryTheirFieldName()
    {
        var findings = IdentifierGuard.ScanFields(
        [
            ("Summary", "Wilms tumour, stage III."),
            ("History", "Born 12 March 2015."),
            ("Question", null),
            ("Contact", "Mother: +32 475 12 34 56"),
        ]);

        Assert.Equal([("History", IdentifierKind.Date), ("Contact", IdentifierKind.Phone)], findings.Select(f => (f.Field, f.Finding.Kind)));
    }

    [Fact]
    public void EnsureNoIdentifyingData_WithFinding_ThrowsWithFindingsButWithoutTheIdentifier()
    {
        var exception = Assert.Throws<IdentifyingDataException>(() =>
            IdentifierGuard.EnsureNoIdentifyingData([("History", "Born 12 March 2015.")]));

        Assert.Equal(IdentifyingDataException.ErrorCode, exception.Code);
        Assert.IsAssignableFrom<DomainException>(exception);
        var finding = Assert.Single(exception.Findings);
        Assert.Equal(("History", IdentifierKind.Date, "03/2015"), (finding.Field, finding.Finding.Kind, finding.Finding.SuggestedFix));
        Assert.DoesNotContain("2015", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EnsureNoIdentifyingData_WithCleanFields_DoesNotThrow()
    {
        IdentifierGuard.EnsureNoIdentifyingData([("Summary", "Ewing sarcoma, relapse in 03/2015."), ("Question", null)]);
    }
}
