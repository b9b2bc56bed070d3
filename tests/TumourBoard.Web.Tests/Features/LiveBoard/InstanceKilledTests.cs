using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TumourBoard.Web.Tests.Infrastructure;

namespace TumourBoard.Web.Tests.Features.LiveBoard;

/// <summary>
/// Two instances on one database, members on both; one instance is killed (SIGKILL) during a vote. A small balancer
/// in front of the doomed instance sends its members to the live one afterwards. Presence is refreshed every 2 s and
/// expires after 8 s here, so that the test need not wait the production 15 s and 45 s; the rule is the same.
/// </summary>
[Collection(FaultTests.Name)]
public sealed class InstanceKilledTests(PostgresCluster cluster) : IAsyncLifetime
{
    private const int HeartbeatSeconds = 2;
    private const int PresenceTimeoutSeconds = 8;

    private InstancePair _pair = default!;

    private TumourBoardApp Live => _pair.Live;

    public async ValueTask InitializeAsync() => _pair = await InstancePair.StartAsync(cluster, HeartbeatSeconds, PresenceTimeoutSeconds);

    public async ValueTask DisposeAsync() => await _pair.DisposeAsync();

    [Fact]
    public async Task InstanceKilled_DuringAVote_TheOtherCarriesOn_ItsMembersComeBackOnTheLiveOne_AndItsGhostsLeaveTheRoom()
    {
        var (meetingId, items, options) = await Rooms.OpenVoteOnFirstCaseAsync(Live, cases: 2);
        await using var uzg = new HubMember(Live.BaseAddress, "demo-clinician.uzg");
        await using var watcher = new HubMember(Live.BaseAddress, "demo-observer");
        await using var cusl = new HubMember(_pair.Balancer.BaseAddress, "demo-clinician.cusl", reconnect: true);
        await using var uza = new HubMember(_pair.Balancer.BaseAddress, "demo-clinician.uza", reconnect: true);
        await using var huderf = new HubMember(_pair.Doomed.BaseAddress, "demo-clinician.huderf"); // never comes back
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = _pair.Balancer.BaseAddress };
        Assert.Equal(HttpStatusCode.Redirect, (await Live.PostLoginAsync(browser, "clinician.uzb@demo.tumourboard.be")).StatusCode);
        foreach (var member in new[] { uzg, watcher, cusl, uza, huderf })
            await member.JoinAsync(meetingId);
        Assert.Null(await cusl.VoteAsync(meetingId, items[0], options[0]));
        Assert.Null(await uzg.VoteAsync(meetingId, items[0], options[1]));
        await UntilAsync(() => cusl.LastTally(items[0])?.GetProperty("votesCast").GetInt32() == 2, "the doomed instance's member heard of the vote on the live one");
        Assert.Contains("Clinician HUDERF", await PresentAsync(meetingId));

        _pair.KillDoomedAndFailOver();
        var killed = Stopwatch.StartNew();

        // The live instance's members carry on: a changed vote is counted and announced.
        Assert.Null(await uzg.VoteAsync(meetingId, items[0], null));
        await UntilAsync(() => watcher.LastTally(items[0]) is { } t && t.GetProperty("abstentions").GetInt32() == 1 && t.GetProperty("votesCast").GetInt32() == 2,
            "the live instance's members heard of the changed vote");

        // The doomed instance's members reconnect through the balancer and see the room as it is now.
        var cuslRoom = await cusl.Rejoined.Task.WaitAsync(TimeSpan.FromSeconds(20));
        var uzaRoom = await uza.Rejoined.Task.WaitAsync(TimeSpan.FromSeconds(20));
        var reconnected = killed.Elapsed;
        Assert.Equal(items[0], cuslRoom.GetProperty("currentItemId").GetInt32());
        Assert.Equal(2, cuslRoom.GetProperty("tally").GetProperty("votesCast").GetInt32());
        Assert.Equal(options[0], cuslRoom.GetProperty("myVoteOptionId").GetInt32());
        Assert.Contains(uzaRoom.GetProperty("present").EnumerateArray(), p => p.GetProperty("name").GetString() == "Clinician CUSL");
        Assert.Null(await uza.VoteAsync(meetingId, items[0], options[1]));
        Assert.Null(await cusl.VoteAsync(meetingId, items[0], options[1]));

        // The chair closes the vote and moves on; everyone, the reconnected included, follows.
        using var chair = Live.ApiClient("demo-coordinator");
        var closed = await (await chair.PostAsync($"api/v1/meetings/{meetingId}/items/{items[0]}/voting/close", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(RoomMembers.Expected(await RoomMembers.StoredVotesAsync(Live, items[0]), options), RoomMembers.Summary(closed));
        Assert.Equal("3; 1; " + $"{options[0]}=0,{options[1]}=2", RoomMembers.Summary(closed));
        Assert.Equal(HttpStatusCode.NoContent, (await chair.PutAsJsonAsync($"api/v1/meetings/{meetingId}/current", new { itemId = items[1] })).StatusCode);
        await UntilAsync(() => cusl.Heard("CurrentItemChanged") && uza.Heard("CurrentItemChanged") && watcher.Heard("CurrentItemChanged"), "every member heard the chair move on");

        // The sign-in cookie issued by the dead instance is good on the live one (shared Data Protection keys).
        var page = await browser.GetAsync($"meetings/{meetingId}/room");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);

        // The member who did not come back stops counting once the presence timeout has passed, quorum included.
        await UntilAsync(async () => !(await PresentAsync(meetingId)).Contains("Clinician HUDERF"), "the dead instance's ghost left the room",
            TimeSpan.FromSeconds(PresenceTimeoutSeconds + 4 * HeartbeatSeconds + 10));
        var gone = killed.Elapsed;
        var present = await PresentAsync(meetingId);
        Assert.Contains("Clinician CUSL", present);
        Assert.Contains("Clinician UZA", present);
        var room = await watcher.JoinAsync(meetingId);
        Assert.Equal(items[1], room.GetProperty("currentItemId").GetInt32());
        Assert.Equal(3, room.GetProperty("quorum").GetProperty("centres").GetInt32()); // UZG, CUSL and UZA; HUDERF no longer
        // The heartbeat after the expiry removes the row and ends the attendance, for the minutes.
        await UntilAsync(() => Live.WithDbAsync(db => db.Attendances.Where(a => a.MeetingId == meetingId)
            .Join(db.Users, a => a.UserId, u => u.Id, (a, u) => new { u.Email, a.LeftAtUtc }).Where(a => a.Email == "clinician.huderf@demo.tumourboard.be")
            .AllAsync(a => a.LeftAtUtc != null)), "the dead instance's ghost's attendance ended", TimeSpan.FromSeconds(3 * HeartbeatSeconds + 5));
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"members of the killed instance back on the live one {reconnected.TotalSeconds:0.0} s after the kill; its ghost gone from the room after {gone.TotalSeconds:0.0} s "
            + $"(heartbeat {HeartbeatSeconds} s, timeout {PresenceTimeoutSeconds} s)");
    }

    private async Task<List<string>> PresentAsync(int meetingId)
    {
        using var observer = Live.ApiClient("demo-observer");
        var room = await observer.GetFromJsonAsync<JsonElement>($"api/v1/meetings/{meetingId}/room");
        return [.. room.GetProperty("present").EnumerateArray().Select(p => p.GetProperty("name").GetString()!)];
    }

    private static Task UntilAsync(Func<bool> condition, string what, TimeSpan? within = null) =>
        UntilAsync(() => Task.FromResult(condition()), what, within);

    private static async Task UntilAsync(Func<Task<bool>> condition, string what, TimeSpan? within = null)
    {
        var deadline = Stopwatch.StartNew();
        while (!await condition())
        {
            if (deadline.Elapsed > (within ?? TimeSpan.FromSeconds(15)))
                Assert.Fail($"Not within {(within ?? TimeSpan.FromSeconds(15)).TotalSeconds:0} s: {what}.");
            await Task.Delay(100);
        }
    }
}
