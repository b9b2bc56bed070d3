using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace TumourBoard.Web.Features.Realtime;

/// <summary>
/// Degraded while this instance does not hear meeting events (it reconnects by itself): pages and hub clients still
/// work and re-read on their own actions, but changes made on other instances do not reach them live.
/// </summary>
internal sealed class EventRelayCheck(PostgresEventRelay relay) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(relay.IsListening
            ? HealthCheckResult.Healthy("Listening for meeting events.")
            : HealthCheckResult.Degraded("Not listening for meeting events; reconnecting to PostgreSQL."));
}
