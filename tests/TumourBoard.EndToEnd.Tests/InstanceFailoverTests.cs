using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using TumourBoard.Web.Tests.Infrastructure;

namespace TumourBoard.EndToEnd.Tests;

/// <summary>
/// A clinician follows the meeting room in Chromium through a small balancer, on an instance that is then killed. The
/// balancer sends the browser to the live instance: Blazor's reconnection is refused there (the circuit died with its
/// instance), the page reloads, the sign-in cookie is accepted (shared Data Protection keys) and the room shows the
/// current case, the tally with the votes cast meanwhile, and the clinician among those present.
/// </summary>
public sealed class InstanceFailoverTests(BrowserFixture browser, PostgresCluster cluster) : IAsyncLifetime
{
    private InstancePair _pair = default!;

    private TumourBoardApp Live => _pair.Live;

    public async ValueTask InitializeAsync() => _pair = await InstancePair.StartAsync(cluster);

    public async ValueTask DisposeAsync() => await _pair.DisposeAsync();

    [Fact]
    public async Task RoomPage_OnAKilledInstance_ReloadsOnTheLiveOne_WithTheCurrentCase_TheTally_AndPresence()
    {
        var (meetingId, itemId, options) = await OpenVoteAsync();
        var page = await browser.NewPageAsync(_pair.Balancer.BaseAddress);
        await page.SignInAsync("clinician.cusl@demo.tumourboard.be");
        await page.GotoAsync($"Preferences/Culture?culture=en-BE&returnUrl={Uri.EscapeDataString($"/meetings/{meetingId}/room")}");
        await page.WaitForInteractiveAsync();
        await page.GetByTestId("vote-1").ClickAsync();
        await Assertions.Expect(page.GetByTestId("tally")).ToContainTextAsync("1 votes cast");

        _pair.KillDoomedAndFailOver();
        using (var uzg = Live.ApiClient("demo-clinician.uzg"))
            (await uzg.PutAsJsonAsync($"api/v1/meetings/{meetingId}/items/{itemId}/vote", new { optionId = options[1] })).EnsureSuccessStatusCode();

        // The reloaded page comes from the live instance: the vote cast there and the clinician's own are both counted.
        await Assertions.Expect(page.GetByTestId("tally")).ToContainTextAsync("2 votes cast", new() { Timeout = 45_000 });
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.GetByTestId("room-case")).ToContainTextAsync("ICE or trial?");
        await Assertions.Expect(page.GetByTestId("vote-1")).ToHaveTextAsync("Your vote");
        await Assertions.Expect(page.GetByTestId("room-presence")).ToContainTextAsync("Clinician CUSL");
        await Assertions.Expect(page.GetByTestId("room-presence")).ToContainTextAsync("Clinician UZG");
        await page.ScreenshotAsync("room-after-failover");
    }

    private async Task<(int MeetingId, int ItemId, int[] Options)> OpenVoteAsync()
    {
        using var clinician = Live.ApiClient("demo-clinician.uzl");
        var created = await (await clinician.PostAsJsonAsync("api/v1/cases", new
        {
            ageYears = 7, sex = "Female", diagnosisLabel = "Neuroblastoma, relapse", diseaseStatus = "Relapse", question = "ICE or trial?",
            options = new[] { new { label = "ICE" }, new { label = "Trial" } }, consentConfirmed = true,
        })).Content.ReadFromJsonAsync<JsonElement>();
        var caseId = created.GetProperty("id").GetInt32();
        await clinician.PostAsync($"api/v1/cases/{caseId}/submit", null);
        using var coordinator = Live.ApiClient("demo-coordinator");
        var meetingId = (await (await coordinator.PostAsJsonAsync("api/v1/meetings", new { startsAt = DateTimeOffset.UtcNow.AddDays(1), durationMinutes = 30, title = "Failover board" }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var itemId = (await (await coordinator.PostAsJsonAsync($"api/v1/meetings/{meetingId}/items", new { caseId })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        await coordinator.PostAsync($"api/v1/meetings/{meetingId}/publish", null);
        await coordinator.PostAsync($"api/v1/meetings/{meetingId}/start", null);
        (await coordinator.PostAsync($"api/v1/meetings/{meetingId}/items/{itemId}/voting/open", null)).EnsureSuccessStatusCode();
        var room = await coordinator.GetFromJsonAsync<JsonElement>($"api/v1/meetings/{meetingId}/room");
        var options = room.GetProperty("viewedCase").GetProperty("options").EnumerateArray().Select(o => o.GetProperty("id").GetInt32()).ToArray();
        return (meetingId, itemId, options);
    }
}
