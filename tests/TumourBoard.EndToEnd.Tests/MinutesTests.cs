using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Playwright;
using TumourBoard.Web.Tests.Infrastructure;

namespace TumourBoard.EndToEnd.Tests;

public sealed class MinutesTests(BrowserFixture browser, DemoAppFixture app) : IClassFixture<DemoAppFixture>
{
    private HttpClient As(string token) => app.App.ApiClient(token);

    /// <summary>A meeting held through the API and closed: two cases voted on and recommended.</summary>
    private async Task<(int MeetingId, string[] Codes)> ClosedMeetingAsync()
    {
        using var clinician = As("demo-clinician.uzl");
        using var cusl = As("demo-clinician.cusl");
        using var coordinator = As("demo-coordinator");
        var meeting = await (await coordinator.PostAsJsonAsync("api/v1/meetings", new { startsAt = DateTimeOffset.UtcNow.AddDays(2), durationMinutes = 60, title = "Sarcoma board" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var meetingId = meeting.GetProperty("id").GetInt32();
        var items = new List<(int ItemId, string Code, int[] Options)>();
        foreach (var question in new[] { "Metastasectomy alone or with a trial?", "Second-line chemotherapy or radiotherapy first?" })
        {
            var created = await (await clinician.PostAsJsonAsync("api/v1/cases", new
            {
                ageYears = 14, ageMonths = 2, sex = "Male", diagnosisLabel = "Osteosarcoma, pulmonary relapse", diseaseStatus = "Relapse",
                question, options = new[] { new { label = "Standard treatment" }, new { label = "Standard treatment within a trial" } }, consentConfirmed = true,
            })).Content.ReadFromJsonAsync<JsonElement>();
            var caseId = created.GetProperty("id").GetInt32();
            await clinician.PostAsync($"api/v1/cases/{caseId}/submit", null);
            var item = await (await coordinator.PostAsJsonAsync($"api/v1/meetings/{meetingId}/items", new { caseId })).Content.ReadFromJsonAsync<JsonElement>();
            var details = await (await clinician.GetAsync($"api/v1/cases/{caseId}")).Content.ReadFromJsonAsync<JsonElement>();
            var options = details.GetProperty("options").EnumerateArray().Select(o => o.GetProperty("id").GetInt32()).ToArray();
            items.Add((item.GetProperty("id").GetInt32(), created.GetProperty("code").GetString()!, options));
        }
        Assert.Equal(HttpStatusCode.OK, (await coordinator.PostAsync($"api/v1/meetings/{meetingId}/publish", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await coordinator.PostAsync($"api/v1/meetings/{meetingId}/start", null)).StatusCode);
        foreach (var (itemId, _, optionIds) in items)
        {
            await coordinator.PutAsJsonAsync($"api/v1/meetings/{meetingId}/current", new { itemId });
            await coordinator.PostAsync($"api/v1/meetings/{meetingId}/items/{itemId}/voting/open", null);
            Assert.Equal(HttpStatusCode.OK, (await clinician.PutAsJsonAsync($"api/v1/meetings/{meetingId}/items/{itemId}/vote", new { optionId = optionIds[1] })).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await cusl.PutAsJsonAsync($"api/v1/meetings/{meetingId}/items/{itemId}/vote", new { optionId = optionIds[1] })).StatusCode);
            await coordinator.PostAsync($"api/v1/meetings/{meetingId}/items/{itemId}/voting/close", null);
            Assert.Equal(HttpStatusCode.NoContent, (await coordinator.PostAsJsonAsync($"api/v1/meetings/{meetingId}/items/{itemId}/recommendation",
                new { optionId = optionIds[1], rationale = "Both centres favour the trial for eligible patients", consensus = "Unanimous" })).StatusCode);
        }
        Assert.Equal(HttpStatusCode.NoContent, (await coordinator.PostAsync($"api/v1/meetings/{meetingId}/close", null)).StatusCode);
        return (meetingId, items.Select(i => i.Code).ToArray());
    }

    /// <summary>The input or text area of a field inside one case's card.</summary>
    private static ILocator Field(ILocator scope, string testId) =>
        scope.Locator($"input[data-testid='{testId}'], textarea[data-testid='{testId}'], [data-testid='{testId}'] input, [data-testid='{testId}'] textarea").First;

    private static string Sha256Of(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    [Fact]
    public async Task Coordinator_WritesAndFinalisesTheMinutes_TheDownloadedPdfIsVerifiedAsVersion1_AndATamperedCopyIsNot()
    {
        var (meetingId, codes) = await ClosedMeetingAsync();
        var page = await browser.NewPageAsync(app.App.BaseAddress);
        await page.SignInAsync("coordinator@demo.tumourboard.be");
        await page.GotoAsync($"Preferences/Culture?culture=en-BE&returnUrl={Uri.EscapeDataString($"/meetings/{meetingId}/minutes")}");
        await page.WaitForInteractiveAsync();

        var card = page.GetByTestId($"minutes-case-{codes[0]}");
        await Assertions.Expect(card.GetByTestId("winning-option")).ToContainTextAsync("Standard treatment within a trial");
        await Field(card, "narrative-summary").FillAsync("The board weighed the trial's eligibility window against the surgical delay.");
        await card.GetByTestId("follow-up-add").ClickAsync();
        await Field(card, "follow-up-action-0").FillAsync("Send the trial's screening form");
        await Field(card, "follow-up-owner-0").FillAsync("UZL data manager");
        await Field(card, "follow-up-due-0").FillAsync("15/01/2027");
        await Field(card, "follow-up-due-0").PressAsync("Tab");
        await card.GetByTestId("narrative-save").ClickAsync();
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync($"The discussion of {codes[0]} is saved.");
        await Assertions.Expect(card.GetByTestId("narrative-unsaved")).ToHaveCountAsync(0);
        await page.ScreenshotAsync("minutes-draft");

        await page.GetByTestId("minutes-finalise").ClickAsync();
        await Assertions.Expect(page.GetByTestId("finalise-dialog")).ToContainTextAsync("freezes the minutes");
        await page.GetByTestId("finalise-confirm").ClickAsync();
        await Assertions.Expect(page.GetByTestId("minutes-status")).ToHaveTextAsync("Finalised · version 1");
        await Assertions.Expect(card.GetByTestId("narrative-summary-text")).ToContainTextAsync("eligibility window");
        await Assertions.Expect(card).ToContainTextAsync("UZL data manager");
        await Assertions.Expect(page.GetByTestId("minutes-finalise")).ToHaveCountAsync(0);

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("minutes-export").ClickAsync());
        var pdf = await File.ReadAllBytesAsync(await download.PathAsync());
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(pdf, 0, 5));
        var sha = Sha256Of(pdf);
        await page.GetByTestId("version-sha-1").HoverAsync();
        await Assertions.Expect(page.Locator(".mud-tooltip.mud-popover-open")).ToHaveTextAsync(sha);
        await page.ScreenshotAsync("minutes-finalised");

        // The meeting's own page offers the same file.
        await page.GotoAsync($"meetings/{meetingId}");
        await page.WaitForInteractiveAsync();
        var fromMeeting = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("meeting-minutes-pdf").ClickAsync());
        Assert.Equal(sha, Sha256Of(await File.ReadAllBytesAsync(await fromMeeting.PathAsync())));
        await page.ScreenshotAsync("meeting-minutes-finalised");

        await page.GotoAsync("minutes/verify");
        await page.WaitForInteractiveAsync();
        await page.Locator("input[type=file]").Last.SetInputFilesAsync(new FilePayload { Name = download.SuggestedFilename, MimeType = "application/pdf", Buffer = pdf });
        await Assertions.Expect(page.GetByTestId("verify-match")).ToContainTextAsync("This is version 1 of the minutes of the meeting of");
        await Assertions.Expect(page.GetByTestId("verify-latest")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("verify-sha")).ToHaveTextAsync(sha);
        await page.ScreenshotAsync("minutes-verified");

        var tampered = (byte[])pdf.Clone();
        tampered[tampered.Length / 2] ^= 1;
        await page.Locator("input[type=file]").Last.SetInputFilesAsync(new FilePayload { Name = "minutes-edited.pdf", MimeType = "application/pdf", Buffer = tampered });
        await Assertions.Expect(page.GetByTestId("verify-no-match")).ToContainTextAsync("Not a finalised version");
        await Assertions.Expect(page.GetByTestId("verify-sha")).ToHaveTextAsync(Sha256Of(tampered));
        await page.ScreenshotAsync("minutes-not-verified");
    }
}
