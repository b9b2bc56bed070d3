using Microsoft.Playwright;
using Microsoft.Extensions.DependencyInjection;
using TumourBoard.Web.Infrastructure;
using TumourBoard.Web.Tests.Infrastructure;

namespace TumourBoard.EndToEnd.Tests;

public sealed class SessionsTests(BrowserFixture browser, DemoAppFixture app) : IClassFixture<DemoAppFixture>
{
    [Fact]
    public async Task OtherBrowser_SignedOutFromTheSessionsPage_IsAskedToSignInAgain()
    {
        var office = await browser.NewPageAsync(app.App.BaseAddress);
        var laptop = await browser.NewPageAsync(app.App.BaseAddress);
        await laptop.SignInAsync("datamanager.uzl@demo.tumourboard.be");
        await office.SignInAsync("datamanager.uzl@demo.tumourboard.be");

        await office.GotoAsync("sessions");
        await office.WaitForInteractiveAsync();
        var rows = office.GetByTestId("session-table").Locator("tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(2);
        await Assertions.Expect(office.GetByTestId("session-current")).ToHaveCountAsync(1);
        await office.ScreenshotAsync("sessions");
        await office.GetByTestId("session-revoke").ClickAsync();

        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await laptop.GotoAsync("cases");
        await Assertions.Expect(laptop).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("Account/Login"));
        await office.GotoAsync("cases");
        await Assertions.Expect(office).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/cases$"));
    }
}

/// <summary>One person's pages beyond the limit (two here) show a message instead of the page, until one closes.</summary>
public sealed class CircuitLimitTests(BrowserFixture browser, PostgresCluster cluster)
{
    [Fact]
    public async Task PageBeyondTheLimit_ShowsAMessage_AndOpensOnceAnotherPageCloses()
    {
        await using var app = await TumourBoardApp.StartAsync(cluster, services => services.Configure<SignInRules>(o => o.CircuitsPerUser = 2));
        var first = await browser.NewPageAsync(app.BaseAddress);
        await first.SignInAsync("clinician.uzl@demo.tumourboard.be");
        await first.GotoAsync("cases");
        await first.WaitForInteractiveAsync();
        var second = await first.Context.NewPageAsync();
        await second.GotoAsync("meetings");
        await second.WaitForInteractiveAsync();

        var third = await first.Context.NewPageAsync();
        await third.GotoAsync("cases");
        await Assertions.Expect(third.GetByTestId("too-many-pages")).ToBeVisibleAsync();
        await Assertions.Expect(third.GetByTestId("too-many-pages")).ToContainTextAsync("2");
        await third.ScreenshotAsync("too-many-pages");

        // The other pages carry on; once one closes, the refused one opens on reload.
        await Assertions.Expect(second.GetByTestId("interactive")).ToBeAttachedAsync();
        await second.CloseAsync();
        var opened = false;
        for (var attempt = 0; attempt < 5 && !opened; attempt++)
        {
            await third.ReloadAsync();
            await Assertions.Expect(third.GetByTestId("interactive").Or(third.GetByTestId("too-many-pages"))).ToBeAttachedAsync();
            opened = await third.GetByTestId("interactive").CountAsync() == 1;
            if (!opened)
                await Task.Delay(1000);
        }
        Assert.True(opened, "the page stayed refused after another page closed");
    }
}
