using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace TumourBoard.Benchmarks.LiveVoting;

internal sealed record PlannedVote(int Voter, int? OptionId, bool IsChange);

/// <summary>One vote as sent: Stopwatch timestamps of sending and of the confirmation, and the confirmed tally's count.</summary>
internal sealed record CastVote(PlannedVote Vote, long SentAt, long ConfirmedAt, int VotesCast, string? Error);

// One member in the room, as a centre's tool or a room display would be: a hub connection over WebSockets with the
// member's token. It notes when it first learned of each vote count of the item being watched; a TallyChanged event
// whose count is at least n tells the member about every vote committed up to the n-th.
internal sealed class Participant : IAsyncDisposable
{
    private readonly HubConnection _connection;
    private readonly object _gate = new();
    private long[] _firstSeenAt = [];
    private int _highest;
    private int _watchedItemId;
    private int _events;
    private int _countOnlyEvents;

    public Participant(Uri instance, string token)
    {
        _connection = new HubConnectionBuilder()
            .WithUrl(new Uri(instance, "hubs/meeting"), o =>
            {
                o.AccessTokenProvider = () => Task.FromResult<string?>(token);
                o.Transports = HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
            })
            .Build();
        _connection.On<TallyEvent>("TallyChanged", OnTallyChanged);
    }

    public int Highest
    {
        get
        {
            lock (_gate)
                return _highest;
        }
    }

    /// <summary>TallyChanged events received for the watched item.</summary>
    public int Events => Volatile.Read(ref _events);

    /// <summary>Those of <see cref="Events"/> that carried only a count, because the server could not read the tally.</summary>
    public int CountOnlyEvents => Volatile.Read(ref _countOnlyEvents);

    public async Task JoinAsync(int meetingId, CancellationToken ct)
    {
        await _connection.StartAsync(ct);
        await _connection.InvokeAsync<JsonElement>("JoinMeeting", meetingId, ct);
    }

    /// <summary>From now on notes the counts of this item's tally, up to <paramref name="maximumCount"/>.</summary>
    public void Watch(int itemId, int maximumCount)
    {
        lock (_gate)
        {
            _firstSeenAt = new long[maximumCount + 1];
            _highest = 0;
            _watchedItemId = itemId;
        }
    }

    /// <summary>When this member first received a count of at least <paramref name="count"/>; null if it never did.</summary>
    public long? FirstSeenAt(int count)
    {
        lock (_gate)
            return count <= _highest ? _firstSeenAt[count] : null;
    }

    public async Task<CastVote> CastAsync(int meetingId, int itemId, PlannedVote vote, CancellationToken ct)
    {
        var sentAt = Stopwatch.GetTimestamp();
        try
        {
            var tally = await _connection.InvokeAsync<JsonElement>("CastVote", meetingId, itemId, vote.OptionId, ct);
            return new CastVote(vote, sentAt, Stopwatch.GetTimestamp(), tally.GetProperty("votesCast").GetInt32(), null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new CastVote(vote, sentAt, Stopwatch.GetTimestamp(), 0, ex.Message);
        }
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();

    // The client calls handlers of one connection one at a time; the lock is for the reader on the scenario's side.
    private void OnTallyChanged(TallyEvent e)
    {
        var receivedAt = Stopwatch.GetTimestamp();
        if (e.ItemId is not { } itemId)
            return;
        int count;
        var countOnly = false;
        if (e.State.ValueKind == JsonValueKind.Object && e.State.TryGetProperty("votesCast", out var votesCast))
        {
            count = votesCast.GetInt32();
        }
        else if (e.State.ValueKind == JsonValueKind.Number)
        {
            // The broadcaster falls back to the count of the event when it cannot read the tally.
            count = e.State.GetInt32();
            countOnly = true;
        }
        else
        {
            return;
        }

        lock (_gate)
        {
            if (itemId != _watchedItemId)
                return;
            _events++;
            _countOnlyEvents += countOnly ? 1 : 0;
            var upTo = Math.Min(count, _firstSeenAt.Length - 1);
            for (var n = _highest + 1; n <= upTo; n++)
                _firstSeenAt[n] = receivedAt;
            _highest = Math.Max(_highest, upTo);
        }
    }

    /// <summary>The part of a TallyChanged event the member reads: the item, and the tally (or only its count).</summary>
    private sealed record TallyEvent(int? ItemId, JsonElement State);
}
