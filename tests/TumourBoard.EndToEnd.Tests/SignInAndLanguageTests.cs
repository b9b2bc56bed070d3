using Microsoft.Playwright;
using TumourBoard.Web.Tests.Infrastructure;

namespace TumourBoard.EndToEnd.Tests;

public sealed class SignInAndLanguageTests(BrowserFixture browser, DemoAppFixture app) : IClassFixture<DemoAppFixture>
{
    [Fact]
    public async Task Clinician_SignsInAndSwitchesToFrench_SeesFrenchLabels()
    {
        var page = await browser.NewPageAsync(app.App.BaseAddress);

        await page.SignInAsync("clinician.uzl@demo.tumourboard.be");
        await Assertions.Expect(page.GetByTestId("dashboard-title")).ToHaveTextAsync("Dashboard");
        await page.ScreenshotAsync("dashboard-en");

        await page.GetByTestId("language-menu").ClickAsync();
        await page.GetByTestId("language-fr-BE").ClickAsync();
        await page.WaitForInteractiveAsync();

        await Assertions.Expect(page.GetByTestId("dashboard-title")).ToHaveTextAsync("Tableau de bord");
        await Assertions.Expect(page.GetByTestId("nav")).ToContainTextAsync("Réunions");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "fr");
        await page.ScreenshotAsync("dashboard-fr");
    }

    [Fact]
    public async Task SignOut_FromTheUserMenu_ReturnsToTheLoginPage()
    {
        var page = await browser.NewPageAsync(app.App.BaseAddress);
        await page.SignInAsync("datamanager.uzg@demo.tumourboard.be");

        await page.GetByTestId("user-menu").ClickAsync();
        await page.GetByTestId("logout").ClickAsync();

        await Assertions.Expect(page.GetByTestId("login-submit")).ToBeVisibleAsync();
        await page.GotoAsync("/");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("Account/Login"));
    }

    [Fact]
    public async Task WrongPassword_ShowsTheReasonOnTheLoginPage()
    {
        var page = await browser.NewPageAsync(app.App.BaseAddress);
        await page.GotoAsync("Account/Login");

        await page.GetByTestId("login-email").FillAsync("clinician.uzg@demo.tumourboard.be");
        await page.GetByTestId("login-password").FillAsync("Wrong-password-1");
        await page.GetByTestId("login-submit").ClickAsync();

        await Assertions.Expect(page.GetByTestId("status-message")).ToContainTextAsync("E-mail address or password is wrong.");
    }
}
