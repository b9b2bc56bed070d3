using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using TumourBoard.Web.Tests.Infrastructure;

namespace TumourBoard.EndToEnd.Tests;

public sealed class TrialCatalogueTests(BrowserFixture browser, DemoAppFixture app) : IClassFixture<DemoAppFixture>
{
    private async Task<IPage> SignedInAsync(string email)
    {
        var page = await browser.NewPageAsync(app.App.BaseAddress);
        await page.SignInAsync(email);
        // Demo centre accounts start in their centre's language; these tests read English.
        await page.GotoAsync("Preferences/Culture?culture=en-BE&returnUrl=%2F");
        await page.WaitForInteractiveAsync();
        return page;
    }

    private static async Task ChooseAsync(IPage page, string selectTestId, params string[] items)
    {
        await page.GetByTestId(selectTestId).ClickAsync();
        foreach (var item in items)
            await page.Locator(".mud-popover-open .mud-list-item").Filter(new LocatorFilterOptions { HasText = item }).First.ClickAsync();
        await page.Keyboard.PressAsync("Escape");
    }

    [Fact]
    public async Task Coordinator_IsToldEachProblemInline_ThenAddsATrial_ThatTheCatalogueLists_AndExports()
    {
        var page = await SignedInAsync("coordinator@demo.tumourboard.be");
        await page.GotoAsync("trials");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.GetByTestId("trial-table")).ToContainTextAsync("NCT04567890");
        await page.ScreenshotAsync("trials-catalogue");

        await page.GetByTestId("trial-new").ClickAsync();
        await page.WaitForInteractiveAsync();
        await page.Field("trial-euct").FillAsync("2024-51234-18-00");
        await page.Field("trial-title").FillAsync("Dual ALK and MDM2 inhibition in relapsed neuroblastoma");
        await page.Field("trial-min-years").FillAsync("12");
        await page.Field("trial-max-years").FillAsync("2");
        await page.GetByTestId("trial-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("form-error")).ToContainTextAsync("Correct the fields marked in red");
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("Not an EU CT number such as 2023-503456-21-00.");
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("The upper age is below the lower age.");
        await page.ScreenshotAsync("trial-form-problems");

        await page.Field("trial-euct").FillAsync("2024-512349-18-00");
        await page.Field("trial-min-years").FillAsync("1");
        await page.Field("trial-max-years").FillAsync("21");
        await ChooseAsync(page, "trial-phase", "I/II");
        await ChooseAsync(page, "trial-iccc3", "IVa Neuroblastoma");
        await page.Field("trial-markers").FillAsync("ALK, MDM2 amplification");
        await ChooseAsync(page, "trial-sites", "UZG", "HUDERF");
        await page.Field("trial-contact").FillAsync("Demo trial office, +32 9 000 00 00");
        await page.GetByTestId("trial-save").ClickAsync();

        await Assertions.Expect(page.GetByTestId("trial-title")).ToHaveTextAsync("Dual ALK and MDM2 inhibition in relapsed neuroblastoma");
        await Assertions.Expect(page.GetByTestId("trial-euct")).ToHaveTextAsync("2024-512349-18-00");
        await page.ScreenshotAsync("trial-details");

        await page.GotoAsync("trials");
        await page.WaitForInteractiveAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("trials-export").ClickAsync());
        var bytes = await File.ReadAllBytesAsync(await download.PathAsync());
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        Assert.Contains("2024-512349-18-00;;Dual ALK and MDM2 inhibition in relapsed neuroblastoma;I/II;Open;1;0;21;0;IVa;;\"ALK, MDM2 amplification\";\"HUDERF, UZG\";",
            System.Text.Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Clinician_SeesTheTrialsACaseMatches_WithWhy_AndTheBoardsReferralLinkedToTheCatalogue()
    {
        var caseId = await app.App.WithDbAsync(db => db.Cases.Where(c => c.DiagnosisLabel.StartsWith("Osteosarcoma of the distal femur")).Select(c => c.Id).SingleAsync());
        var page = await SignedInAsync("clinician.uzl@demo.tumourboard.be");

        await page.GotoAsync($"cases/{caseId}");
        await page.WaitForInteractiveAsync();

        var matches = page.GetByTestId("case-trials");
        await Assertions.Expect(matches).ToContainTextAsync("Maintenance with a multi-kinase inhibitor after complete resection of relapsed osteosarcoma");
        await Assertions.Expect(matches).ToContainTextAsync("Age 14 y 3 m within 6 y to 29 y 11 m");
        await Assertions.Expect(matches).ToContainTextAsync("Morphology 9180/3");
        await Assertions.Expect(matches).ToContainTextAsync("Markers to check: NTRK fusion");
        var referral = page.GetByTestId("case-referral");
        await Assertions.Expect(referral).ToContainTextAsync("NCT04567890");
        await page.ScreenshotAsync("case-matching-trials");

        await Assertions.Expect(page.GetByTestId("option-trial-link")).ToHaveTextAsync("NCT04567890");
        await referral.GetByRole(AriaRole.Link).First.ClickAsync();
        await Assertions.Expect(page.GetByTestId("trial-nct")).ToHaveTextAsync("NCT04567890");
    }

    [Fact]
    public async Task MeetingRoom_ShowsTheTrialsTheCurrentCaseMayFit()
    {
        using var clinician = app.App.ApiClient("demo-clinician.uzl");
        using var coordinator = app.App.ApiClient("demo-coordinator");
        var created = await clinician.PostAsJsonAsync("api/v1/cases", new
        {
            ageYears = 7, ageMonths = 0, sex = "Female", diagnosisLabel = "Alveolar rhabdomyosarcoma, relapse", morphology = "8920/3", topography = "C49.2",
            diseaseStatus = "Relapse", markerTags = new[] { "PAX3::FOXO1" }, question = "Which relapse treatment?",
            options = new[] { new { label = "Relapse chemotherapy" }, new { label = "WEE1 inhibitor trial" } }, consentConfirmed = true,
        });
        var caseId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await clinician.PostAsync($"api/v1/cases/{caseId}/submit", null)).StatusCode);
        var meeting = await (await coordinator.PostAsJsonAsync("api/v1/meetings", new { startsAt = DateTimeOffset.UtcNow.AddDays(3), durationMinutes = 60, title = "Soft tissue sarcoma board" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var meetingId = meeting.GetProperty("id").GetInt32();
        await coordinator.PostAsJsonAsync($"api/v1/meetings/{meetingId}/items", new { caseId });
        Assert.Equal(HttpStatusCode.OK, (await coordinator.PostAsync($"api/v1/meetings/{meetingId}/publish", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await coordinator.PostAsync($"api/v1/meetings/{meetingId}/start", null)).StatusCode);
        var page = await SignedInAsync("clinician.cusl@demo.tumourboard.be");

        await page.GotoAsync($"meetings/{meetingId}/room");
        await page.WaitForInteractiveAsync();

        await Assertions.Expect(page.GetByTestId("room-markers")).ToContainTextAsync("PAX3::FOXO1");
        var trials = page.GetByTestId("room-trials");
        await Assertions.Expect(trials).ToContainTextAsync("Vinorelbine with a WEE1 inhibitor in relapsed or refractory rhabdomyosarcoma");
        await Assertions.Expect(trials).ToContainTextAsync("ICCC-3 IXa Rhabdomyosarcomas");
        await page.ScreenshotAsync("room-matching-trials");

        // The chair refers the case to the matching trial the room lists.
        var itemId = (await (await coordinator.GetAsync($"api/v1/meetings/{meetingId}")).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items")[0].GetProperty("id").GetInt32();
        await coordinator.PostAsync($"api/v1/meetings/{meetingId}/items/{itemId}/voting/open", null);
        await coordinator.PostAsync($"api/v1/meetings/{meetingId}/items/{itemId}/voting/close", null);
        var chair = await SignedInAsync("coordinator@demo.tumourboard.be");
        await chair.GotoAsync($"meetings/{meetingId}/room");
        await chair.WaitForInteractiveAsync();
        await chair.Field("recommendation-text").FillAsync("Enrol in the WEE1 inhibitor trial");
        await chair.Field("recommendation-trial").FillAsync("NCT-unknown");
        await chair.Field("recommendation-rationale").FillAsync("Relapse within the trial's age range; the WEE1 cohort is open in Leuven.");
        await chair.GetByTestId("recommendation-save").ClickAsync();
        await Assertions.Expect(chair.GetByTestId("recommendation-form")).ToContainTextAsync("Not a valid EU CT");
        await chair.GetByTestId("recommendation-trial-choice").Filter(new LocatorFilterOptions { HasText = "2024-512345-18-00" }).ClickAsync();
        await chair.GetByTestId("recommendation-save").ClickAsync();

        await Assertions.Expect(chair.GetByTestId("room-referral")).ToContainTextAsync("2024-512345-18-00");
        await Assertions.Expect(page.GetByTestId("room-referral")).ToContainTextAsync("2024-512345-18-00");
    }

    [Fact]
    public async Task Clinician_AddsMarkerTagsToACase_AndTheMatchesFollowThem()
    {
        using var clinician = app.App.ApiClient("demo-clinician.uzg");
        var created = await clinician.PostAsJsonAsync("api/v1/cases", new
        {
            ageYears = 3, ageMonths = 7, sex = "Male", diagnosisLabel = "Neuroblastoma, refractory", morphology = "9500/3", topography = "C74.9",
            diseaseStatus = "Refractory", question = "Which second-line treatment?", options = new[] { new { label = "Chemotherapy" } }, consentConfirmed = true,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var caseId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var page = await SignedInAsync("clinician.uzg@demo.tumourboard.be");

        await page.GotoAsync($"cases/{caseId}/edit");
        await page.WaitForInteractiveAsync();
        await page.Field("case-marker-tags").FillAsync("ALK, MYCN amplification");
        await page.GetByTestId("case-save").ClickAsync();

        await Assertions.Expect(page.GetByTestId("case-marker-tags")).ToContainTextAsync("MYCN amplification");
        var matches = page.GetByTestId("case-trials");
        await Assertions.Expect(matches).ToContainTextAsync("ALK inhibitor with chemotherapy in ALK-aberrant relapsed neuroblastoma");
        await Assertions.Expect(matches).ToContainTextAsync("Markers ALK");
        await Assertions.Expect(matches).Not.ToContainTextAsync("TRK inhibitor");
    }
}
