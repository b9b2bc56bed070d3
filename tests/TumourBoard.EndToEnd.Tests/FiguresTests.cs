using Microsoft.Playwright;
using TumourBoard.Web.Tests.Infrastructure;

namespace TumourBoard.EndToEnd.Tests;

public sealed class FiguresTests(BrowserFixture browser, DemoAppFixture app) : IClassFixture<DemoAppFixture>
{
    [Fact]
    public async Task Coordinator_SeesTheFiguresOfTheDemoData_AndAnInvertedPeriodIsExplained()
    {
        var page = await browser.NewPageAsync(app.App.BaseAddress);
        await page.SignInAsync("coordinator@demo.tumourboard.be");
        await page.GetByTestId("nav-figures").ClickAsync();
        await page.WaitForInteractiveAsync();

        await Assertions.Expect(page.GetByTestId("figure-cases-per-centre").Locator("svg").First).ToBeVisibleAsync();
        Assert.True(int.Parse(await page.GetByTestId("total-cases").InnerTextAsync()) > 0);
        Assert.True(int.Parse(await page.GetByTestId("meetings-held").InnerTextAsync()) > 0);
        await Assertions.Expect(page.GetByTestId("csv-attendance")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex(@"figures/attendance\.csv\?from=\d{4}-\d{2}-\d{2}&to="));
        await page.ScreenshotAsync("figures");

        await page.Field("figures-from").FillAsync("2026-12-31");
        await page.Field("figures-to").FillAsync("2026-01-01");
        await page.Field("figures-to").PressAsync("Enter");
        await page.GetByTestId("figures-apply").ClickAsync();
        await Assertions.Expect(page.GetByTestId("form-error")).ToBeVisibleAsync();
    }
}

public sealed class ExportsAndDashboardTests(BrowserFixture browser, DemoAppFixture app) : IClassFixture<DemoAppFixture>
{
    [Fact]
    public async Task DataManager_SeesTheCentresCases_AndPreparesTheRegistryExport()
    {
        var page = await browser.NewPageAsync(app.App.BaseAddress);
        await page.SignInAsync("datamanager.uzl@demo.tumourboard.be");

        await Assertions.Expect(page.GetByTestId("centre-cases")).ToBeVisibleAsync();
        await page.ScreenshotAsync("dashboard-data-manager");
        await page.GetByTestId("nav-exports").ClickAsync();
        await page.WaitForInteractiveAsync();

        await Assertions.Expect(page.GetByTestId("exports-count")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("exports-download")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex(@"exports/registry\.csv\?from=\d{4}-\d{2}-\d{2}&to="));
        await page.ScreenshotAsync("exports");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("exports-download").ClickAsync());
        var path = await download.PathAsync();
        var text = await File.ReadAllTextAsync(path!);
        Assert.StartsWith("case_code;centre;", text.TrimStart('\uFEFF'));
    }
}
