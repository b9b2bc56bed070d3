using TumourBoard.Domain.Cases;
using TumourBoard.Domain.Cases.Guard;
using TumourBoard.Domain.Minutes;
using TumourBoard.Domain.People;
using TumourBoard.Web.Features.Minutes;

namespace TumourBoard.Web.Tests.Features.Minutes;

public sealed class NarrativeFormTests
{
    private static CaseRecord Case(string? summary = null, params FollowUpAction[] followUps) =>
        new(7, 1, "BSPHO-2026-0001", "UZL", "UZ Leuven", "Clinician UZL", 9, 4, Sex.Female, "Hodgkin lymphoma", null, "Which treatment?", false,
            [], 2, 0, 2, false, null, summary, followUps);

    [Fact]
    public void NewForm_IsClean_AndTyping_MakesItDirty()
    {
        var form = NarrativeForm.From(Case("Discussed."), 10);

        Assert.False(form.IsDirty);
        form.Summary = "Discussed at length.";
        Assert.True(form.IsDirty);
        form.Summary = "  Discussed.  ";
        Assert.False(form.IsDirty);
    }

    [Fact]
    public void ToRequest_LeavesOutBlankRows_TrimsText_AndSendsTheBaseVersion()
    {
        var form = NarrativeForm.From(Case(), 10);
        form.Summary = "  Weighed the options.  ";
        form.AddFollowUp();
        form.AddFollowUp();
        form.FollowUps[1].Action = " Send the screening form ";
        form.FollowUps[1].Owner = "  ";
        form.FollowUps[1].Due = new DateTime(2027, 1, 15);

        var request = form.ToRequest();

        Assert.Equal("Weighed the options.", request.Summary);
        var sent = Assert.Single(request.FollowUps!);
        Assert.Equal(new FollowUpRequest("Send the screening form", null, new DateOnly(2027, 1, 15)), sent);
        Assert.Equal(10u, request.Version);
    }

    [Fact]
    public void ShowErrors_PutsEachMessageOnTheRowThatWasSent_NotOnTheBlankOneBeforeIt()
    {
        var form = NarrativeForm.From(Case(), 10);
        form.AddFollowUp();
        form.AddFollowUp();
        form.FollowUps[1].Owner = new string('x', 300);
        form.ToRequest();

        form.ShowErrors([new FieldError("followUps[0]", "Minutes.FollowUpActionRequired"), new FieldError("followUps[0]", "Minutes.FollowUpOwnerTooLong"),
            new FieldError("summary", "Minutes.SummaryTooLong")]);

        Assert.Null(form.FollowUps[0].ActionErrorCode);
        Assert.Equal("Minutes.FollowUpActionRequired", form.FollowUps[1].ActionErrorCode);
        Assert.Equal("Minutes.FollowUpOwnerTooLong", form.FollowUps[1].OwnerErrorCode);
        Assert.Equal("Minutes.SummaryTooLong", form.SummaryErrorCode);
    }

    [Fact]
    public void ShowFindings_KeepsTheTextThatWasScanned_ForTheHighlight()
    {
        var form = NarrativeForm.From(Case(), 10);
        form.Summary = "  Call 0475 12 34 56.";
        form.AddFollowUp();
        form.FollowUps[0].Action = "Visit on 12/03/2027";
        form.ToRequest();
        var phone = new IdentifierFinding(IdentifierKind.Phone, 5, 13, null);
        var date = new IdentifierFinding(IdentifierKind.Date, 9, 10, "03/2027");

        form.ShowFindings([new FieldFinding("summary", phone), new FieldFinding("followUps[0].action", date)]);

        Assert.Equal("Call 0475 12 34 56.", form.SummaryFindings!.Value.Text);
        Assert.Equal("0475 12 34 56", form.SummaryFindings.Value.Text.Substring(phone.Start, phone.Length));
        Assert.Equal([date], form.FollowUps[0].ActionFindings!.Value.Findings);
        Assert.True(form.HasFindings);
    }

    [Fact]
    public void Refresh_OfAnUntouchedForm_TakesTheNewTextAndVersion()
    {
        var form = NarrativeForm.From(Case(), 10);

        form.Refresh(Case("Written elsewhere.", new FollowUpAction("Call back", null, null)), 11);

        Assert.Equal("Written elsewhere.", form.Summary);
        Assert.Equal("Call back", Assert.Single(form.FollowUps).Action);
        Assert.Equal(11u, form.BaseVersion);
        Assert.False(form.IsDirty);
        Assert.False(form.IsStale);
    }

    [Fact]
    public void Refresh_AfterAnotherCaseChanged_KeepsTheTypedText_AndMovesToTheNewVersion()
    {
        var form = NarrativeForm.From(Case("Before."), 10);
        form.Summary = "Being typed.";

        form.Refresh(Case("Before."), 11);

        Assert.Equal("Being typed.", form.Summary);
        Assert.Equal(11u, form.BaseVersion);
        Assert.False(form.IsStale);
    }

    [Fact]
    public void Refresh_AfterSomeoneElseSavedThisCase_KeepsTheTypedText_MarksItStale_AndKeepsTheOldVersionSoTheSaveIsRefused()
    {
        var form = NarrativeForm.From(Case("Before."), 10);
        form.Summary = "Being typed.";

        form.Refresh(Case("Their text."), 11);

        Assert.Equal("Being typed.", form.Summary);
        Assert.True(form.IsStale);
        Assert.Equal(10u, form.BaseVersion);
    }

    [Fact]
    public void Refresh_WhenTheSavedTextIsWhatThisFormHolds_IsClean()
    {
        var form = NarrativeForm.From(Case("Before."), 10);
        form.Summary = "Same words.";

        form.Refresh(Case("Same words."), 11);

        Assert.False(form.IsDirty);
        Assert.False(form.IsStale);
        Assert.Equal(11u, form.BaseVersion);
    }

    [Fact]
    public void Refresh_DuringASave_LeavesTheFormAlone()
    {
        var form = NarrativeForm.From(Case("Before."), 10);
        form.Summary = "Being saved.";
        form.IsSaving = true;

        form.Refresh(Case("Their text."), 11);

        Assert.False(form.IsStale);
        Assert.Equal(10u, form.BaseVersion);
    }

    [Fact]
    public void AddFollowUp_StopsAtTheLimit()
    {
        var form = NarrativeForm.From(Case(), 10);
        for (var i = 0; i < MeetingMinutes.MaxFollowUps + 3; i++)
            form.AddFollowUp();

        Assert.Equal(MeetingMinutes.MaxFollowUps, form.FollowUps.Count);
        Assert.False(form.CanAddFollowUp);
    }

    [Fact]
    public void CentreAttendance_GroupsByCentre_NationalLast_DisciplinesByHeadcount()
    {
        AttendeeRecord Person(string name, string? centre, Discipline discipline) => new(name, centre, centre is null ? null : centre + " hospital", discipline, Roles.Clinician, []);

        var rows = CentreAttendance.From([
            Person("Coordinator", null, Discipline.PaediatricOncology),
            Person("B", "UZL", Discipline.Radiology),
            Person("A", "CUSL", Discipline.PaediatricOncology),
            Person("C", "UZL", Discipline.PaediatricOncology),
            Person("D", "UZL", Discipline.PaediatricOncology),
        ]);

        Assert.Equal(["CUSL", "UZL", null], rows.Select(r => r.CentreCode));
        Assert.Equal([(Discipline.PaediatricOncology, 2), (Discipline.Radiology, 1)], rows[1].Disciplines);
        Assert.Equal(3, rows[1].People);
    }
}
