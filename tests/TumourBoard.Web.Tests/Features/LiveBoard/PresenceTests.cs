using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TumourBoard.Web.Features.LiveBoard;
using TumourBoard.Web.Infrastructure;
using TumourBoard.Web.Tests.Infrastructure;

namespace TumourBoard.Web.Tests.Features.LiveBoard;

/// <summary>The app with presence refreshed every second and expiring after four, so that expiry shows within a test.</summary>
public sealed class ShortPresenceAppFixture(PostgresCluster cluster) : IAsyncLifetime
{
    public const int HeartbeatSeconds = 1;
    public const int PresenceTimeoutSeconds = 4;

    public TumourBoardApp App { get; private set; } = default!;

    public async ValueTask InitializeAsync() => App = await TumourBoardApp.StartAsync(cluster, services => services.PostConfigure<LiveBoardOptions>(o =>
    {
        o.HeartbeatSeconds = HeartbeatSeconds;
        o.PresenceTimeoutSeconds = PresenceTimeoutSeconds;
    }));

    public async ValueTask DisposeAsync() => await App.DisposeAsync();
}

/// <summary>
/// Presence lasts exactly as long as someone is there: a page or hub connection while it is held open, an API client
/// for the timeout after its last call, and nothing is refreshed forever by an instance that merely keeps running.
/// </summary>
[Collection(FaultTests.Name)]
public sealed class PresenceTests(ShortPresenceAppFixture fixture) : IClassFixture<ShortPresenceAppFixture>
{
    private static readonly TimeSpan Expiry = TimeSpan.FromSeconds(ShortPresenceAppFixture.PresenceTimeoutSeconds + 2 * ShortPresenceAppFixture.HeartbeatSeconds + 3);

    private TumourBoardApp App => fixture.App;

    [Fact]
    public async Task HeldConnection_WhoseLeavingWasNotWritten_StopsCountingAfterTheTimeout_AndItsAttendanceEnds()
    {
        var (meetingId, _, _) = await Rooms.OpenVoteAsync(App);
        var uzg = await App.ActorAsync("clinician.uzg@demo.tumourboard.be");
        var uza = await App.ActorAsync("clinician.uza@demo.tumourboard.be");
        await using var scope = App.Services.CreateAsyncScope();
        var board = scope.ServiceProvider.GetRequiredService<LiveBoardService>();
        await board.JoinAsync(uzg, meetingId, "circuit:left-unrecorded");
        await board.JoinAsync(uza, meetingId, "circuit:still-open");
        Assert.Contains("Clinician UZG", await PresentAsync(meetingId));

        // What LeaveAsync does first; the database write that should follow failed (the database was away).
        App.Services.GetRequiredService<InstancePresence>().Release("circuit:left-unrecorded");

        var gone = await UntilAsync(async () => !(await PresentAsync(meetingId)).Contains("Clinician UZG"), Expiry);
        Assert.True(gone, $"Clinician UZG was still present {Expiry.TotalSeconds:0} s after leaving unrecorded.");
        Assert.Contains("Clinician UZA", await PresentAsync(meetingId)); // held open, so refreshed throughout
        // The next heartbeat removes the expired row and ends the attendance, for the minutes.
        var ended = await UntilAsync(() => App.WithDbAsync(db => db.Attendances.Where(a => a.MeetingId == meetingId && a.UserId == uzg.UserId).AllAsync(a => a.LeftAtUtc != null)),
            TimeSpan.FromSeconds(3 * ShortPresenceAppFixture.HeartbeatSeconds + 3));
        Assert.True(ended, "The attendance of the expired connection did not end.");
        await board.LeaveAsync("circuit:still-open");
    }

    [Fact]
    public async Task ApiClient_IsPresentForTheTimeoutAfterItsLastCall_ThenNoLonger()
    {
        var (meetingId, itemId, options) = await Rooms.OpenVoteAsync(App);
        using var cusl = App.ApiClient("demo-clinician.cusl");
        Assert.Equal(HttpStatusCode.OK, (await cusl.PutAsJsonAsync($"api/v1/meetings/{meetingId}/items/{itemId}/vote", new { optionId = options[0] })).StatusCode);
        Assert.Contains("Clinician CUSL", await PresentAsync(meetingId));

        var gone = await UntilAsync(async () => !(await PresentAsync(meetingId)).Contains("Clinician CUSL"), Expiry);

        Assert.True(gone, $"An API client that stopped calling was still present after {Expiry.TotalSeconds:0} s.");
    }

    [Fact]
    public async Task HeldConnection_WhoseRowWasRemoved_IsWrittenAgainByTheNextHeartbeat()
    {
        var (meetingId, _, _) = await Rooms.OpenVoteAsync(App);
        var uzb = await App.ActorAsync("clinician.uzb@demo.tumourboard.be");
        await using var scope = App.Services.CreateAsyncScope();
        var board = scope.ServiceProvider.GetRequiredService<LiveBoardService>();
        await board.JoinAsync(uzb, meetingId, "circuit:cut-off");

        // As another instance does when this one could not refresh its rows for longer than the timeout.
        await App.WithDbAsync(db => db.RoomConnections.Where(c => c.ConnectionId == "circuit:cut-off").ExecuteDeleteAsync());
        Assert.DoesNotContain("Clinician UZB", await PresentAsync(meetingId));

        var back = await UntilAsync(async () => (await PresentAsync(meetingId)).Contains("Clinician UZB"), TimeSpan.FromSeconds(3 * ShortPresenceAppFixture.HeartbeatSeconds + 3));
        Assert.True(back, "The held connection was not written again.");
        await board.LeaveAsync("circuit:cut-off");
        Assert.DoesNotContain("Clinician UZB", await PresentAsync(meetingId));
    }

    private async Task<List<string>> PresentAsync(int meetingId)
    {
        using var observer = App.ApiClient("demo-observer");
        var room = await observer.GetFromJsonAsync<System.Text.Json.JsonElement>($"api/v1/meetings/{meetingId}/room");
        return [.. room.GetProperty("present").EnumerateArray().Select(p => p.GetProperty("name").GetString()!)];
    }

    private static async Task<bool> UntilAsync(Func<Task<bool>> condition, TimeSpan within)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > within)
                return false;
            await Task.Delay(200);
        }
        return true;
    }
}
