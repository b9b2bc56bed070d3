using TumourBoard.Domain.Cases;
using TumourBoard.Domain.Cases.Guard;

namespace TumourBoard.Domain.Tests.Cases;

public sealed class PatientCaseTests
{
    private static readonly DateTime Now = new(2026, 11, 22, 10, 0, 0, DateTimeKind.Utc);
    private static readonly Guid Author = Guid.NewGuid();
    private static readonly Guid Presenter = Guid.NewGuid();

    private static CaseContent Valid() => new()
    {
        AgeYears = 4,
        AgeMonths = 2,
        Sex = Sex.Female,
        DiagnosisLabel = "Nephroblastoma, stage III",
        Morphology = "8960/3",
        Topography = "C64.9",
        DiagnosisMonth = 5,
        DiagnosisYear = 2026,
        DiseaseStatus = DiseaseStatus.NewDiagnosis,
        History = "Abdominal mass found in 05/2026; pre-operative vincristine and actinomycin D per UMBRELLA.",
        Question = "Is flank radiotherapy indicated after nephrectomy?",
        Options = [new OptionContent("Flank radiotherapy 14.4 Gy"), new OptionContent("No radiotherapy", "Regimen AV2 only")],
        ConsentConfirmed = true,
        PresenterId = Presenter,
    };

    private static PatientCase Draft(CaseContent? content = null) => PatientCase.Draft("BSPHO-2026-0001", 1, Author, content ?? Valid(), Now);

    [Fact]
    public void Draft_DerivesTheIccc3GroupFromTheCodes()
    {
        var draft = Draft();

        Assert.Equal(CaseStatus.Draft, draft.Status);
        Assert.Equal("VI", draft.Iccc3Group);
        Assert.Equal("VIa.1", draft.Iccc3Subgroup);
        Assert.Equal(2, draft.Options.Count);
        Assert.Single(draft.Events, e => e.Kind == CaseEventKind.Created);
    }

    [Fact]
    public void Draft_WithAFullDateInTheHistory_IsRefusedWithTheFinding()
    {
        var content = Valid() with { History = "Nephrectomy on 14/06/2026 at UZ Gent." };

        var refused = Assert.Throws<IdentifyingDataException>(() => Draft(content));

        var finding = Assert.Single(refused.Findings);
        Assert.Equal("history", finding.Field);
        Assert.Equal(IdentifierKind.Date, finding.Finding.Kind);
        Assert.Equal("06/2026", finding.Finding.SuggestedFix);
    }

    [Fact]
    public void Draft_WithANameInAnOption_IsRefusedOnThatOption()
    {
        var content = Valid() with { Options = [new OptionContent("Radiotherapy"), new OptionContent("Ask Mrs Janssens for consent")] };

        var refused = Assert.Throws<IdentifyingDataException>(() => Draft(content));

        Assert.Equal("options[1].label", Assert.Single(refused.Findings).Field);
    }

    [Fact]
    public void Draft_WithMissingAndMalformedFields_NamesEveryProblem()
    {
        var content = Valid() with
        {
            AgeYears = 30,
            AgeMonths = 12,
            DiagnosisLabel = " ",
            Morphology = "95003",
            Topography = "X12",
            DiagnosisYear = 2027,
            Question = "",
            Options = [],
        };

        var refused = Assert.Throws<CaseValidationException>(() => Draft(content));

        Assert.Equivalent(
            new[] { "ageYears", "ageMonths", "diagnosisLabel", "morphology", "topography", "diagnosisDate", "question", "options" },
            refused.Errors.Select(e => e.Field).ToArray());
    }

    [Fact]
    public void Draft_WithSevenOptions_IsRefused()
    {
        var content = Valid() with { Options = Enumerable.Range(1, 7).Select(i => new OptionContent($"Option {i}")).ToList() };

        var refused = Assert.Throws<CaseValidationException>(() => Draft(content));

        Assert.Contains(refused.Errors, e => e.Code == "Case.OptionsCount");
    }

    [Fact]
    public void Draft_WithAnInvalidTrialNumber_IsRefusedOnThatOption()
    {
        var content = Valid() with { Options = [new OptionContent("Trial", Trial: "NCT123")] };

        var refused = Assert.Throws<CaseValidationException>(() => Draft(content));

        Assert.Equal("options[0].trial", Assert.Single(refused.Errors).Field);
    }

    [Fact]
    public void Draft_WithATrialNumber_StoresItNormalised()
    {
        var draft = Draft(Valid() with { Options = [new OptionContent("Trial arm", Trial: "nct01234567")] });

        Assert.Equal("NCT01234567", draft.Options[0].Trial);
    }

    [Fact]
    public void Submit_WithoutConsent_IsRefusedAndStaysDraft()
    {
        var draft = Draft(Valid() with { ConsentConfirmed = false, PresenterId = null });

        var refused = Assert.Throws<CaseValidationException>(() => draft.Submit(Author, Now));

        Assert.Equal(["consentConfirmed", "presenterId"], refused.Errors.Select(e => e.Field).ToArray());
        Assert.Equal(CaseStatus.Draft, draft.Status);
    }

    [Fact]
    public void Submit_Complete_IsSubmittedOnce()
    {
        var draft = Draft();

        draft.Submit(Author, Now);

        Assert.Equal(CaseStatus.Submitted, draft.Status);
        Assert.Equal(Now, draft.SubmittedAtUtc);
        Assert.Throws<DomainException>(() => draft.Submit(Author, Now));
    }

    [Fact]
    public void Edit_AfterSubmission_KeepsThePreviousContentInTheHistory()
    {
        var @case = Draft();
        @case.Submit(Author, Now);

        @case.Edit(Valid() with { Question = "Is flank radiotherapy still indicated after the histology review?" }, Author, Now.AddHours(1));

        var edit = Assert.Single(@case.Events, e => e.Kind == CaseEventKind.Edited);
        Assert.Equal("question", edit.ChangedFields);
        Assert.Contains("Is flank radiotherapy indicated after nephrectomy?", edit.PreviousContent);
    }

    [Fact]
    public void Edit_OfADraft_RecordsWhatChangedWithoutKeepingContent()
    {
        var draft = Draft();

        draft.Edit(Valid() with { Stage = "Stage III" }, Author, Now);

        var edit = Assert.Single(draft.Events, e => e.Kind == CaseEventKind.Edited);
        Assert.Equal("stage", edit.ChangedFields);
        Assert.Null(edit.PreviousContent);
    }

    [Fact]
    public void Edit_WithNoChange_RecordsNothing()
    {
        var draft = Draft();

        draft.Edit(Valid(), Author, Now);

        Assert.DoesNotContain(draft.Events, e => e.Kind == CaseEventKind.Edited);
    }

    [Fact]
    public void Edit_OptionLabels_KeepTheOptionsIdentity()
    {
        var draft = Draft();
        var first = draft.Options[0];

        draft.Edit(Valid() with { Options = [new OptionContent("Flank radiotherapy 10.8 Gy"), new OptionContent("No radiotherapy")] }, Author, Now);

        Assert.Same(first, draft.Options[0]);
        Assert.Equal("Flank radiotherapy 10.8 Gy", draft.Options[0].Label);
    }

    [Fact]
    public void Edit_WithIdentifyingData_LeavesTheCaseUnchanged()
    {
        var draft = Draft();

        Assert.Throws<IdentifyingDataException>(() => draft.Edit(Valid() with { Question = "Call the father on +32 475 12 34 56?" }, Author, Now));

        Assert.Equal("Is flank radiotherapy indicated after nephrectomy?", draft.Question);
    }

    [Fact]
    public void Withdraw_ASubmittedCase_IsWithdrawnAndNoLongerEditable()
    {
        var @case = Draft();
        @case.Submit(Author, Now);

        @case.Withdraw(Author, "Family declined further treatment", Now);

        Assert.Equal(CaseStatus.Withdrawn, @case.Status);
        Assert.False(@case.IsEditable);
        Assert.Throws<DomainException>(() => @case.Edit(Valid(), Author, Now));
        Assert.Throws<DomainException>(() => @case.Withdraw(Author, null, Now));
    }

    [Fact]
    public void Draft_MarkerTags_AreStoredCleanedAndEachOnce()
    {
        var draft = Draft(Valid() with { MarkerTags = [" WT1  deletion ", "TP53", "tp53"] });

        Assert.Equal(["WT1 deletion", "TP53"], draft.MarkerTags);
        Assert.Equal(["WT1 deletion", "TP53"], draft.Snapshot().MarkerTags);
    }

    [Fact]
    public void Draft_WithANameInAMarkerTag_IsRefusedOnThatTag()
    {
        var refused = Assert.Throws<IdentifyingDataException>(() => Draft(Valid() with { MarkerTags = ["TP53", "Mrs Janssens"] }));

        Assert.Equal("markerTags[1]", Assert.Single(refused.Findings).Field);
    }

    [Fact]
    public void Draft_WithAMalformedMarkerTag_IsRefused()
    {
        var refused = Assert.Throws<CaseValidationException>(() => Draft(Valid() with { MarkerTags = ["ALK, ROS1"] }));

        Assert.Contains(refused.Errors, e => e is { Field: "markerTags", Code: "Markers.Invalid" });
    }

    [Fact]
    public void Edit_MarkerTags_AreRecordedAsChanged()
    {
        var draft = Draft();

        draft.Edit(Valid() with { MarkerTags = ["TP53"] }, Author, Now);

        Assert.Equal("markerTags", Assert.Single(draft.Events, e => e.Kind == CaseEventKind.Edited).ChangedFields);
    }

    [Fact]
    public void CaseCode_HasTheBoardFormat() => Assert.Equal("BSPHO-2026-0042", CaseCode.Format(2026, 42));
}
