using Npgsql;

namespace TumourBoard.Web.Infrastructure;

/// <summary>
/// Runs again, briefly, an operation that gives the same result however often it runs (a read, a vote's upsert, a
/// presence refresh) when PostgreSQL could not be reached. After a restart every idle connection of the pool is
/// broken, and a connection lost while a commit's answer travels back leaves the caller unsure whether it committed:
/// an idempotent operation is simply run again. Operations that must not run twice (opening or closing a vote, moving
/// to the next case) are never retried: they tell the caller that the database is unavailable.
/// </summary>
public sealed class DatabaseRetry(NpgsqlDataSource dataSource, ILogger<DatabaseRetry> logger)
{
    // Short on purpose: during a real outage the caller hears of it within half a second and decides what to do.
    private static readonly TimeSpan[] Pauses = [TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(300)];

    public async Task<T> IdempotentAsync<T>(Func<Task<T>> operation, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await operation();
            }
            catch (Exception ex) when (ex.IsDatabaseUnavailable() && attempt < Pauses.Length && !ct.IsCancellationRequested)
            {
                // The other idle connections are likely broken the same way (the server restarted): open new ones.
                dataSource.Clear();
                logger.LogDebug("Database unreachable; running an idempotent operation again (attempt {Attempt})", attempt + 2);
                await Task.Delay(Pauses[attempt], ct);
            }
        }
    }

    public Task IdempotentAsync(Func<Task> operation, CancellationToken ct) => IdempotentAsync(async () =>
    {
        await operation();
        return true;
    }, ct);
}
