using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TumourBoard.Web.Features.Realtime;
using TumourBoard.Web.Infrastructure;
using TumourBoard.Web.Tests.Infrastructure;

namespace TumourBoard.Web.Tests.Features.LiveBoard;

/// <summary>
/// PostgreSQL stops for ten seconds in the middle of a vote while forty members vote and change their votes, half
/// through the API and half through the hub, each trying again until the vote is confirmed, as a real client does.
/// The cluster keeps every commit (fsync on), so what was confirmed must be there after the restart.
/// </summary>
[Collection(FaultTests.Name)]
public sealed class DatabaseOutageTests : IAsyncLifetime
{
    private const int ApiVoters = 20;
    private const int HubVoters = 20;
    private static readonly TimeSpan Before = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan After = TimeSpan.FromSeconds(3);

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
    public async Task DatabaseStoppedForTenSeconds_DuringAVote_HealthSaysSo_AndEveryConfirmedVoteIsStoredOnce_AsLastConfirmed()
    {
        var (meetingId, itemId, options) = await Rooms.OpenVoteAsync(_app);
        var members = await RoomMembers.AddCliniciansAsync(_app, ApiVoters + HubVoters);
        var hubs = members.Skip(ApiVoters).Select(m => new HubMember(_app.BaseAddress, m.Token)).ToList();
        await using var watcher = new HubMember(_app.BaseAddress, "demo-observer");
        var apiClients = members.Take(ApiVoters).Select(m => _app.ApiClient(m.Token)).ToList();
        try
        {
            await Task.WhenAll(hubs.Select(h => h.JoinAsync(meetingId)).Append(watcher.JoinAsync(meetingId)));
            var voters = members.Take(ApiVoters).Select((m, i) => new Voter(m, choice => RoomMembers.VoteThroughApiAsync(apiClients[i], meetingId, itemId, choice)))
                .Concat(members.Skip(ApiVoters).Select((m, i) => new Voter(m, choice => hubs[i].VoteAsync(meetingId, itemId, choice))))
                .ToList();
            var clock = Stopwatch.StartNew();
            using var stop = new CancellationTokenSource();
            var health = Task.Run(() => WatchHealthAsync(clock, stop.Token));
            var voting = voters.Select(v => Task.Run(() => v.RunAsync(options, clock, stop.Token))).ToList();

            await Task.Delay(Before);
            var stoppedAt = clock.Elapsed;
            await _cluster.StopAsync();
            await Task.Delay(Outage);
            await _cluster.StartAsync();
            var startedAt = clock.Elapsed;
            await Task.Delay(After);
            await stop.CancelAsync();
            await Task.WhenAll(voting).WaitAsync(TimeSpan.FromSeconds(60));
            var samples = await health;

            // Every refusal was the clear one for an unreachable database, and the outage was felt.
            Assert.Empty(voters.SelectMany(v => v.Unexpected));
            Assert.True(voters.Sum(v => v.Refusals) > 0, "No vote was refused while the database was stopped.");
            // Health: unavailable during the outage, healthy after, without restarting the app.
            Assert.Contains(samples, s => s.At > stoppedAt && s.At < startedAt && s.Status == HttpStatusCode.ServiceUnavailable);
            Assert.True(await ReadyAgainAsync(), "The app did not report itself healthy within 15 s of the restart.");
            var relay = _app.Services.GetRequiredService<PostgresEventRelay>();
            Assert.True(relay.IsListening);
            Assert.True(relay.Reconnections >= 1);
            // Everyone voted again after the restart: the app recovered by itself.
            Assert.All(voters, v => Assert.True(v.LastConfirmedAt > startedAt, $"{v.Member.Name} had no vote confirmed after the restart."));

            // Every voter once, with the last choice the server confirmed to them.
            var stored = await RoomMembers.StoredVotesAsync(_app, itemId);
            Assert.Equal(voters.Count, stored.Count);
            Assert.All(voters, v => Assert.Equal(v.LastConfirmed, stored[v.Member.UserId]));

            // The hub clients were told the final tally, and heard that events may have been missed meanwhile.
            var expected = RoomMembers.Expected(stored, options);
            var deadline = Stopwatch.StartNew();
            while (hubs.Append(watcher).Any(h => h.LastTally(itemId) is not { } t || RoomMembers.Summary(t) != expected) && deadline.Elapsed < TimeSpan.FromSeconds(15))
                await Task.Delay(100);
            Assert.All(hubs.Append(watcher), h => Assert.Equal(expected, h.LastTally(itemId) is { } t ? RoomMembers.Summary(t) : "no tally"));
            Assert.True(watcher.Heard(BoardEventTypes.Resynchronised));

            using var coordinator = _app.ApiClient("demo-coordinator");
            var closed = await (await coordinator.PostAsync($"api/v1/meetings/{meetingId}/items/{itemId}/voting/close", null)).Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(expected, RoomMembers.Summary(closed));
            TestContext.Current.TestOutputHelper?.WriteLine(
                $"{voters.Sum(v => v.Confirmations)} votes confirmed, {voters.Sum(v => v.Refusals)} refused while the database was away; "
                + $"health unavailable from {samples.FirstOrDefault(s => s.Status != HttpStatusCode.OK)?.At.TotalSeconds:0.0} s to "
                + $"{samples.LastOrDefault(s => s.Status != HttpStatusCode.OK)?.At.TotalSeconds:0.0} s (stopped at {stoppedAt.TotalSeconds:0.0} s, started at {startedAt.TotalSeconds:0.0} s); "
                + $"first vote confirmed after the restart at +{(voters.Min(v => v.FirstConfirmedAfter(startedAt)) - startedAt)?.TotalSeconds:0.00} s, "
                + $"every voter by +{(voters.Max(v => v.FirstConfirmedAfter(startedAt)) - startedAt)?.TotalSeconds:0.00} s");
        }
        finally
        {
            foreach (var hub in hubs)
                await hub.DisposeAsync();
            foreach (var client in apiClients)
                client.Dispose();
        }
    }

    private sealed record HealthSample(TimeSpan At, HttpStatusCode Status);

    private async Task<List<HealthSample>> WatchHealthAsync(Stopwatch clock, CancellationToken stop)
    {
        using var http = new HttpClient { BaseAddress = _app.BaseAddress };
        var samples = new List<HealthSample>();
        while (!stop.IsCancellationRequested)
        {
            using (var response = await http.GetAsync("health/ready", CancellationToken.None))
                samples.Add(new HealthSample(clock.Elapsed, response.StatusCode));
            await Task.Delay(250, CancellationToken.None);
        }
        return samples;
    }

    private async Task<bool> ReadyAgainAsync()
    {
        using var http = new HttpClient { BaseAddress = _app.BaseAddress };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(15))
        {
            using var response = await http.GetAsync("health/ready");
            if (response.StatusCode == HttpStatusCode.OK && (await response.Content.ReadAsStringAsync()).Contains("\"status\":\"Healthy\""))
                return true;
            await Task.Delay(200);
        }
        return false;
    }

    /// <summary>
    /// One member voting as a real client does: a choice, the same choice again until the server confirms it, a pause,
    /// the next choice; when told to stop it finishes the vote under way, so its last attempt is a confirmed one.
    /// </summary>
    private sealed class Voter(Member member, Func<int?, Task<string?>> cast)
    {
        private readonly ConcurrentQueue<TimeSpan> _confirmedAt = new();

        public Member Member => member;

        public int? LastConfirmed { get; private set; }

        public TimeSpan LastConfirmedAt { get; private set; }

        public int Confirmations { get; private set; }

        public int Refusals { get; private set; }

        public ConcurrentQueue<string> Unexpected { get; } = new();

        public TimeSpan? FirstConfirmedAfter(TimeSpan at) => _confirmedAt.Where(c => c > at).Cast<TimeSpan?>().FirstOrDefault();

        public async Task RunAsync(int[] options, Stopwatch clock, CancellationToken stop)
        {
            while (!stop.IsCancellationRequested)
            {
                var pick = Random.Shared.Next(options.Length + 1);
                int? choice = pick == options.Length ? null : options[pick];
                while (await cast(choice) is { } refusal)
                {
                    Refusals++;
                    if (refusal != DatabaseFailures.UnavailableCode)
                    {
                        Unexpected.Enqueue($"{member.Name}: {refusal}");
                        if (stop.IsCancellationRequested)
                            return; // refused for good: nothing stored, and the assertions say why
                    }
                    await Task.Delay(250, CancellationToken.None);
                }
                LastConfirmed = choice;
                LastConfirmedAt = clock.Elapsed;
                _confirmedAt.Enqueue(LastConfirmedAt);
                Confirmations++;
                await Task.Delay(Random.Shared.Next(100, 400), CancellationToken.None);
            }
        }
    }
}
