using System.Collections.Concurrent;
using System.Globalization;

namespace TumourBoard.Web.Features.Realtime;

/// <summary>
/// In-process fan-out of one kind of meeting event to the circuits and services of this instance. A subscription is
/// for one meeting or for all, and ends when disposed. Handlers are called one after another, so they must return
/// quickly: a component hands the work to its own dispatcher (see <see cref="CoalescedRefresh"/>).
/// </summary>
public abstract class Notifier<TEvent>(ILogger logger)
{
    private readonly ConcurrentDictionary<Guid, Subscription> _subscriptions = new();

    /// <summary>Calls <paramref name="handler"/> for each event of <paramref name="meetingId"/> (or of every meeting when null) until disposed.</summary>
    public IDisposable Subscribe(int? meetingId, Func<TEvent, Task> handler)
    {
        var subscription = new Subscription(this, meetingId, handler);
        _subscriptions[subscription.Id] = subscription;
        return subscription;
    }

    protected abstract int MeetingOf(TEvent e);

    protected abstract string NameOf(TEvent e);

    internal async Task DispatchAsync(TEvent e)
    {
        var meetingId = MeetingOf(e);
        foreach (var subscription in _subscriptions.Values)
        {
            if (subscription.MeetingId is { } id && id != meetingId)
                continue;
            try
            {
                // Events arrive on the listener's thread; the subscriber's page renders in its own user's language.
                CultureInfo.CurrentCulture = subscription.Culture;
                CultureInfo.CurrentUICulture = subscription.UiCulture;
                await subscription.Handler(e);
            }
            catch (Exception ex)
            {
                // One broken subscriber (a circuit going away) must not keep the event from the others.
                logger.LogWarning(ex, "A subscriber failed to handle {EventType}", NameOf(e));
            }
        }
    }

    private sealed class Subscription(Notifier<TEvent> owner, int? meetingId, Func<TEvent, Task> handler) : IDisposable
    {
        public Guid Id { get; } = Guid.NewGuid();

        public int? MeetingId { get; } = meetingId;

        public Func<TEvent, Task> Handler { get; } = handler;

        public CultureInfo Culture { get; } = CultureInfo.CurrentCulture;

        public CultureInfo UiCulture { get; } = CultureInfo.CurrentUICulture;

        public void Dispose() => owner._subscriptions.TryRemove(Id, out _);
    }
}

/// <summary>
/// Meeting changes as they happened, for every subscriber of this instance. Events reach it from PostgreSQL (see
/// <see cref="PostgresEventRelay"/>), so every instance hears every change, its own included.
/// </summary>
public sealed class BoardEvents(ILogger<BoardEvents> logger) : Notifier<BoardEvent>(logger)
{
    protected override int MeetingOf(BoardEvent e) => e.MeetingId;

    protected override string NameOf(BoardEvent e) => e.Type;
}
