using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using TumourBoard.Web.Data;

namespace TumourBoard.Web.Infrastructure;

/// <summary>Ready means the database answers and carries every migration this build knows.</summary>
internal sealed class DatabaseReadyCheck(IDbContextFactory<TumourBoardDbContext> dbFactory, NpgsqlDataSource dataSource) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var pending = await db.Database.GetPendingMigrationsAsync(cancellationToken);
            return pending.Any()
                ? HealthCheckResult.Unhealthy("Database migrations are pending.")
                : HealthCheckResult.Healthy("Database reachable and up to date.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The next check must not pick another connection broken by the same restart.
            if (ex.IsDatabaseUnavailable())
                dataSource.Clear();
            return HealthCheckResult.Unhealthy("Database unreachable.");
        }
    }
}
