using Npgsql;

namespace TumourBoard.Benchmarks.LiveVoting;

/// <summary>The most connections, busy backends and backends waiting for a lock seen at once during a round.</summary>
internal sealed record DatabaseLoad(int Connections, int Busy, int WaitingForLock);

// Looks at pg_stat_activity ten times a second while a round runs, on one connection of its own opened beforehand:
// whether votes queue inside PostgreSQL (waiting for a lock) or before it (connections running out).
internal sealed class DatabaseSampler : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;
    private readonly CancellationTokenSource _stop = new();
    private Task _sampling = Task.CompletedTask;
    private DatabaseLoad _most = new(0, 0, 0);

    private DatabaseSampler(NpgsqlConnection connection) => _connection = connection;

    public static async Task<DatabaseSampler> StartAsync(string connectionString, CancellationToken ct)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(ct);
        var sampler = new DatabaseSampler(connection);
        sampler._sampling = sampler.SampleAsync(sampler._stop.Token);
        return sampler;
    }

    public async Task<DatabaseLoad> StopAsync()
    {
        await _stop.CancelAsync();
        await _sampling;
        return _most;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _sampling;
        await _connection.DisposeAsync();
        _stop.Dispose();
    }

    private async Task SampleAsync(CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            """
            SELECT count(*)::int, count(*) FILTER (WHERE state <> 'idle')::int, count(*) FILTER (WHERE wait_event_type = 'Lock')::int
            FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()
            """, _connection);
        try
        {
            while (!ct.IsCancellationRequested)
            {
                await using (var reader = await command.ExecuteReaderAsync(ct))
                {
                    await reader.ReadAsync(ct);
                    _most = new DatabaseLoad(Math.Max(_most.Connections, reader.GetInt32(0)), Math.Max(_most.Busy, reader.GetInt32(1)),
                        Math.Max(_most.WaitingForLock, reader.GetInt32(2)));
                }
                await Task.Delay(100, ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // stopped
        }
        catch (NpgsqlException)
        {
            // the database went away; what was seen so far stands
        }
    }
}
