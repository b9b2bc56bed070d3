using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TumourBoard.Domain.Cases;
using TumourBoard.Domain.Common;
using TumourBoard.Domain.FollowUps;
using TumourBoard.Domain.LiveBoard;
using TumourBoard.Domain.Meetings;
using TumourBoard.Domain.People;
using TumourBoard.Web.Data;
using TumourBoard.Web.Features.FollowUps;
using TumourBoard.Web.Tests.Infrastructure;

namespace TumourBoard.Web.Tests.Components;

/// <summary>The follow-up panel of the case page, its form, and the dashboard's card, against the real service.</summary>
public sealed class FollowUpComponentTests(PostgresCluster cluster) : BoardComponentTest(cluster)
{
    private const int Uzl = 1;
    private const int Other = 2;

    private sealed record Discussed(int CaseId, string Code, AppUser Clinician);

    /// <summary>A case of centre 1 discussed <paramref name="daysAgo"/> days ago: on an agenda, voted on, its recommendation recorded.</summary>
    private async Task<Discussed> DiscussedAsync(int daysAgo, string code, string? trial = null)
    {
        var at = DateTime.UtcNow.AddDays(-daysAgo);
        await using var db = await DbFactory.CreateDbContextAsync();
        var coordinator = new AppUser($"co.{Guid.NewGuid():N}@test.be", "Coordinator", null, Discipline.PaediatricOncology, BoardLanguage.English, at);
        var clinician = new AppUser($"cl.{Guid.NewGuid():N}@test.be", "Clinician UZL", Uzl, Discipline.PaediatricOncology, BoardLanguage.English, at);
        db.Users.AddRange(coordinator, clinician);
        var @case = PatientCase.Draft(code, Uzl, clinician.Id, new CaseContent
        {
            AgeYears = 5, DiagnosisLabel = "Medulloblastoma", DiseaseStatus = DiseaseStatus.NewDiagnosis, Question = "Craniospinal radiotherapy dose?",
            Options = [new OptionContent("Standard dose"), new OptionContent("Reduced dose within a trial", null, trial)], ConsentConfirmed = true, PresenterId = clinician.Id,
        }, at.AddDays(-10));
        @case.Submit(clinician.Id, at.AddDays(-10));
        db.Cases.Add(@case);
        var meeting = Meeting.Extra(at.AddMinutes(-30), 60, "Neuro-oncology board", BoardLanguage.English, null, coordinator.Id);
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync();
        var item = meeting.AddCase(@case.Id, 15, clinician.Id);
        @case.Schedule(coordinator.Id, at.AddDays(-5));
        await db.SaveChangesAsync();
        var options = @case.Options.Select(o => o.Id).ToArray();
        meeting.PublishAgenda(at.AddDays(-5));
        meeting.Start(at.AddMinutes(-30));
        meeting.OpenVoting(item.Id, at.AddMinutes(-5));
        db.Votes.Add(new Vote(item.Id, clinician.Id, Uzl, options[1], at.AddMinutes(-4)));
        meeting.CloseVoting(item.Id, Tally.Compute(options, [new CastVote(clinician.Id, Uzl, options[1])]), at.AddMinutes(-2));
        meeting.RecordRecommendation(item.Id, Recommendation.Create(options[1], null, "Fewer late effects", Consensus.Unanimous, null, trial, true, coordinator.Id, at), at);
        @case.MarkDiscussed(coordinator.Id, at);
        await db.SaveChangesAsync();
        return new Discussed(@case.Id, @case.Code, clinician);
    }

    private IRenderedComponent<FollowUpPanel> RenderPanel(int caseId, Actor actor)
    {
        var panel = Render<FollowUpPanel>(p => p.Add(x => x.CaseId, caseId).Add(x => x.Actor, actor));
        panel.WaitForElement("[data-testid=follow-up-milestones]", TimeSpan.FromSeconds(10));
        return panel;
    }

    private async Task<int> EntriesAsync(int caseId)
    {
        await using var db = await DbFactory.CreateDbContextAsync();
        return await db.FollowUpEntries.CountAsync(e => db.FollowUps.Any(f => f.Id == e.FollowUpId && f.CaseId == caseId));
    }

    /// <summary>Opens the report form of a milestone; MudButton's click renders it asynchronously.</summary>
    private static void OpenForm(IRenderedComponent<FollowUpPanel> panel, Milestone milestone)
    {
        panel.Find($"[data-testid=follow-up-report-{milestone}]").Click();
        panel.WaitForElement("[data-testid=follow-up-form]");
    }

    private static void Choose(IRenderedComponent<FollowUpPanel> panel, string testId) => panel.Find($"input[data-testid={testId}]").Click();

    [Fact]
    public async Task Panel_ShowsEachMilestoneWithItsWindowAndState_TheOverdueImplementationFlagged()
    {
        var discussed = await DiscussedAsync(daysAgo: 40, "BSPHO-2026-9001");
        var actor = SignIn(Roles.Clinician, Uzl, userId: discussed.Clinician.Id);

        var panel = RenderPanel(discussed.CaseId, actor);

        Assert.Equal("Overdue", panel.Find("[data-testid=milestone-state-Implementation]").GetAttribute("data-state"));
        Assert.Contains("Overdue", panel.Find("[data-testid=milestone-Implementation]").TextContent);
        Assert.Equal("Upcoming", panel.Find("[data-testid=milestone-state-Response3Months]").GetAttribute("data-state"));
        Assert.Contains("Reduced dose within a trial", panel.Find("[data-testid=follow-up-recommendation]").TextContent);
        Assert.Equal(4, panel.FindAll("[data-testid^=follow-up-report-]").Count);
        Assert.NotNull(panel.Find("[data-testid=follow-up-history-empty]"));
    }

    [Fact]
    public async Task Panel_ForAnotherCentre_IsReadOnly()
    {
        var discussed = await DiscussedAsync(daysAgo: 3, "BSPHO-2026-9002");
        var actor = SignIn(Roles.Clinician, Other);

        var panel = RenderPanel(discussed.CaseId, actor);

        Assert.Empty(panel.FindAll("[data-testid^=follow-up-report-]"));
        Assert.Contains("submitting centre", panel.Find("[data-testid=follow-up]").TextContent);
    }

    [Fact]
    public async Task Form_NotImplementedWithoutAReason_ShowsTheRuleAtTheReason_ThenSavesWithOne_AndTheHistoryShowsIt()
    {
        var discussed = await DiscussedAsync(daysAgo: 10, "BSPHO-2026-9003");
        var actor = SignIn(Roles.Clinician, Uzl, userId: discussed.Clinician.Id);
        var panel = RenderPanel(discussed.CaseId, actor);

        OpenForm(panel, Milestone.Implementation);
        Assert.Empty(panel.FindAll("[data-testid=outcome-EnrolledInTrial]"));
        Choose(panel, "outcome-NotImplemented");
        panel.Find("[data-testid=follow-up-save]").Click();

        panel.WaitForAssertion(() => Assert.Contains("Say why the recommendation was not implemented.", panel.Find("[data-testid=follow-up-error-reason]").TextContent));
        Assert.Equal(0, await EntriesAsync(discussed.CaseId));

        Choose(panel, "reason-PatientOrFamilyChoice");
        panel.Find("[data-testid=follow-up-save]").Click();

        panel.WaitForAssertion(() => Assert.Equal("Reported", panel.Find("[data-testid=milestone-state-Implementation]").GetAttribute("data-state")));
        Assert.Empty(panel.FindAll("[data-testid=follow-up-form]"));
        Assert.Contains("Not implemented: Patient or family choice", panel.Find("[data-testid=milestone-value-Implementation]").TextContent);
        Assert.Contains("Clinician UZL", panel.Find("[data-testid=follow-up-entry-1]").TextContent);
        Assert.Equal("Correct", panel.Find("[data-testid=follow-up-report-Implementation]").TextContent.Trim());
        Assert.Equal(1, await EntriesAsync(discussed.CaseId));
    }

    [Fact]
    public async Task Form_Correction_NeedsAReason_AndBothValuesStayInTheHistory()
    {
        var discussed = await DiscussedAsync(daysAgo: 10, "BSPHO-2026-9004", trial: "NCT04567890");
        var actor = SignIn(Roles.DataManager, Uzl, userId: discussed.Clinician.Id);
        var panel = RenderPanel(discussed.CaseId, actor);
        OpenForm(panel, Milestone.Implementation);
        Choose(panel, "outcome-Implemented");
        panel.Find("[data-testid=follow-up-save]").Click();
        panel.WaitForAssertion(() => Assert.Equal("Reported", panel.Find("[data-testid=milestone-state-Implementation]").GetAttribute("data-state")));

        OpenForm(panel, Milestone.Implementation);
        Choose(panel, "outcome-EnrolledInTrial");
        panel.Find("[data-testid=follow-up-save]").Click();
        panel.WaitForAssertion(() => Assert.Contains("Give the reason for the correction.", panel.Find("[data-testid=follow-up-form]").TextContent));
        panel.Find("input[data-testid=follow-up-correction-reason]").Input("Enrolment confirmed after screening.");
        panel.Find("[data-testid=follow-up-save]").Click();

        panel.WaitForAssertion(() => Assert.Contains("Enrolled in the referred trial", panel.Find("[data-testid=milestone-value-Implementation]").TextContent));
        Assert.Equal("Corrected", panel.Find("[data-testid=follow-up-entry-2]").GetAttribute("data-kind"));
        Assert.Contains("Enrolment confirmed after screening.", panel.Find("[data-testid=follow-up-entry-2]").TextContent);
        Assert.Contains("Recommendation implemented", panel.Find("[data-testid=follow-up-entry-1]").TextContent);
    }

    [Fact]
    public async Task Form_AfterSomeoneElseReported_IsRefusedAsStale_AndReloadShowsTheirReport()
    {
        var discussed = await DiscussedAsync(daysAgo: 10, "BSPHO-2026-9008");
        var actor = SignIn(Roles.Clinician, Uzl, userId: discussed.Clinician.Id);
        var panel = RenderPanel(discussed.CaseId, actor);
        OpenForm(panel, Milestone.Implementation);
        Choose(panel, "outcome-Implemented");
        await Services.GetRequiredService<FollowUpService>().ReportAsync(actor, discussed.CaseId,
            new FollowUpReport { Implementation = new(ImplementationOutcome.NotImplemented, NotImplementedReason.NotEligible, null) }, version: null);

        panel.Find("[data-testid=follow-up-save]").Click();

        panel.WaitForAssertion(() => Assert.Contains("Someone else changed this in the meantime", panel.Find("[data-testid=follow-up-error]").TextContent));
        Assert.Equal(1, await EntriesAsync(discussed.CaseId));
        panel.Find("[data-testid=follow-up-reload]").Click();
        panel.WaitForAssertion(() => Assert.Contains("Not implemented: Not eligible", panel.Find("[data-testid=milestone-value-Implementation]").TextContent));
        Assert.Empty(panel.FindAll("[data-testid=follow-up-form]"));
    }

    [Fact]
    public async Task Form_WithAPhoneNumberInTheDetail_MarksItUnderTheDetail_AndSavesNothing()
    {
        var discussed = await DiscussedAsync(daysAgo: 10, "BSPHO-2026-9005");
        var actor = SignIn(Roles.Clinician, Uzl, userId: discussed.Clinician.Id);
        var panel = RenderPanel(discussed.CaseId, actor);
        OpenForm(panel, Milestone.Implementation);
        Choose(panel, "outcome-Implemented");

        panel.Find("textarea[data-testid=follow-up-detail]").Input("Started after the parents called from 0475 12 34 56.");
        panel.Find("[data-testid=follow-up-save]").Click();

        panel.WaitForAssertion(() => Assert.Contains("0475 12 34 56", panel.Find("[data-testid=findings-detail] mark").TextContent));
        Assert.NotNull(panel.Find("[data-testid=follow-up-findings]"));
        Assert.Equal(0, await EntriesAsync(discussed.CaseId));
    }

    [Fact]
    public async Task DashboardCard_ListsTheCentresDueFollowUps_OverdueFirstAndFlagged_AndNoneForAnotherCentre()
    {
        var overdue = await DiscussedAsync(daysAgo: 45, "BSPHO-2026-9006");
        var due = await DiscussedAsync(daysAgo: 5, "BSPHO-2026-9007");

        var own = Render<DueFollowUpsCard>(p => p.Add(x => x.Actor, SignIn(Roles.DataManager, Uzl)));
        own.WaitForElement("[data-testid=due-follow-ups] .mud-list", TimeSpan.FromSeconds(10));
        var other = Render<DueFollowUpsCard>(p => p.Add(x => x.Actor, SignIn(Roles.Clinician, Other)));
        other.WaitForElement("[data-testid=due-follow-ups-none]", TimeSpan.FromSeconds(10));

        var rows = own.FindAll("[data-testid^=due-BSPHO]");
        Assert.Equal([$"due-{overdue.Code}-Implementation", $"due-{due.Code}-Implementation"], rows.Select(r => r.GetAttribute("data-testid")));
        Assert.Equal(["Overdue", "Due"], rows.Select(r => r.GetAttribute("data-state")));
        Assert.Contains("2 due, of which 1 overdue", own.Find("[data-testid=due-follow-ups-summary]").TextContent);
        Assert.Contains("No follow-up is due.", other.Markup);
    }
}
