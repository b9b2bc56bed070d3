using Microsoft.Playwright;
using TumourBoard.Web.Tests.Infrastructure;

namespace TumourBoard.EndToEnd.Tests;

public sealed class AuditTrailTests(BrowserFixture browser, DemoAppFixture app) : IClassFixture<DemoAppFixture>
{
    [Fact]
    public async Task Admin_FiltersTheTrailAndVerifiesTheChain_SeesItIntact()
    {
        var page = await browser.NewPageAsync(app.App.BaseAddress);
        await page.SignInAsync("admin@demo.tumourboard.be");
        await page.GotoAsync("admin/audit");
        await page.WaitForInteractiveAsync();

        await page.Field("audit-action").FillAsync("auth.");
        await page.GetByTestId("audit-filter").ClickAsync();
        await Assertions.Expect(page.GetByTestId("audit-table").Locator("tbody tr").First).ToContainTextAsync("auth.");
        await page.GetByTestId("audit-verify").ClickAsync();

        await Assertions.Expect(page.GetByTestId("audit-verification")).ToContainTextAsync("The chain is intact");
        await page.ScreenshotAsync("audit-trail");
    }
}
