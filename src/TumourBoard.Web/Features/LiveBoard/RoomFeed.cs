using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using TumourBoard.Web.Features.Realtime;

namespace TumourBoard.Web.Features.LiveBoard;

/// <summary>One event as hub clients receive it: what changed, where, the new state, and the server's time.</summary>
public sealed record RoomEvent(int MeetingId, int? ItemId, object? State, DateTime At);

/// <summary>A room event with its name, as the circuits of this instance receive it.</summary>
public sealed record RoomNotice(string Type, RoomEvent Event);

/// <summary>
/// The room's events as participants receive them, prepared once per instance and sent to the hub's meeting group and
/// to the circuits. A vote's event names the item only; the tally it announces is read here once, not by each of the
/// room's members. Votes arriving while a tally is being read and sent are announced together by the next read, so a
/// burst of votes costs a few reads and sends instead of one per vote per member.
/// </summary>
public sealed class RoomFeed(BoardEvents events, IHubContext<MeetingHub> hub, IServiceScopeFactory scopes, ILogger<RoomFeed> logger)
    : Notifier<RoomNotice>(logger), IHostedService
{
    private readonly ConcurrentDictionary<(int MeetingId, int ItemId), TallyPump> _pumps = new();
    private IDisposable? _subscription;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = events.Subscribe(null, OnBoardEventAsync);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        return Task.CompletedTask;
    }

    protected override int MeetingOf(RoomNotice e) => e.Event.MeetingId;

    protected override string NameOf(RoomNotice e) => e.Type;

    private Task OnBoardEventAsync(BoardEvent e)
    {
        if (e.Type is BoardEventTypes.TallyChanged or BoardEventTypes.VotingClosed && e.ItemId is { } itemId)
        {
            _pumps.GetOrAdd((e.MeetingId, itemId), key => new TallyPump(this, key.MeetingId, key.ItemId)).Request(e);
            return Task.CompletedTask;
        }
        // After missed events every participant gets the current item's tally as it is now, besides the signal to re-read.
        if (e.Type == BoardEventTypes.Resynchronised && e.ItemId is { } current)
            _pumps.GetOrAdd((e.MeetingId, current), key => new TallyPump(this, key.MeetingId, key.ItemId)).Request(e with { Type = BoardEventTypes.TallyChanged });
        return PublishAsync(e.Type, new RoomEvent(e.MeetingId, e.ItemId, e.Count, e.AtUtc));
    }

    private async Task PublishAsync(string type, RoomEvent roomEvent)
    {
        try
        {
            await hub.Clients.Group(MeetingHub.Group(roomEvent.MeetingId)).SendAsync(type, roomEvent);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Could not send {EventType} to the hub's clients", type);
        }
        await DispatchAsync(new RoomNotice(type, roomEvent));
    }

    private async Task<TallyView?> ReadTallyAsync(int meetingId, int itemId)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            // In a blind vote this holds only the number of votes cast until the vote closes.
            return await scope.ServiceProvider.GetRequiredService<LiveBoardService>().PublicTallyAsync(meetingId, itemId);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Could not read a tally to announce");
            return null;
        }
    }

    /// <summary>Announces one item's tally: one read and send at a time, the events that came meanwhile folded into the next.</summary>
    private sealed class TallyPump(RoomFeed feed, int meetingId, int itemId)
    {
        private readonly Lock _lock = new();
        private bool _running;
        private bool _tallyChanged;
        private bool _closed;
        private DateTime _at;

        public void Request(BoardEvent e)
        {
            lock (_lock)
            {
                if (e.Type == BoardEventTypes.VotingClosed)
                    _closed = true;
                else
                    _tallyChanged = true;
                _at = e.AtUtc > _at ? e.AtUtc : _at;
                if (_running)
                    return;
                _running = true;
            }
            _ = Task.Run(RunAsync);
        }

        private async Task RunAsync()
        {
            while (true)
            {
                bool tallyChanged, closed;
                DateTime at;
                lock (_lock)
                {
                    if (!_tallyChanged && !_closed)
                    {
                        _running = false;
                        return;
                    }
                    (tallyChanged, closed, at) = (_tallyChanged, _closed, _at);
                    (_tallyChanged, _closed) = (false, false);
                }
                // Read after the events arrived, so it includes every vote they announce (counts only grow).
                var tally = await feed.ReadTallyAsync(meetingId, itemId);
                if (tallyChanged)
                    await feed.PublishAsync(BoardEventTypes.TallyChanged, new RoomEvent(meetingId, itemId, tally, at));
                if (closed)
                    await feed.PublishAsync(BoardEventTypes.VotingClosed, new RoomEvent(meetingId, itemId, tally, at));
            }
        }
    }
}
