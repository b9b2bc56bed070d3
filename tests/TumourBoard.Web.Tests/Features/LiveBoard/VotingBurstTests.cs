using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using TumourBoard.Web.Tests.Infrastructure;

namespace TumourBoard.Web.Tests.Features.LiveBoard;

/// <summary>
/// Two hundred members in the room through the hub all vote within one second, and again in later rounds, each
/// changing their vote: every vote is stored exactly once, each member's row holds their last choice, and the tallies
/// (returned, announced, and the closed result) count exactly what is stored.
/// </summary>
[Collection(FaultTests.Name)]
public sealed class VotingBurstTests(PostgresCluster cluster) : IAsyncLifetime
{
    private const int Members = 200;
    private const int Rounds = 3;
    private TumourBoardApp _app = default!;

    public async ValueTask InitializeAsync() => _app = await TumourBoardApp.StartAsync(cluster);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task TwoHundredMembers_VotingWithinOneSecond_RoundAfterRound_AreEachCountedOnce_WithTheirLastChoice()
    {
        var (meetingId, itemId, options) = await Rooms.OpenVoteAsync(_app);
        var members = await RoomMembers.AddCliniciansAsync(_app, Members);
        var hubs = members.Select(m => new HubMember(_app.BaseAddress, m.Token)).ToList();
        try
        {
            await Parallel.ForEachAsync(hubs, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (hub, _) => await hub.JoinAsync(meetingId));
            var random = new Random(2026);
            var choices = new int?[Members];
            var report = new List<string>();
            for (var round = 1; round <= Rounds; round++)
            {
                // Everyone changes their choice: a round of first votes, then rounds of changed votes.
                for (var i = 0; i < Members; i++)
                {
                    int? next;
                    do
                    {
                        var pick = random.Next(options.Length + 1);
                        next = pick == options.Length ? null : options[pick];
                    }
                    while (round > 1 && next == choices[i]);
                    choices[i] = next;
                }
                var offsets = Enumerable.Range(0, Members).Select(_ => TimeSpan.FromMilliseconds(random.Next(1000))).ToArray();
                var clock = Stopwatch.StartNew();
                var refusals = await Task.WhenAll(hubs.Select(async (hub, i) =>
                {
                    await Task.Delay(offsets[i]);
                    return await hub.VoteAsync(meetingId, itemId, choices[i]);
                }));
                var confirmed = clock.Elapsed;

                Assert.All(refusals, Assert.Null);
                var stored = await RoomMembers.StoredVotesAsync(_app, itemId);
                Assert.Equal(Members, stored.Count);
                Assert.All(members.Select((m, i) => (m, i)), x => Assert.Equal(choices[x.i], stored[x.m.UserId]));
                var expected = RoomMembers.Expected(stored, options);
                while (hubs.Any(h => h.LastTally(itemId) is not { } t || RoomMembers.Summary(t) != expected) && clock.Elapsed < confirmed + TimeSpan.FromSeconds(20))
                    await Task.Delay(50);
                Assert.All(hubs, h => Assert.Equal(expected, h.LastTally(itemId) is { } t ? RoomMembers.Summary(t) : "no tally"));
                report.Add($"round {round}: {Members} votes sent within {offsets.Max().TotalSeconds:0.00} s, all confirmed after {confirmed.TotalSeconds:0.00} s, "
                    + $"every member had the final tally after {clock.Elapsed.TotalSeconds:0.00} s");
            }

            using var coordinator = _app.ApiClient("demo-coordinator");
            var closed = await (await coordinator.PostAsync($"api/v1/meetings/{meetingId}/items/{itemId}/voting/close", null)).Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(RoomMembers.Expected(await RoomMembers.StoredVotesAsync(_app, itemId), options), RoomMembers.Summary(closed));
            Assert.Equal(Members, closed.GetProperty("votesCast").GetInt32());
            foreach (var line in report)
                TestContext.Current.TestOutputHelper?.WriteLine(line);
        }
        finally
        {
            foreach (var hub in hubs)
                await hub.DisposeAsync();
        }
    }
}
