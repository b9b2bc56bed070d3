using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using TumourBoard.Web.Tests.Infrastructure;

namespace TumourBoard.EndToEnd.Tests;

public sealed class AgendaTests(BrowserFixture browser, DemoAppFixture app) : IClassFixture<DemoAppFixture>
{
    private async Task<string> SubmittedCaseAsync(string token, string label)
    {
        using var client = new HttpClient { BaseAddress = app.App.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var created = await client.PostAsJsonAsync("api/v1/cases", new
        {
            ageYears = 10, sex = "Male", diagnosisLabel = label, diseaseStatus = "Relapse", question = "Next line of treatment?",
            options = new[] { new { label = "Chemotherapy" }, new { label = "Phase I/II trial" } }, consentConfirmed = true,
        });
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        await client.PostAsync($"api/v1/cases/{body.GetProperty("id").GetInt32()}/submit", null);
        return body.GetProperty("code").GetString()!;
    }

    private async Task<int> NextWeeklyMeetingAsync()
    {
        using var client = new HttpClient { BaseAddress = app.App.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "demo-coordinator");
        var meetings = await client.GetFromJsonAsync<JsonElement>("api/v1/meetings");
        return meetings.EnumerateArray().First(m => m.GetProperty("kind").GetString() == "Weekly" && m.GetProperty("status").GetString() == "Planned"
            && m.GetProperty("startsAt").GetDateTime() > DateTime.UtcNow).GetProperty("id").GetInt32();
    }

    private async Task<IPage> SignedInAsync(string email, string path)
    {
        var page = await browser.NewPageAsync(app.App.BaseAddress);
        await page.SignInAsync(email);
        await page.GotoAsync($"Preferences/Culture?culture=en-BE&returnUrl={Uri.EscapeDataString("/" + path)}");
        await page.WaitForInteractiveAsync();
        return page;
    }

    [Fact]
    public async Task DataManager_BuildsAndCoordinatorPublishes_ClinicianSeesTheAgendaWithTimes()
    {
        var first = await SubmittedCaseAsync("demo-clinician.uzl", "Neuroblastoma, relapse");
        var second = await SubmittedCaseAsync("demo-clinician.cusl", "Rhabdomyosarcoma, relapse");
        var third = await SubmittedCaseAsync("demo-clinician.uzg", "AML, refractory");
        var meetingId = await NextWeeklyMeetingAsync();

        var dm = await SignedInAsync("datamanager.uzb@demo.tumourboard.be", $"meetings/{meetingId}");
        var watcher = await SignedInAsync("datamanager.huderf@demo.tumourboard.be", $"meetings/{meetingId}");

        await dm.GetByTestId($"add-{first}").ClickAsync();
        await Assertions.Expect(dm.GetByTestId($"item-{first}")).ToBeVisibleAsync();
        await dm.GetByTestId($"add-{second}").ClickAsync();
        await Assertions.Expect(dm.GetByTestId($"item-{second}")).ToBeVisibleAsync();
        // The third goes on by drag and drop, onto the top of the agenda.
        await dm.GetByTestId($"available-{third}").DragToAsync(dm.GetByTestId($"item-{first}"));
        await Assertions.Expect(dm.GetByTestId($"item-{third}")).ToBeVisibleAsync();
        await dm.GetByTestId($"up-{second}").ClickAsync();
        await Assertions.Expect(watcher.GetByTestId($"item-{third}")).ToBeVisibleAsync();
        await dm.ScreenshotAsync("agenda-editor");

        var coordinator = await SignedInAsync("coordinator@demo.tumourboard.be", $"meetings/{meetingId}");
        await coordinator.GetByTestId("agenda-publish").ClickAsync();
        await Assertions.Expect(coordinator.GetByTestId("meeting-status")).ToHaveTextAsync("Agenda published");

        var clinician = await SignedInAsync("clinician.suhopl@demo.tumourboard.be", $"meetings/{meetingId}");
        var table = clinician.GetByTestId("agenda-table");
        foreach (var code in new[] { first, second, third })
            await Assertions.Expect(table).ToContainTextAsync(code);
        await Assertions.Expect(clinician.GetByTestId($"start-{first}")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d{1,2}:\d{2}"));
        await clinician.ScreenshotAsync("agenda-published");
        var download = await clinician.RunAndWaitForDownloadAsync(() => clinician.GetByTestId("meeting-ics").ClickAsync());
        Assert.EndsWith(".ics", download.SuggestedFilename);
    }
}
