using Bunit;
using TumourBoard.Domain.Cases;
using TumourBoard.Domain.Common;
using TumourBoard.Domain.Meetings;
using TumourBoard.Domain.People;
using TumourBoard.Web.Data;
using TumourBoard.Web.Features.Meetings;
using TumourBoard.Web.Tests.Infrastructure;

namespace TumourBoard.Web.Tests.Components;

public sealed class AgendaEditorTests(PostgresCluster cluster) : BoardComponentTest(cluster)
{
    private static readonly DateTime Start = DateTime.UtcNow.Date.AddDays(20).AddHours(11);

    /// <summary>A data manager of centre 1, a meeting of the given length, and submitted cases of 10 and 15 minutes.</summary>
    private async Task<(AppUser DataManager, int MeetingId, PatientCase[] Cases)> ArrangeAsync(int durationMinutes = 60)
    {
        await using var db = await DbFactory.CreateDbContextAsync();
        var dm = new AppUser($"dm.{Guid.NewGuid():N}@test.be", "Data manager", 1, Discipline.DataManagement, BoardLanguage.English, DateTime.UtcNow);
        var clinician = new AppUser($"cl.{Guid.NewGuid():N}@test.be", "Clinician", 1, Discipline.PaediatricOncology, BoardLanguage.English, DateTime.UtcNow);
        db.Users.AddRange(dm, clinician);
        var meeting = Meeting.Extra(Start, durationMinutes, "Board", BoardLanguage.English, null, dm.Id);
        db.Meetings.Add(meeting);
        var cases = new[] { (1, DiseaseStatus.NewDiagnosis), (2, DiseaseStatus.Relapse) }.Select(x =>
        {
            var c = PatientCase.Draft($"BSPHO-2026-90{x.Item1:00}", 1, dm.Id, new CaseContent
            {
                AgeYears = 8, DiagnosisLabel = $"Case {x.Item1}", DiseaseStatus = x.Item2, Question = "Which treatment?",
                Options = [new OptionContent("A")], ConsentConfirmed = true, PresenterId = clinician.Id,
            }, DateTime.UtcNow);
            c.Submit(dm.Id, DateTime.UtcNow);
            // The bUnit database has no roles, so the clinician cannot be checked as a presenter: the item starts without one.
            c.Edit(c.Snapshot() with { PresenterId = null }, dm.Id, DateTime.UtcNow);
            return c;
        }).ToArray();
        db.Cases.AddRange(cases);
        await db.SaveChangesAsync();
        return (dm, meeting.Id, cases);
    }

    [Fact]
    public async Task AddButton_PutsTheCaseOnTheAgendaAtTheMeetingsStart()
    {
        var (dm, meetingId, cases) = await ArrangeAsync();
        SignIn(Roles.DataManager, 1, userId: dm.Id);
        var page = Render<MeetingPage>(p => p.Add(x => x.Id, meetingId));
        page.WaitForAssertion(() => page.Find($"[data-testid='add-{cases[0].Code}']"));

        page.Find($"[data-testid='add-{cases[0].Code}'] button, button[data-testid='add-{cases[0].Code}']").Click();

        page.WaitForAssertion(() => Assert.NotNull(page.Find($"[data-testid='item-{cases[0].Code}']")));
        Assert.Empty(page.FindAll("[data-testid=meeting-action-error]"));
        Assert.Equal(Clock(Start), page.Find($"[data-testid='start-{cases[0].Code}']").TextContent.Trim());
        Assert.Empty(page.FindAll($"[data-testid='available-{cases[0].Code}']"));
    }

    [Fact]
    public async Task SecondItem_StartsWhenTheFirstEnds_AndOvertimeIsFlagged()
    {
        var (dm, meetingId, cases) = await ArrangeAsync(durationMinutes: 20);
        SignIn(Roles.DataManager, 1, userId: dm.Id);
        var page = Render<MeetingPage>(p => p.Add(x => x.Id, meetingId));
        page.WaitForAssertion(() => page.Find($"[data-testid='add-{cases[1].Code}']"));

        page.Find($"[data-testid='add-{cases[0].Code}'] button, button[data-testid='add-{cases[0].Code}']").Click();
        page.WaitForAssertion(() => page.Find($"[data-testid='item-{cases[0].Code}']"));
        page.Find($"[data-testid='add-{cases[1].Code}'] button, button[data-testid='add-{cases[1].Code}']").Click();

        page.WaitForAssertion(() => Assert.Equal(Clock(Start.AddMinutes(10)), page.Find($"[data-testid='start-{cases[1].Code}']").TextContent.Trim()));
        Assert.Contains("25 minutes", page.Find("[data-testid=agenda-overtime]").TextContent);
    }

    [Fact]
    public async Task Observer_SeesTheAgendaWithoutEditingControls()
    {
        var (dm, meetingId, _) = await ArrangeAsync();
        SignIn(Roles.Observer, 1);
        var page = Render<MeetingPage>(p => p.Add(x => x.Id, meetingId));

        page.WaitForAssertion(() => page.Find("[data-testid=agenda-table]"));

        Assert.Empty(page.FindAll("[data-testid=available-zone]"));
        Assert.Empty(page.FindAll("[data-testid=agenda-publish]"));
        Assert.NotNull(dm);
    }

    private static string Clock(DateTime utc) => BoardTime.ToLocal(utc).ToString("t", System.Globalization.CultureInfo.CurrentCulture);
}
