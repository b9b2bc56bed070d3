using Microsoft.Playwright;
using TumourBoard.Domain.People;
using TumourBoard.Web.Tests.Features.Moc;
using TumourBoard.Web.Tests.Infrastructure;

namespace TumourBoard.EndToEnd.Tests;

/// <summary>The MOC check as people see it: in the room as physicians come in, in the minutes, on the case page; the RIZIV/INAMI number on the profile.</summary>
public sealed class MocTests(BrowserFixture browser, DemoAppFixture app) : IClassFixture<DemoAppFixture>
{
    private async Task<IPage> SignedInAsync(string email, string path)
    {
        var page = await browser.NewPageAsync(app.App.BaseAddress);
        await page.SignInAsync(email);
        await page.GotoAsync($"Preferences/Culture?culture=en-BE&returnUrl={Uri.EscapeDataString(path)}");
        return page;
    }

    [Fact]
    public async Task Room_ShowsTheCheckOfTheCaseUnderDiscussion_AndUpdatesItWhenAPhysicianJoins()
    {
        var scenario = await MocScenario.StartAsync(app.App);
        var page = await SignedInAsync("observer@demo.tumourboard.be", $"/meetings/{scenario.MeetingId}/room");
        await page.WaitForInteractiveAsync();

        var moc = page.GetByTestId("room-presence").GetByTestId("moc");
        await Assertions.Expect(moc.GetByTestId("moc-status")).ToHaveTextAsync("MOC conditions not met");
        await Assertions.Expect(moc.GetByTestId("moc-reasons")).ToContainTextAsync("3 physicians counted, 4 required");
        await Assertions.Expect(moc.GetByTestId("moc-counted")).ToContainTextAsync("not counted for want of a RIZIV/INAMI number: 1");
        await page.ScreenshotAsync("room-moc-not-met");

        await scenario.JoinNewPhysicianAsync("HUDERF", Discipline.Radiology);

        await Assertions.Expect(moc.GetByTestId("moc-status")).ToHaveTextAsync("MOC conditions met");
        await Assertions.Expect(moc.GetByTestId("moc-counted")).ToContainTextAsync("Physicians counted: 4");
        await page.ScreenshotAsync("room-moc-met");
    }

    [Fact]
    public async Task MinutesAndCasePage_ShowTheCheckOfEachCase()
    {
        var scenario = await MocScenario.HeldAsync(app.App);
        var page = await SignedInAsync("clinician.cusl@demo.tumourboard.be", $"/meetings/{scenario.MeetingId}/minutes");
        await page.WaitForInteractiveAsync();

        await Assertions.Expect(page.GetByTestId("minutes-moc")).ToHaveTextAsync("MOC conditions met for 1 of 2 cases discussed.");
        await Assertions.Expect(page.GetByTestId($"moc-{scenario.First.Code}").GetByTestId("moc-status")).ToHaveTextAsync("MOC conditions met");
        await Assertions.Expect(page.GetByTestId($"moc-{scenario.Second.Code}").GetByTestId("moc-reasons")).ToContainTextAsync("3 physicians counted, 4 required");
        await Assertions.Expect(page.GetByTestId("minutes-fhir")).ToBeVisibleAsync();
        await page.ScreenshotAsync("minutes-moc");

        await page.GotoAsync($"cases/{scenario.Second.CaseId}");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.GetByTestId($"moc-{scenario.MeetingId}").GetByTestId("moc-status")).ToHaveTextAsync("MOC conditions not met");
        await page.ScreenshotAsync("case-moc");
    }

    [Fact]
    public async Task Coordinator_ChangesTheRules_AndTheSummarySaysWhatTheyAre()
    {
        var page = await SignedInAsync("coordinator@demo.tumourboard.be", "/meetings/moc-rules");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.GetByTestId("moc-rules-summary")).ToHaveTextAsync(
            "At least 4 physicians of at least 3 specialties; including the treating specialty; only physicians with a RIZIV/INAMI number count.");

        await page.Field("moc-min-physicians").FillAsync("5");
        await page.Field("moc-min-physicians").BlurAsync();
        await page.GetByTestId("moc-rules-save").ClickAsync();

        await Assertions.Expect(page.GetByText("MOC rules saved; they apply to meetings that start from now on.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("moc-rules-summary")).ToContainTextAsync("At least 5 physicians");
        await page.ScreenshotAsync("moc-rules");
        // The other tests of this class start meetings under the default rules.
        await page.Field("moc-min-physicians").FillAsync("4");
        await page.Field("moc-min-physicians").BlurAsync();
        await page.GetByTestId("moc-rules-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("moc-rules-summary")).ToContainTextAsync("At least 4 physicians");
    }

    [Fact]
    public async Task Profile_RefusesAWrongNumberInline_AndSavesARightOne()
    {
        var user = await app.App.CreateUserAsync(Roles.Clinician, "UZB", Discipline.Surgery);
        var page = await SignedInAsync(user.Email!, "/Account/Manage");
        await page.GetByTestId("riziv-input").WaitForAsync();

        await page.GetByTestId("riziv-input").FillAsync("1-23456-26-901");
        await page.GetByTestId("riziv-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("riziv-error")).ToContainTextAsync("This is not a RIZIV/INAMI number");
        await page.ScreenshotAsync("profile-riziv-refused");
        var number = MocScenario.NewRizivNumber();
        await page.GetByTestId("riziv-input").FillAsync(number);
        await page.GetByTestId("riziv-save").ClickAsync();

        await Assertions.Expect(page.GetByTestId("status-message")).ToHaveTextAsync("Your RIZIV/INAMI number has been saved.");
        await Assertions.Expect(page.GetByTestId("riziv-input")).ToHaveValueAsync(number);
        await page.ScreenshotAsync("profile-riziv");
    }
}
