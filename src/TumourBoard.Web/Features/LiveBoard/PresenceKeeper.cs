using Microsoft.Extensions.Options;
using TumourBoard.Web.Infrastructure;

namespace TumourBoard.Web.Features.LiveBoard;

/// <summary>Keeps this instance's room connections fresh and expires those of instances that went away.</summary>
internal sealed class PresenceKeeper(IServiceScopeFactory scopes, TimeProvider time, IOptions<LiveBoardOptions> options, ILogger<PresenceKeeper> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.HeartbeatSeconds), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<LiveBoardService>().HeartbeatAsync(stoppingToken);
            }
            catch (Exception ex) when (ex.IsDatabaseUnavailable() && !stoppingToken.IsCancellationRequested)
            {
                // Rows last longer than two beats: one missed beat removes nobody.
                logger.LogInformation("Presence heartbeat skipped: the database cannot be reached");
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Presence heartbeat failed; will retry");
            }
        }
    }
}
