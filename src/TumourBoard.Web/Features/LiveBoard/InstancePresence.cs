using System.Collections.Concurrent;
using TumourBoard.Domain.People;

namespace TumourBoard.Web.Features.LiveBoard;

/// <summary>
/// This app instance as its room connections name it, and the connections it holds open now (pages and hub clients;
/// API clients hold none, they are present for a while after each call). The heartbeat refreshes only these: a window
/// whose leaving could not be written (the database was away) stops counting once the presence timeout passes, and a
/// held connection whose row was removed meanwhile (its instance was cut off from the database for longer than the
/// timeout) is written again.
/// </summary>
public sealed class InstancePresence
{
    private readonly ConcurrentDictionary<string, HeldConnection> _held = new();

    /// <summary>Unique per instance, even for two processes on one host or two apps in one test process.</summary>
    public string InstanceId { get; } = $"{Environment.ProcessId}-{Guid.NewGuid():N}";

    public void Hold(string connectionId, int meetingId, Actor actor) => _held[connectionId] = new HeldConnection(meetingId, actor);

    public void Release(string connectionId) => _held.TryRemove(connectionId, out _);

    public bool Holds(string connectionId) => _held.ContainsKey(connectionId);

    public IReadOnlyDictionary<string, HeldConnection> Held() => new Dictionary<string, HeldConnection>(_held);
}

public sealed record HeldConnection(int MeetingId, Actor Actor);
