using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using TumourBoard.Domain.People;
using TumourBoard.Web.Features.LiveBoard;
using TumourBoard.Web.Infrastructure;
using TumourBoard.Web.Tests.Infrastructure;

namespace TumourBoard.Web.Tests.Features.LiveBoard;

/// <summary>
/// Tally announcements of a case are spaced (decision 0050): the first vote after a quiet moment is announced at once,
/// votes soon after it together once the spacing has passed, and the close of the vote is not held back. The spacing is
/// set long here so that the order of things does not depend on the machine's speed.
/// </summary>
public sealed class TallySpacingTests(PostgresCluster cluster) : IAsyncLifetime
{
    private static readonly TimeSpan Spacing = TimeSpan.FromSeconds(5);
    private TumourBoardApp _app = default!;

    public async ValueTask InitializeAsync()
    {
        _app = new TumourBoardApp(await cluster.CreateDatabaseAsync(),
            services => services.Configure<LiveBoardOptions>(o => o.TallySpacingMilliseconds = (int)Spacing.TotalMilliseconds));
        _app.StartServer();
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task VotesSoonAfterAnAnnouncement_AreAnnouncedTogetherOnceTheSpacingHasPassed_AndTheCloseAtOnce()
    {
        var (meetingId, itemId, options) = await Rooms.OpenVoteAsync(_app);
        var voters = new List<Actor>();
        foreach (var centre in new[] { "UZL", "UZG", "CUSL" })
            voters.Add(await _app.ActorAsync((await _app.CreateUserAsync(Roles.Clinician, centre)).Email!));
        await using var scope = _app.Services.CreateAsyncScope();
        var board = scope.ServiceProvider.GetRequiredService<LiveBoardService>();
        foreach (var voter in voters)
            await board.JoinAsync(voter, meetingId, $"test-{voter.UserId:N}");

        var notices = new List<(string Type, int VotesCast, long At)>();
        var arrived = new SemaphoreSlim(0);
        using var feed = _app.Services.GetRequiredService<RoomFeed>().Subscribe(meetingId, notice =>
        {
            if (notice.Type is "TallyChanged" or "VotingClosed" && notice.Event.State is TallyView tally)
            {
                lock (notices)
                    notices.Add((notice.Type, tally.VotesCast, Stopwatch.GetTimestamp()));
                arrived.Release();
            }
            return Task.CompletedTask;
        });

        await board.CastVoteAsync(voters[0], meetingId, itemId, options[0]);
        Assert.True(await arrived.WaitAsync(TimeSpan.FromSeconds(10)), "The first vote was not announced.");
        await board.CastVoteAsync(voters[1], meetingId, itemId, options[1]);
        await board.CastVoteAsync(voters[2], meetingId, itemId, null);
        Assert.True(await arrived.WaitAsync(TimeSpan.FromSeconds(20)), "The next votes were not announced.");

        var coordinator = await _app.ActorAsync("coordinator@demo.tumourboard.be");
        var closing = Stopwatch.GetTimestamp();
        await board.CloseVotingAsync(coordinator, meetingId, itemId);
        Assert.True(await arrived.WaitAsync(TimeSpan.FromSeconds(20)), "The close was not announced.");
        await Task.Delay(500);

        lock (notices)
        {
            Assert.Equal([("TallyChanged", 1), ("TallyChanged", 3), ("VotingClosed", 3)], notices.Select(n => (n.Type, n.VotesCast)));
            Assert.True(Stopwatch.GetElapsedTime(notices[0].At, notices[1].At) >= Spacing - TimeSpan.FromMilliseconds(200),
                "The second and third votes were announced before the spacing had passed.");
            Assert.True(Stopwatch.GetElapsedTime(closing, notices[2].At) < Spacing / 2, "The close waited for the spacing.");
        }
    }
}
