using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using TumourBoard.Web.Data;

namespace TumourBoard.Web.Features.Realtime;

/// <summary>
/// Carries meeting events between app instances through PostgreSQL: a change sends NOTIFY in its own transaction
/// (so the event exists exactly when the change does), and each instance LISTENs and hands events to
/// <see cref="BoardEvents"/>. After a lost connection it listens again and announces a resynchronisation of every
/// meeting in progress, since changes committed while it was not listening were announced to nobody here.
/// </summary>
public sealed class PostgresEventRelay(IConfiguration configuration, BoardEvents events, ILogger<PostgresEventRelay> logger) : BackgroundService
{
    public const string Channel = "tumourboard_events";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    // Events are handed on one at a time, in arrival order: a burst of votes must not open a database connection per
    // event all at once (subscribers re-read state), which would exhaust PostgreSQL's connections under load.
    private readonly System.Threading.Channels.Channel<BoardEvent> _queue =
        System.Threading.Channels.Channel.CreateUnbounded<BoardEvent>(new() { SingleReader = true });

    /// <summary>Queues the event's NOTIFY inside <paramref name="db"/>'s transaction; it is delivered on commit.</summary>
    public static Task NotifyAsync(TumourBoardDbContext db, BoardEvent boardEvent, CancellationToken ct = default) =>
        db.Database.ExecuteSqlRawAsync("SELECT pg_notify({0}, {1})", [Channel, JsonSerializer.Serialize(boardEvent, Json)], ct);

    // Reconnection attempts back off to this: cheap, and events flow again at most this long after the database is back.
    private static readonly TimeSpan LongestPause = TimeSpan.FromSeconds(2);

    private readonly TaskCompletionSource _firstListen = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>True while this instance is listening; the room shows a problem when it is not, and readiness is degraded.</summary>
    public bool IsListening { get; private set; }

    /// <summary>Times this instance started listening again after losing its connection.</summary>
    public int Reconnections { get; private set; }

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await base.StartAsync(cancellationToken);
        // The instance takes requests once it hears events, so its first pages miss none; a database that does not
        // answer holds the start only briefly (the migrations reached it a moment ago).
        await Task.WhenAny(_firstListen.Task, Task.Delay(TimeSpan.FromSeconds(10), cancellationToken));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _ = Task.Run(() => DispatchLoopAsync(stoppingToken), stoppingToken);
        var connectionString = configuration.GetConnectionString("TumourBoard")!;
        var delay = TimeSpan.FromMilliseconds(250);
        var lost = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, KeepAlive = 10 }.ConnectionString);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, e) => OnNotification(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                if (lost)
                {
                    // Read after LISTEN: whatever committed before is read by the subscribers, whatever after is heard.
                    await AnnounceResynchronisationAsync(connection, stoppingToken);
                    Reconnections++;
                    logger.LogInformation("Listening for meeting events again");
                }
                IsListening = true;
                lost = false;
                _firstListen.TrySetResult();
                delay = TimeSpan.FromMilliseconds(250);
                while (!stoppingToken.IsCancellationRequested)
                    await connection.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                if (IsListening)
                    logger.LogWarning(ex, "Lost the event connection to PostgreSQL; reconnecting");
                lost |= IsListening;
                IsListening = false;
                await Task.Delay(delay, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, LongestPause.Ticks));
            }
        }
        IsListening = false;
    }

    private async Task AnnounceResynchronisationAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        var now = DateTime.UtcNow;
        await using var command = new NpgsqlCommand("""SELECT "Id", "CurrentItemId" FROM meetings WHERE "Status" = 'InProgress'""", connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            _queue.Writer.TryWrite(new BoardEvent(BoardEventTypes.Resynchronised, reader.GetInt32(0), reader.IsDBNull(1) ? null : reader.GetInt32(1), now));
        }
    }

    private void OnNotification(string payload)
    {
        BoardEvent? boardEvent;
        try
        {
            boardEvent = JsonSerializer.Deserialize<BoardEvent>(payload, Json);
        }
        catch (JsonException)
        {
            logger.LogWarning("Ignored a malformed event notification");
            return;
        }
        if (boardEvent is not null)
            _queue.Writer.TryWrite(boardEvent);
    }

    private async Task DispatchLoopAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var boardEvent in _queue.Reader.ReadAllAsync(stoppingToken))
                await events.DispatchAsync(boardEvent);
        }
        catch (OperationCanceledException)
        {
        }
    }
}
