using Microsoft.AspNetCore.SignalR;
using TumourBoard.Web.Features.Realtime;

namespace TumourBoard.Web.Features.LiveBoard;

/// <summary>One event as hub clients receive it: what changed, where, the new state, and the server's time.</summary>
public sealed record RoomEvent(int MeetingId, int? ItemId, object? State, DateTime At);

/// <summary>Forwards this instance's meeting events to the hub clients in each meeting's group.</summary>
internal sealed class RoomBroadcaster(BoardEvents events, IHubContext<MeetingHub> hub, IServiceScopeFactory scopes, ILogger<RoomBroadcaster> logger) : IHostedService
{
    private IDisposable? _subscription;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = events.Subscribe(null, ForwardAsync);
        return Task.CompletedTask;
    }

    private async Task ForwardAsync(BoardEvent e)
    {
        object? state = e.Count;
        if (e.Type is BoardEventTypes.TallyChanged or BoardEventTypes.VotingClosed && e.ItemId is { } itemId)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                // In a blind vote this holds only the number of votes cast until the vote closes.
                state = await scope.ServiceProvider.GetRequiredService<LiveBoardService>().PublicTallyAsync(e.MeetingId, itemId);
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Could not read the tally for {EventType}", e.Type);
            }
        }
        await hub.Clients.Group(MeetingHub.Group(e.MeetingId)).SendAsync(e.Type, new RoomEvent(e.MeetingId, e.ItemId, state, e.AtUtc));
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>Keeps this instance's room connections fresh and expires those of instances that went away.</summary>
internal sealed class PresenceKeeper(IServiceScopeFactory scopes, TimeProvider time, ILogger<PresenceKeeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(15), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<LiveBoardService>().HeartbeatAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Presence heartbeat failed; will retry");
            }
        }
    }
}
