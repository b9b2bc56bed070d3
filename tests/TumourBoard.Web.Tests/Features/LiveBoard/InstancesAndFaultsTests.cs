using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using TumourBoard.Domain.Cases;
using TumourBoard.Web.Tests.Infrastructure;

namespace TumourBoard.Web.Tests.Features.LiveBoard;

/// <summary>Helpers to set up a meeting with voting open on any running instance.</summary>
internal static class Rooms
{
    public static HttpClient As(TumourBoardApp app, string token) => app.ApiClient(token);

    public static async Task<(int MeetingId, int ItemId, int[] Options)> OpenVoteAsync(TumourBoardApp app)
    {
        var (meetingId, itemIds, options) = await OpenVoteOnFirstCaseAsync(app, cases: 1);
        return (meetingId, itemIds[0], options);
    }

    /// <summary>A started meeting of that many cases, the first current with voting open; the options are the first case's.</summary>
    public static async Task<(int MeetingId, int[] ItemIds, int[] Options)> OpenVoteOnFirstCaseAsync(TumourBoardApp app, int cases)
    {
        using var clinician = As(app, "demo-clinician.uzl");
        var caseIds = new List<int>();
        for (var i = 0; i < cases; i++)
        {
            var created = await (await clinician.PostAsJsonAsync("api/v1/cases", new
            {
                ageYears = 4 + i, sex = "Male", diagnosisLabel = "Wilms tumour, relapse", diseaseStatus = "Relapse", question = "ICE or trial?",
                options = new[] { new { label = "ICE" }, new { label = "Trial" } }, consentConfirmed = true,
            })).Content.ReadFromJsonAsync<JsonElement>();
            caseIds.Add(created.GetProperty("id").GetInt32());
            await clinician.PostAsync($"api/v1/cases/{caseIds[^1]}/submit", null);
        }
        using var coordinator = As(app, "demo-coordinator");
        var meetingId = (await (await coordinator.PostAsJsonAsync("api/v1/meetings", new { startsAt = DateTimeOffset.UtcNow.AddDays(2).ToString("O") }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var itemIds = new List<int>();
        foreach (var caseId in caseIds)
            itemIds.Add((await (await coordinator.PostAsJsonAsync($"api/v1/meetings/{meetingId}/items", new { caseId })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32());
        await coordinator.PostAsync($"api/v1/meetings/{meetingId}/publish", null);
        await coordinator.PostAsync($"api/v1/meetings/{meetingId}/start", null);
        Assert.Equal(HttpStatusCode.NoContent, (await coordinator.PostAsync($"api/v1/meetings/{meetingId}/items/{itemIds[0]}/voting/open", null)).StatusCode);
        var firstCase = caseIds[0];
        var options = await app.WithDbAsync(db => db.Set<TreatmentOption>().Where(o => EF.Property<int>(o, "CaseId") == firstCase).OrderBy(o => o.Position).Select(o => o.Id).ToArrayAsync());
        return (meetingId, [.. itemIds], options);
    }
}

public sealed class TwoInstancesTests(PostgresCluster cluster) : IAsyncLifetime
{
    private TumourBoardApp _first = default!;
    private TumourBoardApp _second = default!;

    public async ValueTask InitializeAsync()
    {
        var connectionString = await cluster.CreateDatabaseAsync();
        _first = new TumourBoardApp(connectionString);
        _first.StartServer();
        _second = new TumourBoardApp(connectionString);
        _second.StartServer();
    }

    public async ValueTask DisposeAsync()
    {
        await _second.DisposeAsync();
        await _first.DisposeAsync();
    }

    [Fact]
    public async Task VoteOnOneInstance_ReachesHubClientsOfTheOther()
    {
        var (meetingId, itemId, options) = await Rooms.OpenVoteAsync(_first);
        await using var watcher = new HubConnectionBuilder()
            .WithUrl(new Uri(_second.BaseAddress, "hubs/meeting"), o =>
            {
                o.AccessTokenProvider = () => Task.FromResult<string?>("demo-observer");
                o.Transports = HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
            }).Build();
        var tally = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        watcher.On<JsonElement>("TallyChanged", e => tally.TrySetResult(e));
        await watcher.StartAsync();
        await watcher.InvokeAsync<JsonElement>("JoinMeeting", meetingId);

        using var voter = Rooms.As(_first, "demo-clinician.uzg");
        var cast = await voter.PutAsJsonAsync($"api/v1/meetings/{meetingId}/items/{itemId}/vote", new { optionId = options[1] });
        var received = await tally.Task.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(HttpStatusCode.OK, cast.StatusCode);
        Assert.Equal(1, received.GetProperty("state").GetProperty("votesCast").GetInt32());
        var seenBySecond = await Rooms.As(_second, "demo-observer").GetFromJsonAsync<JsonElement>($"api/v1/meetings/{meetingId}/room");
        Assert.Contains(seenBySecond.GetProperty("present").EnumerateArray(), p => p.GetProperty("name").GetString() == "Clinician UZG");
    }
}
