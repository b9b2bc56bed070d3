using System.Security.Cryptography;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using TumourBoard.Domain.Cases;
using TumourBoard.Domain.Common;
using TumourBoard.Domain.LiveBoard;
using TumourBoard.Domain.Meetings;
using TumourBoard.Domain.Minutes;
using TumourBoard.Domain.People;
using TumourBoard.Web.Data;
using TumourBoard.Web.Features.LiveBoard;
using TumourBoard.Web.Features.Minutes;
using TumourBoard.Web.Features.Realtime;
using TumourBoard.Web.Tests.Infrastructure;

namespace TumourBoard.Web.Tests.Components;

public sealed class MinutesPageTests(PostgresCluster cluster) : BoardComponentTest(cluster)
{
    private sealed record Held(int MeetingId, int[] ItemIds, string[] Codes, AppUser Coordinator);

    /// <summary>A meeting held and closed: two cases, one vote each for the second option, recommendations recorded.</summary>
    private async Task<Held> HeldMeetingAsync(bool close = true)
    {
        var now = DateTime.UtcNow;
        await using var db = await DbFactory.CreateDbContextAsync();
        var coordinator = new AppUser($"co.{Guid.NewGuid():N}@test.be", "Coordinator", null, Discipline.PaediatricOncology, BoardLanguage.English, now);
        var clinician = new AppUser($"cl.{Guid.NewGuid():N}@test.be", "Clinician UZL", 1, Discipline.PaediatricOncology, BoardLanguage.English, now);
        db.Users.AddRange(coordinator, clinician);
        var cases = new[] { "Surgery alone or with a trial?", "Chemotherapy or radiotherapy first?" }.Select((question, i) =>
        {
            var c = PatientCase.Draft($"BSPHO-2026-80{i:00}", 1, clinician.Id, new CaseContent
            {
                AgeYears = 12, DiagnosisLabel = "Osteosarcoma", DiseaseStatus = DiseaseStatus.Relapse, Question = question,
                Options = [new OptionContent("Standard treatment"), new OptionContent("Within a trial", null, "NCT04567890")], ConsentConfirmed = true,
                PresenterId = clinician.Id,
            }, now);
            c.Submit(clinician.Id, now);
            return c;
        }).ToArray();
        db.Cases.AddRange(cases);
        var meeting = Meeting.Extra(now.AddHours(-1), 60, "Sarcoma board", BoardLanguage.English, null, coordinator.Id);
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync();
        foreach (var c in cases)
            meeting.AddCase(c.Id, 15, null);
        await db.SaveChangesAsync();
        meeting.PublishAgenda(now);
        meeting.Start(now);
        db.Attendances.Add(new Attendance(meeting.Id, clinician.Id, Roles.Clinician, 1, Discipline.PaediatricOncology, now));
        foreach (var (item, c) in meeting.Items.Zip(cases))
        {
            var options = c.Options.OrderBy(o => o.Position).Select(o => o.Id).ToArray();
            meeting.MoveTo(item.Id, now);
            meeting.OpenVoting(item.Id, now);
            db.Votes.Add(new Vote(item.Id, clinician.Id, 1, options[1], now));
            meeting.CloseVoting(item.Id, Tally.Compute(options, [new CastVote(clinician.Id, 1, options[1])]), now);
            meeting.RecordRecommendation(item.Id, Recommendation.Create(options[1], null, "Eligible for the trial", Consensus.Unanimous, null, "NCT04567890", false, coordinator.Id, now), now);
        }
        if (close)
            meeting.Close(now, LiveBoardService.NotReachedReason);
        await db.SaveChangesAsync();
        return new Held(meeting.Id, meeting.Items.Select(i => i.Id).ToArray(), cases.Select(c => c.Code).ToArray(), coordinator);
    }

    private IRenderedComponent<MinutesPage> RenderPage(int meetingId)
    {
        var page = Render<MinutesPage>(p => p.Add(x => x.Id, meetingId));
        page.WaitForAssertion(() => page.Find("[data-testid=minutes-title]"), TimeSpan.FromSeconds(10));
        return page;
    }

    private static string Card(string code) => $"[data-testid='minutes-case-{code}']";

    [Fact]
    public async Task Coordinator_SavesASummaryAndAFollowUp_TheRecordHoldsThem_AndTheFormIsClean()
    {
        var held = await HeldMeetingAsync();
        SignIn(Roles.Coordinator, userId: held.Coordinator.Id);
        var page = RenderPage(held.MeetingId);

        page.Find($"{Card(held.Codes[0])} textarea[data-testid=narrative-summary]").Input("The board weighed the trial's eligibility window.");
        page.Find($"{Card(held.Codes[0])} [data-testid=follow-up-add]").Click();
        page.WaitForElement($"{Card(held.Codes[0])} textarea[data-testid=follow-up-action-0]");
        page.Find($"{Card(held.Codes[0])} textarea[data-testid=follow-up-action-0]").Input("Send the screening form");
        page.Find($"{Card(held.Codes[0])} input[data-testid=follow-up-owner-0]").Input("UZL data manager");
        Assert.NotNull(page.Find($"{Card(held.Codes[0])} [data-testid=narrative-unsaved]"));
        page.Find($"{Card(held.Codes[0])} [data-testid=narrative-save]").Click();

        page.WaitForAssertion(() => Assert.Empty(page.FindAll($"{Card(held.Codes[0])} [data-testid=narrative-unsaved]")));
        await using var db = await DbFactory.CreateDbContextAsync();
        var narrative = (await db.Minutes.SingleAsync(m => m.MeetingId == held.MeetingId)).Narrative(held.ItemIds[0]);
        Assert.Equal("The board weighed the trial's eligibility window.", narrative.Summary);
        Assert.Equal(new FollowUpAction("Send the screening form", "UZL data manager", null), Assert.Single(narrative.FollowUps));
    }

    [Fact]
    public async Task Save_WithAFollowUpWithoutAction_ShowsWhyNextToThatRow_AndStoresNothing()
    {
        var held = await HeldMeetingAsync();
        SignIn(Roles.Coordinator, userId: held.Coordinator.Id);
        var page = RenderPage(held.MeetingId);

        page.Find($"{Card(held.Codes[1])} [data-testid=follow-up-add]").Click();
        page.WaitForElement($"{Card(held.Codes[1])} textarea[data-testid=follow-up-action-0]");

        page.Find($"{Card(held.Codes[1])} input[data-testid=follow-up-owner-0]").Input("Radiotherapy team");
        page.Find($"{Card(held.Codes[1])} [data-testid=narrative-save]").Click();

        page.WaitForAssertion(() => Assert.Contains("Describe the action.", page.Find($"{Card(held.Codes[1])} [data-testid=follow-up-0]").TextContent));
        Assert.Contains("nothing was stored", page.Find($"{Card(held.Codes[1])} [data-testid=narrative-error]").TextContent);
        Assert.Equal("Radiotherapy team", page.Find($"{Card(held.Codes[1])} input[data-testid=follow-up-owner-0]").GetAttribute("value"));
        await using var db = await DbFactory.CreateDbContextAsync();
        Assert.False(await db.Minutes.AnyAsync(m => m.MeetingId == held.MeetingId));
    }

    [Fact]
    public async Task Save_WithAPhoneNumberInTheSummary_MarksItUnderTheSummary()
    {
        var held = await HeldMeetingAsync();
        SignIn(Roles.Coordinator, userId: held.Coordinator.Id);
        var page = RenderPage(held.MeetingId);

        page.Find($"{Card(held.Codes[0])} textarea[data-testid=narrative-summary]").Input("Parents reachable at 0475 12 34 56.");
        page.Find($"{Card(held.Codes[0])} [data-testid=narrative-save]").Click();

        page.WaitForAssertion(() => Assert.Contains("0475 12 34 56", page.Find($"{Card(held.Codes[0])} [data-testid=findings-summary] mark").TextContent));
        Assert.NotNull(page.Find($"{Card(held.Codes[0])} [data-testid=narrative-findings]"));
    }

    [Fact]
    public async Task AnotherEditorSavesTheCaseBeingTyped_TheTextStays_TheFormWarns_AndItsSaveIsRefusedAsAConflict()
    {
        var held = await HeldMeetingAsync();
        var actor = SignIn(Roles.Coordinator, userId: held.Coordinator.Id);
        var page = RenderPage(held.MeetingId);
        page.Find($"{Card(held.Codes[0])} textarea[data-testid=narrative-summary]").Input("My version.");

        await Services.GetRequiredService<MinutesService>().EditCaseAsync(actor, held.MeetingId, held.ItemIds[0], new CaseNarrativeRequest("Their version.", [], null));
        await Services.GetRequiredService<BoardEvents>().DispatchAsync(new BoardEvent(BoardEventTypes.MeetingChanged, held.MeetingId, held.ItemIds[0], DateTime.UtcNow));

        page.WaitForAssertion(() => page.Find($"{Card(held.Codes[0])} [data-testid=narrative-stale]"));
        Assert.Equal("My version.", page.Find($"{Card(held.Codes[0])} textarea[data-testid=narrative-summary]").GetAttribute("value")
            ?? page.Find($"{Card(held.Codes[0])} textarea[data-testid=narrative-summary]").TextContent);
        page.Find($"{Card(held.Codes[0])} [data-testid=narrative-save]").Click();
        page.WaitForAssertion(() => Assert.Contains("Someone else changed this", page.Find($"{Card(held.Codes[0])} [data-testid=narrative-error]").TextContent));

        page.Find($"{Card(held.Codes[0])} [data-testid=narrative-conflict-reload]").Click();
        page.WaitForAssertion(() => Assert.Empty(page.FindAll($"{Card(held.Codes[0])} [data-testid=narrative-error]")));
        Assert.Contains("Their version.", page.Find($"{Card(held.Codes[0])} textarea[data-testid=narrative-summary]").GetAttribute("value") ?? "");
    }

    [Fact]
    public async Task AnotherEditorSavesAnotherCase_TheUntouchedFormShowsIt_AndTheTypedOneStillSaves()
    {
        var held = await HeldMeetingAsync();
        var actor = SignIn(Roles.Coordinator, userId: held.Coordinator.Id);
        var page = RenderPage(held.MeetingId);
        page.Find($"{Card(held.Codes[0])} textarea[data-testid=narrative-summary]").Input("Mine, on the first case.");

        await Services.GetRequiredService<MinutesService>().EditCaseAsync(actor, held.MeetingId, held.ItemIds[1], new CaseNarrativeRequest("Theirs, on the second.", [], null));
        await Services.GetRequiredService<BoardEvents>().DispatchAsync(new BoardEvent(BoardEventTypes.MeetingChanged, held.MeetingId, held.ItemIds[1], DateTime.UtcNow));

        page.WaitForAssertion(() => Assert.Equal("Theirs, on the second.", page.Find($"{Card(held.Codes[1])} textarea[data-testid=narrative-summary]").GetAttribute("value")));
        Assert.Empty(page.FindAll("[data-testid=narrative-stale]"));
        page.Find($"{Card(held.Codes[0])} [data-testid=narrative-save]").Click();
        page.WaitForAssertion(() => Assert.Empty(page.FindAll($"{Card(held.Codes[0])} [data-testid=narrative-unsaved]")));
        Assert.Empty(page.FindAll("[data-testid=narrative-error]"));
    }

    [Fact]
    public async Task Finalise_AfterConfirming_FreezesTheNarrative_AndListsVersion1WithTheHashOfItsPdf()
    {
        var held = await HeldMeetingAsync();
        SignIn(Roles.Coordinator, userId: held.Coordinator.Id);
        var host = Render(b =>
        {
            b.OpenComponent<MudDialogProvider>(0);
            b.CloseComponent();
            b.OpenComponent<MinutesPage>(1);
            b.AddAttribute(2, nameof(MinutesPage.Id), held.MeetingId);
            b.CloseComponent();
        });
        host.WaitForAssertion(() => host.Find("[data-testid=minutes-finalise]"), TimeSpan.FromSeconds(10));
        Assert.Contains("Export draft PDF", host.Find("[data-testid=minutes-export]").TextContent);

        host.Find("[data-testid=minutes-finalise]").Click();
        host.WaitForAssertion(() => host.Find("[data-testid=finalise-confirm]"));
        host.Find("[data-testid=finalise-confirm]").Click();

        host.WaitForAssertion(() => Assert.Equal("Finalised · version 1", host.Find("[data-testid=minutes-status]").TextContent.Trim()), TimeSpan.FromSeconds(10));
        Assert.Empty(host.FindAll("textarea[data-testid=narrative-summary]"));
        Assert.Empty(host.FindAll("[data-testid=minutes-finalise]"));
        Assert.NotNull(host.Find("[data-testid=minutes-correct]"));
        Assert.Equal("Export PDF", host.Find("[data-testid=minutes-export]").TextContent.Trim());
        await using var db = await DbFactory.CreateDbContextAsync();
        var pdf = await db.MinutesVersions.Select(v => v.Pdf).SingleAsync();
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(pdf)), host.Find("[data-testid=version-sha-1]").GetAttribute("data-sha256"));
    }

    [Fact]
    public async Task Correct_WithoutAReason_CannotBeConfirmed_AndWithOne_ReopensTheMinutes()
    {
        var held = await HeldMeetingAsync();
        var actor = SignIn(Roles.Coordinator, userId: held.Coordinator.Id);
        await Services.GetRequiredService<MinutesService>().FinaliseAsync(actor, held.MeetingId);
        var host = Render(b =>
        {
            b.OpenComponent<MudDialogProvider>(0);
            b.CloseComponent();
            b.OpenComponent<MinutesPage>(1);
            b.AddAttribute(2, nameof(MinutesPage.Id), held.MeetingId);
            b.CloseComponent();
        });
        host.WaitForAssertion(() => host.Find("[data-testid=minutes-correct]"), TimeSpan.FromSeconds(10));

        host.Find("[data-testid=minutes-correct]").Click();
        host.WaitForAssertion(() => Assert.True(host.Find("[data-testid=correction-confirm]").HasAttribute("disabled")));
        host.Find("textarea[data-testid=correction-reason]").Input("Follow-up owner corrected");
        host.Find("[data-testid=correction-confirm]").Click();

        host.WaitForAssertion(() => Assert.Contains("This version corrects version 1: Follow-up owner corrected", host.Find("[data-testid=minutes-correcting]").TextContent));
        Assert.NotEmpty(host.FindAll("textarea[data-testid=narrative-summary]"));
        Assert.Contains("version 2", host.Find("[data-testid=minutes-status]").TextContent);
    }

    [Fact]
    public async Task Observer_ReadsTheRecord_WithoutFormsExportsOrFinalisation()
    {
        var held = await HeldMeetingAsync();
        SignIn(Roles.Observer, 1);
        var page = RenderPage(held.MeetingId);

        Assert.Contains("Within a trial", page.Find($"{Card(held.Codes[0])} [data-testid=winning-option]").TextContent);
        Assert.Contains("Not met: recorded without quorum", page.Find($"{Card(held.Codes[0])} [data-testid=case-quorum]").TextContent);
        Assert.NotNull(page.Find($"[data-testid='narrative-{held.Codes[0]}']"));
        Assert.Empty(page.FindAll("textarea"));
        Assert.Empty(page.FindAll("[data-testid=minutes-export]"));
        Assert.Empty(page.FindAll("[data-testid=minutes-finalise]"));
        Assert.Empty(page.FindAll($"[data-testid='letter-{held.Codes[0]}']"));
    }

    [Fact]
    public async Task Clinician_ReadsTheDraft_AndMayExportItAndTheLetters_ButNotEditIt()
    {
        var held = await HeldMeetingAsync();
        SignIn(Roles.Clinician, 1);
        var page = RenderPage(held.MeetingId);

        Assert.Empty(page.FindAll("textarea"));
        Assert.Equal($"meetings/{held.MeetingId}/minutes.pdf", page.Find("[data-testid=minutes-export]").GetAttribute("href"));
        Assert.Equal($"meetings/{held.MeetingId}/items/{held.ItemIds[0]}/letter.pdf", page.Find($"[data-testid='letter-{held.Codes[0]}']").GetAttribute("href"));
        Assert.Empty(page.FindAll("[data-testid=minutes-finalise]"));
    }

    [Fact]
    public async Task MeetingNotClosed_SaysSo_InsteadOfAnError()
    {
        var held = await HeldMeetingAsync(close: false);
        SignIn(Roles.Coordinator, userId: held.Coordinator.Id);

        var page = Render<MinutesPage>(p => p.Add(x => x.Id, held.MeetingId));

        page.WaitForAssertion(() => Assert.Contains("this meeting has not closed yet", page.Find("[data-testid=minutes-not-closed]").TextContent));
        Assert.Empty(page.FindAll("[data-testid=minutes-error]"));
    }

    [Fact]
    public void VerifyPage_WithAFileThatIsNotAPdf_SaysSo()
    {
        SignIn(Roles.Clinician, 1);
        var page = Render<VerifyMinutesPage>();

        page.FindComponents<InputFile>()[^1].UploadFiles(InputFileContent.CreateFromText("hello", "minutes.pdf", contentType: "application/pdf"));

        page.WaitForAssertion(() => Assert.Equal("This file is not a PDF.", page.Find("[data-testid=verify-error]").TextContent.Trim()));
        Assert.Empty(page.FindAll("[data-testid=verify-result]"));
    }

    [Fact]
    public void VerifyPage_WithAnEmptyFile_SaysSo()
    {
        SignIn(Roles.Clinician, 1);
        var page = Render<VerifyMinutesPage>();

        page.FindComponents<InputFile>()[^1].UploadFiles(InputFileContent.CreateFromBinary([], "minutes.pdf", contentType: "application/pdf"));

        page.WaitForAssertion(() => Assert.Equal("The file is empty.", page.Find("[data-testid=verify-error]").TextContent.Trim()));
    }

    [Fact]
    public async Task VerifyPage_WithAFinalisedVersion_NamesItsMeetingAndVersion_AndWithAnyOtherPdf_ShowsItsHash()
    {
        var held = await HeldMeetingAsync();
        var actor = SignIn(Roles.Coordinator, userId: held.Coordinator.Id);
        await Services.GetRequiredService<MinutesService>().FinaliseAsync(actor, held.MeetingId);
        await using var db = await DbFactory.CreateDbContextAsync();
        var pdf = await db.MinutesVersions.Select(v => v.Pdf).SingleAsync();
        var page = Render<VerifyMinutesPage>();

        page.FindComponents<InputFile>()[^1].UploadFiles(InputFileContent.CreateFromBinary(pdf, "minutes.pdf", contentType: "application/pdf"));
        page.WaitForAssertion(() => Assert.Contains("This is version 1 of the minutes of the meeting of", page.Find("[data-testid=verify-match]").TextContent), TimeSpan.FromSeconds(10));
        Assert.Contains("Sarcoma board", page.Find("[data-testid=verify-match]").TextContent);
        Assert.NotNull(page.Find("[data-testid=verify-latest]"));
        Assert.Equal($"meetings/{held.MeetingId}/minutes", page.Find("[data-testid=verify-open]").GetAttribute("href"));

        var other = "%PDF-1.7 something else"u8.ToArray();
        page.FindComponents<InputFile>()[^1].UploadFiles(InputFileContent.CreateFromBinary(other, "other.pdf", contentType: "application/pdf"));
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=verify-no-match]")));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(other)), page.Find("[data-testid=verify-sha]").TextContent.Trim());
    }
}
