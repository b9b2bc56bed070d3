namespace TumourBoard.Web.Infrastructure;

public static class DatabaseFailures
{
    /// <summary>What a caller is told while PostgreSQL cannot be reached (API problem title, hub refusal).</summary>
    public const string UnavailableMessage = "The database cannot be reached right now; nothing was changed. Try again in a moment.";

    /// <summary>The refusal code that goes with <see cref="UnavailableMessage"/>.</summary>
    public const string UnavailableCode = "Api.DatabaseUnavailable";

    /// <summary>A failure to reach PostgreSQL (connection lost, server shutting down or starting), wherever EF wrapped it.</summary>
    public static bool IsDatabaseUnavailable(this Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is Npgsql.PostgresException postgres)
                return postgres.SqlState.StartsWith("57P", StringComparison.Ordinal) || postgres.SqlState.StartsWith("08", StringComparison.Ordinal);
            if (ex is Npgsql.NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
                return true;
        }
        return false;
    }
}
