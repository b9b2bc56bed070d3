using System.Collections.Concurrent;
using System.Globalization;

namespace TumourBoard.Web.Features.Realtime;

/// <summary>
/// The in-process fan-out of meeting events to the circuits and hub connections of this instance. Events reach it from
/// PostgreSQL (see <see cref="PostgresEventRelay"/>), so every instance hears every change, its own included.
/// </summary>
public sealed class BoardEvents(ILogger<BoardEvents> logger)
{
    private readonly ConcurrentDictionary<Guid, Subscription> _subscriptions = new();

    /// <summary>Calls <paramref name="handler"/> for each event of <paramref name="meetingId"/> (or of every meeting when null) until disposed.</summary>
    public IDisposable Subscribe(int? meetingId, Func<BoardEvent, Task> handler)
    {
        var subscription = new Subscription(this, meetingId, handler);
        _subscriptions[subscription.Id] = subscription;
        return subscription;
    }

    internal async Task DispatchAsync(BoardEvent boardEvent)
    {
        foreach (var subscription in _subscriptions.Values)
        {
            if (subscription.MeetingId is { } id && id != boardEvent.MeetingId)
                continue;
            try
            {
                // Events arrive on the listener's thread; the subscriber's page renders in its own user's language.
                CultureInfo.CurrentCulture = subscription.Culture;
                CultureInfo.CurrentUICulture = subscription.UiCulture;
                await subscription.Handler(boardEvent);
            }
            catch (Exception ex)
            {
                // One broken subscriber (a circuit going away) must not keep the event from the others.
                logger.LogWarning(ex, "A subscriber failed to handle {EventType}", boardEvent.Type);
            }
        }
    }

    private sealed class Subscription(BoardEvents owner, int? meetingId, Func<BoardEvent, Task> handler) : IDisposable
    {
        public Guid Id { get; } = Guid.NewGuid();

        public int? MeetingId { get; } = meetingId;

        public Func<BoardEvent, Task> Handler { get; } = handler;

        public CultureInfo Culture { get; } = CultureInfo.CurrentCulture;

        public CultureInfo UiCulture { get; } = CultureInfo.CurrentUICulture;

        public void Dispose() => owner._subscriptions.TryRemove(Id, out _);
    }
}
