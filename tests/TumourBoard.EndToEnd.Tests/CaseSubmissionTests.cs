using Microsoft.Playwright;
using TumourBoard.Web.Tests.Infrastructure;

namespace TumourBoard.EndToEnd.Tests;

public sealed class CaseSubmissionTests(BrowserFixture browser, DemoAppFixture app) : IClassFixture<DemoAppFixture>
{
    [Fact]
    public async Task Clinician_WritesCaseWithIdentifiers_IsShownEachOneThenSubmitsAndAnotherCentreSeesIt()
    {
        var page = await browser.NewPageAsync(app.App.BaseAddress);
        await page.SignInAsync("clinician.uzl@demo.tumourboard.be");
        await page.GotoAsync("Preferences/Culture?culture=en-BE&returnUrl=%2Fcases%2Fnew");
        await page.WaitForInteractiveAsync();

        await page.Field("case-age-years").FillAsync("7");
        await page.Field("case-sex-Female").CheckAsync();
        await page.Field("case-diagnosis").FillAsync("Neuroblastoma, high risk");
        await page.Field("case-morphology").FillAsync("9500/3");
        await page.Field("case-topography").FillAsync("C74.9");
        await page.Field("case-history").FillAsync("Diagnosed on 12/03/2015 at UZ Leuven. Mother Anna called from 0475/12.34.56.");
        await page.Field("case-question").FillAsync("Is the patient eligible for an early-phase ALK inhibitor trial?");
        await page.Field("case-option-label-0").FillAsync("Lorlatinib within trial");
        await page.Field("case-option-trial-0").FillAsync("NCT03107988");
        await page.Field("case-local-reference").FillAsync("EPD 55-1234 (UZL)");
        await page.GetByTestId("case-save").ClickAsync();

        var findings = page.GetByTestId("findings-history");
        await Assertions.Expect(findings).ToContainTextAsync("Full date");
        await Assertions.Expect(findings).ToContainTextAsync("Use month and year: 03/2015");
        await Assertions.Expect(findings).ToContainTextAsync("Phone number");
        await Assertions.Expect(findings).ToContainTextAsync("Personal name");
        await Assertions.Expect(findings.Locator("mark").First).ToHaveTextAsync("12/03/2015");
        await Assertions.Expect(page.GetByTestId("case-iccc3")).ToContainTextAsync("IVa");
        await page.ScreenshotAsync("case-form-findings");

        await page.Field("case-history").FillAsync("Diagnosed in 03/2015. Relapse in the bone marrow in 09/2026 after induction and ASCT.");
        await page.Field("case-consent").CheckAsync();
        await page.GetByTestId("case-submit").ClickAsync();

        await Assertions.Expect(page.GetByTestId("case-code")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^BSPHO-\d{4}-\d{4}$"));
        await Assertions.Expect(page.GetByTestId("case-status")).ToHaveTextAsync("Submitted");
        await Assertions.Expect(page.GetByTestId("case-local-reference")).ToHaveTextAsync("EPD 55-1234 (UZL)");
        var code = await page.GetByTestId("case-code").TextContentAsync();
        var url = page.Url;
        await page.ScreenshotAsync("case-submitted");

        var other = await browser.NewPageAsync(app.App.BaseAddress);
        await other.SignInAsync("clinician.cusl@demo.tumourboard.be");
        await other.GotoAsync("Preferences/Culture?culture=en-BE&returnUrl=%2Fcases");
        await other.WaitForInteractiveAsync();
        await Assertions.Expect(other.GetByTestId("case-table")).ToContainTextAsync(code!);
        await other.GotoAsync(url);
        await other.WaitForInteractiveAsync();
        await Assertions.Expect(other.GetByTestId("case-question")).ToContainTextAsync("ALK inhibitor");
        await Assertions.Expect(other.GetByTestId("case-local-reference")).ToHaveCountAsync(0);
        await Assertions.Expect(other.Locator("body")).Not.ToContainTextAsync("EPD 55-1234");
    }
}
