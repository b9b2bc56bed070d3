namespace TumourBoard.Web.Features.LiveBoard;

/// <summary>Keeps this instance's room connections fresh and expires those of instances that went away.</summary>
internal sealed class PresenceKeeper(IServiceScopeFactory scopes, TimeProvider time, ILogger<PresenceKeeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(15), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<LiveBoardService>().HeartbeatAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Presence heartbeat failed; will retry");
            }
        }
    }
}
