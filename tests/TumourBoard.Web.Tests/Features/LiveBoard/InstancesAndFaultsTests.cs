using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TumourBoard.Domain.Cases;
using TumourBoard.Web.Features.Realtime;
using TumourBoard.Web.Tests.Infrastructure;

namespace TumourBoard.Web.Tests.Features.LiveBoard;

/// <summary>Helpers to set up a meeting with voting open on any running instance.</summary>
internal static class Rooms
{
    public static HttpClient As(TumourBoardApp app, string token) => app.ApiClient(token);

    public static async Task<(int MeetingId, int ItemId, int[] Options)> OpenVoteAsync(TumourBoardApp app)
    {
        using var clinician = As(app, "demo-clinician.uzl");
        var created = await (await clinician.PostAsJsonAsync("api/v1/cases", new
        {
            ageYears = 4, sex = "Male", diagnosisLabel = "Wilms tumour, relapse", diseaseStatus = "Relapse", question = "ICE or trial?",
            options = new[] { new { label = "ICE" }, new { label = "Trial" } }, consentConfirmed = true,
        })).Content.ReadFromJsonAsync<JsonElement>();
        var caseId = created.GetProperty("id").GetInt32();
        await clinician.PostAsync($"api/v1/cases/{caseId}/submit", null);
        using var coordinator = As(app, "demo-coordinator");
        var meetingId = (await (await coordinator.PostAsJsonAsync("api/v1/meetings", new { startsAt = DateTimeOffset.UtcNow.AddDays(2).ToString("O") }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var itemId = (await (await coordinator.PostAsJsonAsync($"api/v1/meetings/{meetingId}/items", new { caseId })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        await coordinator.PostAsync($"api/v1/meetings/{meetingId}/publish", null);
        await coordinator.PostAsync($"api/v1/meetings/{meetingId}/start", null);
        Assert.Equal(HttpStatusCode.NoContent, (await coordinator.PostAsync($"api/v1/meetings/{meetingId}/items/{itemId}/voting/open", null)).StatusCode);
        var options = await app.WithDbAsync(db => db.Set<TreatmentOption>().Where(o => EF.Property<int>(o, "CaseId") == caseId).OrderBy(o => o.Position).Select(o => o.Id).ToArrayAsync());
        return (meetingId, itemId, options);
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

/// <summary>PostgreSQL stops during a vote: the API says so, recovers by itself, and no confirmed vote is lost.</summary>
public sealed class DatabaseRestartTests : IAsyncLifetime
{
    private readonly PostgresCluster _cluster = PostgresCluster.Durable();
    private TumourBoardApp _app = default!;

    public async ValueTask InitializeAsync()
    {
        await _cluster.InitializeAsync();
        _app = await TumourBoardApp.StartAsync(_cluster);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _cluster.DisposeAsync();
    }

    [Fact]
    public async Task DatabaseRestart_DuringAVote_IsReportedAndRecoveredWithoutLosingVotes()
    {
        var (meetingId, itemId, options) = await Rooms.OpenVoteAsync(_app);
        using var first = Rooms.As(_app, "demo-clinician.uzl");
        using var second = Rooms.As(_app, "demo-clinician.cusl");
        Assert.Equal(HttpStatusCode.OK, (await first.PutAsJsonAsync($"api/v1/meetings/{meetingId}/items/{itemId}/vote", new { optionId = options[0] })).StatusCode);
        var events = _app.Services.GetRequiredService<BoardEvents>();

        await _cluster.StopAsync();
        var during = await second.PutAsJsonAsync($"api/v1/meetings/{meetingId}/items/{itemId}/vote", new { optionId = options[1] });
        var readyDuring = await new HttpClient { BaseAddress = _app.BaseAddress }.GetAsync("health/ready");
        await Task.Delay(TimeSpan.FromSeconds(3));
        await _cluster.StartAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, during.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, readyDuring.StatusCode);
        HttpResponseMessage after;
        var deadline = DateTime.UtcNow.AddSeconds(20);
        do
        {
            after = await second.PutAsJsonAsync($"api/v1/meetings/{meetingId}/items/{itemId}/vote", new { optionId = options[1] });
            if (after.StatusCode == HttpStatusCode.OK)
                break;
            await Task.Delay(500);
        }
        while (DateTime.UtcNow < deadline);
        Assert.True(after.StatusCode == HttpStatusCode.OK, await after.Content.ReadAsStringAsync());
        var tally = await after.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, tally.GetProperty("votesCast").GetInt32());

        // The event relay listens again: a change after the restart reaches subscribers.
        var heard = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = events.Subscribe(meetingId, e =>
        {
            if (e.Type == BoardEventTypes.TallyChanged)
                heard.TrySetResult();
            return Task.CompletedTask;
        });
        var relay = _app.Services.GetRequiredService<PostgresEventRelay>();
        var waitUntil = DateTime.UtcNow.AddSeconds(15);
        while (!relay.IsListening && DateTime.UtcNow < waitUntil)
            await Task.Delay(200);
        await first.PutAsJsonAsync($"api/v1/meetings/{meetingId}/items/{itemId}/vote", new { abstain = true });
        await heard.Task.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(HttpStatusCode.OK, (await new HttpClient { BaseAddress = _app.BaseAddress }.GetAsync("health/ready")).StatusCode);
    }
}
