using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using TumourBoard.Domain.FollowUps;
using TumourBoard.Domain.Meetings;
using TumourBoard.Web.Data;
using TumourBoard.Web.Tests.Infrastructure;

namespace TumourBoard.EndToEnd.Tests;

public sealed class FollowUpTests(BrowserFixture browser, DemoAppFixture app) : IClassFixture<DemoAppFixture>
{
    [Fact]
    public async Task Clinician_SeesTheOverdueFollowUpOnTheDashboard_ReportsIt_AndItSurfacesAtTheNextMeeting()
    {
        // The demo's UZL Wilms tumour case: its 3-month response is overdue.
        var (wilms, discussedOn, next) = await app.App.WithDbAsync(async db =>
        {
            var followUp = await db.FollowUps.Join(db.Cases, f => f.CaseId, c => c.Id, (f, c) => new { c.Id, c.Code, c.DiagnosisLabel, f.DiscussedOn })
                .SingleAsync(x => x.DiagnosisLabel.StartsWith("Wilms tumour"));
            var lastWeek = await db.Meetings.SingleAsync(m => m.Title == DemoSeeder.HeldMeetingTitle);
            var nextMeeting = await db.Meetings.Where(m => m.StartsAtUtc > lastWeek.StartsAtUtc && m.Status != MeetingStatus.Cancelled).OrderBy(m => m.StartsAtUtc).FirstAsync();
            return ((followUp.Id, followUp.Code), followUp.DiscussedOn, nextMeeting.Id);
        });
        var page = await browser.NewPageAsync(app.App.BaseAddress);
        await page.SignInAsync("clinician.uzl@demo.tumourboard.be");
        await page.GotoAsync("Preferences/Culture?culture=en-BE&returnUrl=%2F");
        await page.WaitForInteractiveAsync();

        var overdue = page.GetByTestId($"due-{wilms.Code}-Response3Months");
        await Assertions.Expect(overdue).ToHaveAttributeAsync("data-state", "Overdue");
        await Assertions.Expect(overdue).ToContainTextAsync("Overdue");
        await Assertions.Expect(page.GetByTestId("due-follow-ups-summary")).ToContainTextAsync("of which 1 overdue");
        await page.ScreenshotAsync("follow-up-dashboard");

        await overdue.ClickAsync();
        await page.WaitForURLAsync($"**/cases/{wilms.Id}");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.GetByTestId("milestone-state-Response3Months")).ToHaveAttributeAsync("data-state", "Overdue");
        await Assertions.Expect(page.GetByTestId("milestone-value-Implementation")).ToContainTextAsync("Not implemented: Change in the clinical situation");
        await page.GetByTestId("follow-up-report-Response3Months").ClickAsync();
        await page.Field("response-ProgressiveDisease").CheckAsync();
        var assessed = FollowUpSchedule.DatesOf(Milestone.Response3Months, discussedOn).DueOn;
        await page.Field("follow-up-assessed-on").FillAsync(assessed.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
        await page.Field("follow-up-assessed-on").PressAsync("Tab");
        await page.GetByTestId("follow-up-save").ClickAsync();

        await Assertions.Expect(page.GetByTestId("milestone-state-Response3Months")).ToHaveAttributeAsync("data-state", "Reported");
        await Assertions.Expect(page.GetByTestId("milestone-value-Response3Months")).ToContainTextAsync($"Progressive disease, assessed on {assessed.ToString("d", CultureInfo.GetCultureInfo("en-BE"))}");
        await Assertions.Expect(page.GetByTestId("follow-up-history")).ToContainTextAsync("Response at 3 months · Reported");
        await page.ScreenshotAsync("follow-up-case");

        await page.GotoAsync($"meetings/{next}");
        await page.WaitForInteractiveAsync();
        var section = page.GetByTestId("follow-up-section");
        await Assertions.Expect(section.GetByTestId($"reported-{wilms.Code}-Response3Months")).ToContainTextAsync("Progressive disease");
        await Assertions.Expect(section.GetByTestId($"overdue-{wilms.Code}-Response3Months")).ToHaveCountAsync(0);
        await section.ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync("follow-up-meeting");

        await page.GotoAsync("");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.GetByTestId("due-follow-ups")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId($"due-{wilms.Code}-Response3Months")).ToHaveCountAsync(0);
    }
}
