using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace TumourBoard.Benchmarks.LiveVoting;

internal sealed record BenchmarkMeeting(int Id, IReadOnlyList<int> ItemIds);

// What the coordinator (and a clinician, who submits the cases) do through the REST API to prepare and chair the
// benchmark's meeting, with the demo accounts' tokens.
internal sealed class CoordinatorApi : IDisposable
{
    private readonly HttpClient _coordinator;
    private readonly HttpClient _clinician;

    public CoordinatorApi(Uri baseAddress)
    {
        _coordinator = Client(baseAddress, "demo-coordinator");
        _clinician = Client(baseAddress, "demo-clinician.uzl");
    }

    /// <summary>A started meeting whose agenda holds that many submitted cases of three options each, the first current.</summary>
    public async Task<BenchmarkMeeting> PrepareMeetingAsync(int cases, CancellationToken ct)
    {
        string[] diagnoses = ["Neuroblastoma, high risk", "Medulloblastoma, SHH", "Ewing sarcoma, pelvic", "Wilms tumour, bilateral", "Hepatoblastoma, PRETEXT IV"];
        var caseIds = new List<int>();
        for (var i = 0; i < cases; i++)
            caseIds.Add(await SubmittedCaseAsync($"{diagnoses[i % diagnoses.Length]}, relapse", ct));
        var meeting = await SendAsync(_coordinator, HttpMethod.Post, "api/v1/meetings", new
        {
            startsAt = DateTimeOffset.UtcNow.AddDays(3).ToString("O", CultureInfo.InvariantCulture),
            durationMinutes = 90,
            title = "Live voting benchmark",
        }, ct);
        var meetingId = meeting.GetProperty("id").GetInt32();
        var itemIds = new List<int>();
        foreach (var caseId in caseIds)
            itemIds.Add((await SendAsync(_coordinator, HttpMethod.Post, $"api/v1/meetings/{meetingId}/items", new { caseId }, ct)).GetProperty("id").GetInt32());
        await SendAsync(_coordinator, HttpMethod.Post, $"api/v1/meetings/{meetingId}/publish", null, ct);
        await SendAsync(_coordinator, HttpMethod.Post, $"api/v1/meetings/{meetingId}/start", null, ct);
        return new BenchmarkMeeting(meetingId, itemIds);
    }

    /// <summary>The ids of the options of an item's case, as the room shows them.</summary>
    public async Task<int[]> OptionsAsync(int meetingId, int itemId, CancellationToken ct)
    {
        var room = await SendAsync(_coordinator, HttpMethod.Get, $"api/v1/meetings/{meetingId}/room?itemId={itemId}", null, ct);
        return [.. room.GetProperty("viewedCase").GetProperty("options").EnumerateArray().Select(o => o.GetProperty("id").GetInt32())];
    }

    public Task MoveToAsync(int meetingId, int itemId, CancellationToken ct) =>
        SendAsync(_coordinator, HttpMethod.Put, $"api/v1/meetings/{meetingId}/current", new { itemId }, ct);

    public Task OpenVotingAsync(int meetingId, int itemId, CancellationToken ct) =>
        SendAsync(_coordinator, HttpMethod.Post, $"api/v1/meetings/{meetingId}/items/{itemId}/voting/open", null, ct);

    /// <summary>Closes the vote; the answer is the final tally, counts included.</summary>
    public Task<JsonElement> CloseVotingAsync(int meetingId, int itemId, CancellationToken ct) =>
        SendAsync(_coordinator, HttpMethod.Post, $"api/v1/meetings/{meetingId}/items/{itemId}/voting/close", null, ct);

    public void Dispose()
    {
        _coordinator.Dispose();
        _clinician.Dispose();
    }

    private async Task<int> SubmittedCaseAsync(string diagnosis, CancellationToken ct)
    {
        var created = await SendAsync(_clinician, HttpMethod.Post, "api/v1/cases", new
        {
            ageYears = 9,
            sex = "Female",
            diagnosisLabel = diagnosis,
            diseaseStatus = "Relapse",
            question = "Which second-line treatment does the board recommend?",
            options = new[] { new { label = "Chemotherapy per protocol" }, new { label = "Early-phase trial" }, new { label = "Palliative care" } },
            consentConfirmed = true,
        }, ct);
        var caseId = created.GetProperty("id").GetInt32();
        await SendAsync(_clinician, HttpMethod.Post, $"api/v1/cases/{caseId}/submit", null, ct);
        return caseId;
    }

    /// <summary>Sends one call and returns its JSON answer (default for an empty one); any other status than success throws.</summary>
    public static async Task<JsonElement> SendAsync(HttpClient client, HttpMethod method, string path, object? body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (body is not null)
            request.Content = JsonContent.Create(body);
        using var response = await client.SendAsync(request, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"{method} {path} answered {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>A client that calls the API with a personal access token.</summary>
    public static HttpClient Client(Uri baseAddress, string token)
    {
        var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
