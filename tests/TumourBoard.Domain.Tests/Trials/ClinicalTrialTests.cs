using TumourBoard.Domain.Trials;

namespace TumourBoard.Domain.Tests.Trials;

public class ClinicalTrialTests
{
    private static readonly DateTime Now = new(2026, 11, 20, 10, 0, 0, DateTimeKind.Utc);

    public static TrialContent Valid() => new()
    {
        EuCtNumber = "2023-503456-21-00",
        NctNumber = "nct05123456",
        Title = "  ALK inhibitor in relapsed neuroblastoma  ",
        Phase = TrialPhase.IAndII,
        Status = TrialStatus.Open,
        MinAgeYears = 1,
        MaxAgeYears = 17,
        MaxAgeMonths = 11,
        Iccc3Codes = ["IVa", "IVa"],
        MorphologyCodes = ["M-9500/3"],
        Markers = ["  ALK ", "alk", "MYCN  amplification"],
        SiteCentreIds = [1, 2, 2],
        Contact = "Trial office, +32 16 00 00 00",
    };

    private static IReadOnlyList<string> ProblemsOf(TrialContent content) =>
        Assert.Throws<TrialValidationException>(() => ClinicalTrial.Register(content, Now)).Errors.Select(e => $"{e.Field}:{e.Code}").ToList();

    [Fact]
    public void Register_ValidContent_StoresItNormalised()
    {
        var trial = ClinicalTrial.Register(Valid(), Now);

        Assert.Equal("2023-503456-21-00", trial.EuCtNumber);
        Assert.Equal("NCT05123456", trial.NctNumber);
        Assert.Equal("ALK inhibitor in relapsed neuroblastoma", trial.Title);
        Assert.Equal(12, trial.MinAgeInMonths);
        Assert.Equal(17 * 12 + 11, trial.MaxAgeInMonths);
        Assert.Equal(["IVa"], trial.Iccc3Codes);
        Assert.Equal(["9500/3"], trial.MorphologyCodes);
        Assert.Equal(["ALK", "MYCN amplification"], trial.Markers);
        Assert.Equal([1, 2], trial.SiteCentreIds);
        Assert.Equal(Now, trial.UpdatedAtUtc);
    }

    [Theory]
    [InlineData("NCT05123456", null)]
    [InlineData(null, "2023-503456-21-00")]
    public void Register_WithIdentifiersInTheWrongFields_IsRefusedForEach(string? euCt, string? nct)
    {
        var problems = ProblemsOf(Valid() with { EuCtNumber = euCt, NctNumber = nct });

        Assert.Contains(euCt is null ? "nctNumber:Trial.NctInvalid" : "euCtNumber:Trial.EuCtInvalid", problems);
    }

    [Fact]
    public void Register_WithoutAnyIdentifier_IsRefused()
    {
        Assert.Contains("euCtNumber:Trial.IdentifierRequired", ProblemsOf(Valid() with { EuCtNumber = " ", NctNumber = null }));
    }

    [Fact]
    public void Register_WithOnlyAnNctNumber_IsAccepted()
    {
        var trial = ClinicalTrial.Register(Valid() with { EuCtNumber = null }, Now);

        Assert.Null(trial.EuCtNumber);
        Assert.Equal(["NCT05123456"], trial.Identifiers);
    }

    [Fact]
    public void Register_WithAgeRangeUpsideDown_IsRefused()
    {
        var problems = ProblemsOf(Valid() with { MinAgeYears = 18, MaxAgeYears = 17, MaxAgeMonths = 11 });

        Assert.Equal(["maxAgeYears:Trial.AgeRangeUpsideDown"], problems);
    }

    [Fact]
    public void Register_WithEqualBounds_AdmitsExactlyThatAge()
    {
        var trial = ClinicalTrial.Register(Valid() with { MinAgeYears = 2, MinAgeMonths = 6, MaxAgeYears = 2, MaxAgeMonths = 6 }, Now);

        Assert.True(trial.Ages.Contains(2, 6));
        Assert.False(trial.Ages.Contains(2, 7));
    }

    [Theory]
    [InlineData(-1, 0, 17, 11, "minAgeYears")]
    [InlineData(1, 12, 17, 11, "minAgeMonths")]
    [InlineData(1, 0, 100, 0, "maxAgeYears")]
    [InlineData(1, 0, 17, -1, "maxAgeMonths")]
    public void Register_WithAgeOutOfBounds_NamesTheField(int minYears, int minMonths, int maxYears, int maxMonths, string field)
    {
        var problems = ProblemsOf(Valid() with { MinAgeYears = minYears, MinAgeMonths = minMonths, MaxAgeYears = maxYears, MaxAgeMonths = maxMonths });

        Assert.Equal([$"{field}:Trial.AgeInvalid"], problems);
    }

    [Fact]
    public void Register_WithUnknownIccc3CodeAndBadMorphology_ReportsBoth()
    {
        var problems = ProblemsOf(Valid() with { Iccc3Codes = ["XIII"], MorphologyCodes = ["95003"] });

        Assert.Contains("iccc3Codes:Trial.Iccc3Invalid", problems);
        Assert.Contains("morphologyCodes:Diagnosis.MorphologyInvalid", problems);
    }

    [Theory]
    [InlineData("VI")]
    [InlineData("IIIb")]
    [InlineData("Ia.1")]
    [InlineData("V")]
    public void Register_AcceptsGroupsSubgroupsAndExtendedSubgroups(string code)
    {
        Assert.Equal([code], ClinicalTrial.Register(Valid() with { Iccc3Codes = [code] }, Now).Iccc3Codes);
    }

    [Fact]
    public void Register_WithoutAnyDiagnosis_IsRefused()
    {
        Assert.Contains("iccc3Codes:Trial.DiagnosisRequired", ProblemsOf(Valid() with { Iccc3Codes = [], MorphologyCodes = [] }));
    }

    [Fact]
    public void Register_WithMissingFields_ReportsEveryOneAtOnce()
    {
        var problems = ProblemsOf(new TrialContent { NctNumber = "NCT05123456", MaxAgeYears = 17, Iccc3Codes = ["VI"] });

        Assert.Equal(["title:Case.Required", "contact:Case.Required", "phase:Case.Required", "sites:Trial.SiteRequired"], problems);
    }

    [Theory]
    [InlineData("ALK, ROS1")]
    [InlineData("ALK;ROS1")]
    [InlineData("")]
    [InlineData("an extremely long marker tag that nobody would ever write")]
    public void Register_WithAnInvalidMarker_IsRefused(string marker)
    {
        Assert.Contains("markers:Markers.Invalid", ProblemsOf(Valid() with { Markers = [marker] }));
    }

    [Fact]
    public void Register_WithControlCharactersInTheTitle_IsRefused()
    {
        Assert.Contains("title:Case.InvalidCharacters", ProblemsOf(Valid() with { Title = "ALK\u0000 inhibitor" }));
    }

    [Fact]
    public void Revise_WithTheSameContent_ChangesNothing()
    {
        var trial = ClinicalTrial.Register(Valid(), Now);

        var changed = trial.Revise(Valid(), Now.AddDays(1));

        Assert.False(changed);
        Assert.Equal(Now, trial.UpdatedAtUtc);
    }

    [Fact]
    public void Revise_WithInvalidContent_LeavesTheTrialAsItWas()
    {
        var trial = ClinicalTrial.Register(Valid(), Now);

        Assert.Throws<TrialValidationException>(() => trial.Revise(Valid() with { Title = "", MinAgeYears = 30 }, Now.AddDays(1)));

        Assert.Equal("ALK inhibitor in relapsed neuroblastoma", trial.Title);
        Assert.Equal(12, trial.MinAgeInMonths);
    }

    [Fact]
    public void ChangeStatus_ToTheSameStatus_IsNoChange_AndToAnotherIsStamped()
    {
        var trial = ClinicalTrial.Register(Valid(), Now);

        Assert.False(trial.ChangeStatus(TrialStatus.Open, Now.AddDays(1)));
        Assert.True(trial.ChangeStatus(TrialStatus.Suspended, Now.AddDays(2)));
        Assert.Equal(TrialStatus.Suspended, trial.Status);
        Assert.Equal(Now.AddDays(2), trial.UpdatedAtUtc);
        Assert.Throws<TrialValidationException>(() => trial.ChangeStatus((TrialStatus)42, Now));
    }

    [Theory]
    [InlineData("nct05123456", true)]
    [InlineData("2023-503456-21-00", true)]
    [InlineData("NCT05123457", false)]
    [InlineData("not a number", false)]
    public void IsIdentifiedBy_AnyOfItsNumbers(string identifier, bool expected)
    {
        Assert.Equal(expected, ClinicalTrial.Register(Valid(), Now).IsIdentifiedBy(identifier));
    }

    [Theory]
    [InlineData("I", TrialPhase.I)]
    [InlineData("i/ii", TrialPhase.IAndII)]
    [InlineData("Phase I/II", TrialPhase.IAndII)]
    [InlineData("1/2", TrialPhase.IAndII)]
    [InlineData("II", TrialPhase.II)]
    public void Phases_AreReadInTheUsualSpellings(string text, TrialPhase phase)
    {
        Assert.True(TrialPhases.TryParse(text, out var parsed));
        Assert.Equal(phase, parsed);
        Assert.True(TrialPhases.TryParse(TrialPhases.Format(phase), out var again));
        Assert.Equal(phase, again);
    }

    [Theory]
    [InlineData("III")]
    [InlineData("")]
    [InlineData("0")]
    public void Phases_OutsideTheEarlyPhases_AreRefused(string text)
    {
        Assert.False(TrialPhases.TryParse(text, out _));
    }

    [Theory]
    [InlineData("open", true)]
    [InlineData("Suspended", true)]
    [InlineData("1", false)]
    [InlineData("recruiting", false)]
    public void Statuses_AreReadByName(string text, bool valid)
    {
        Assert.Equal(valid, TrialPhases.TryParseStatus(text, out _));
    }
}
