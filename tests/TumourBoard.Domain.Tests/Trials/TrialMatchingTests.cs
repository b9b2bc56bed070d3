using TumourBoard.Domain.Trials;

namespace TumourBoard.Domain.Tests.Trials;

public class TrialMatchingTests
{
    private static readonly DateTime Now = new(2026, 11, 20, 10, 0, 0, DateTimeKind.Utc);

    private static ClinicalTrial Trial(string[]? iccc3 = null, string[]? morphology = null, string[]? markers = null, int minYears = 1, int maxYears = 18,
        TrialStatus status = TrialStatus.Open, string title = "Trial") =>
        ClinicalTrial.Register(new TrialContent
        {
            NctNumber = $"NCT0{Random.Shared.Next(1000000, 9999999)}",
            Title = title,
            Phase = TrialPhase.II,
            Status = status,
            MinAgeYears = minYears,
            MaxAgeYears = maxYears,
            Iccc3Codes = iccc3 ?? [],
            MorphologyCodes = morphology ?? [],
            Markers = markers ?? [],
            SiteCentreIds = [1],
            Contact = "Trial office",
        }, Now);

    // A 4 y 2 m old child with a nephroblastoma (ICCC-3 VIa.1).
    private static CaseProfile Wilms(params string[] markers) => new(4, 2, "VI", "VIa.1", "8960/3", markers);

    [Fact]
    public void Match_ByIccc3Group_SaysWhy()
    {
        var match = TrialMatching.Match(Trial(iccc3: ["VI"]), Wilms());

        Assert.NotNull(match);
        Assert.Equal((4, 2), (match.AgeYears, match.AgeMonths));
        Assert.Equal(new DiagnosisReason(DiagnosisMatchKind.Iccc3, "VI", "Renal tumors"), match.Diagnosis);
        Assert.Empty(match.MatchedMarkers);
        Assert.Empty(match.MarkersToCheck);
    }

    [Theory]
    [InlineData("VIa", true)]
    [InlineData("VIa.1", true)]
    [InlineData("VIa.2", false)]
    [InlineData("VIb", false)]
    [InlineData("V", false)]
    [InlineData("VII", false)]
    public void Match_BySubgroup_FollowsTheIccc3Tree(string code, bool matches)
    {
        Assert.Equal(matches, TrialMatching.Match(Trial(iccc3: [code]), Wilms()) is not null);
    }

    [Fact]
    public void Match_PrefersTheMorphology_ThenTheNarrowestIccc3Level()
    {
        Assert.Equal(DiagnosisMatchKind.Morphology, TrialMatching.Match(Trial(iccc3: ["VI"], morphology: ["8960/3"]), Wilms())!.Diagnosis.Kind);
        Assert.Equal("VIa.1", TrialMatching.Match(Trial(iccc3: ["VI", "VIa.1", "VIa"]), Wilms())!.Diagnosis.Code);
    }

    [Fact]
    public void Match_AnUnclassifiedCase_ByMorphologyOnly()
    {
        var unclassified = new CaseProfile(4, 2, null, null, "8960/3", []);

        Assert.NotNull(TrialMatching.Match(Trial(morphology: ["8960/3"]), unclassified));
        Assert.Null(TrialMatching.Match(Trial(iccc3: ["VI"]), unclassified));
    }

    [Theory]
    [InlineData(0, 11, false)]
    [InlineData(1, 0, true)]
    [InlineData(18, 0, true)]
    [InlineData(18, 1, false)]
    public void Match_AgeBounds_AreIncluded(int years, int months, bool matches)
    {
        var profile = new CaseProfile(years, months, "VI", "VIa.1", "8960/3", []);

        Assert.Equal(matches, TrialMatching.Match(Trial(iccc3: ["VI"], minYears: 1, maxYears: 18), profile) is not null);
    }

    [Theory]
    [InlineData(TrialStatus.Suspended)]
    [InlineData(TrialStatus.Closed)]
    public void Match_OnlyOpenTrials(TrialStatus status)
    {
        Assert.Null(TrialMatching.Match(Trial(iccc3: ["VI"], status: status), Wilms()));
    }

    [Fact]
    public void Match_RequiredMarkers_AnyOneCarriedByTheCase_IgnoringCaseAndSpaces()
    {
        var match = TrialMatching.Match(Trial(iccc3: ["VI"], markers: ["ALK", "NTRK fusion"]), Wilms("ntrk  FUSION", "TP53"));

        Assert.NotNull(match);
        Assert.Equal(["NTRK fusion"], match.MatchedMarkers);
        Assert.Empty(match.MarkersToCheck);
    }

    [Fact]
    public void Match_RequiredMarkers_NoneCarried_IsNoMatch()
    {
        Assert.Null(TrialMatching.Match(Trial(iccc3: ["VI"], markers: ["ALK"]), Wilms("MYCN amplification")));
    }

    [Fact]
    public void Match_RequiredMarkers_CaseWithoutTags_MatchesWithMarkersToCheck()
    {
        var match = TrialMatching.Match(Trial(iccc3: ["VI"], markers: ["ALK"]), Wilms());

        Assert.NotNull(match);
        Assert.Equal(["ALK"], match.MarkersToCheck);
    }

    [Fact]
    public void Find_ListsConfirmedMarkersFirst_ThenTheRest_AndLeavesOutWhatDoesNotFit()
    {
        var plain = Trial(iccc3: ["VI"], title: "B plain");
        var toCheck = Trial(iccc3: ["VI"], markers: ["WT1"], title: "A to check");
        var confirmed = Trial(iccc3: ["VI"], markers: ["TP53"], title: "C confirmed");
        var other = Trial(iccc3: ["IVa"], title: "D neuroblastoma");

        var noTags = TrialMatching.Find([plain, toCheck, confirmed, other], Wilms());
        var withTags = TrialMatching.Find([plain, toCheck, confirmed, other], Wilms("TP53"));

        Assert.Equal(["B plain", "A to check", "C confirmed"], noTags.Select(m => m.Trial.Title));
        Assert.Equal(["C confirmed", "B plain"], withTags.Select(m => m.Trial.Title));
    }
}
