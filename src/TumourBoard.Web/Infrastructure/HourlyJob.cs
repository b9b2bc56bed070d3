namespace TumourBoard.Web.Infrastructure;

/// <summary>
/// Work every instance does at start and then every hour, each run in a scope of its own. A failed run is logged and
/// tried again at the next hour; the work itself keeps two instances from doing it twice.
/// </summary>
internal abstract class HourlyJob(IServiceScopeFactory scopeFactory, TimeProvider time, ILogger logger) : BackgroundService
{
    /// <summary>One run; what it returns is logged when it did something.</summary>
    protected abstract Task<string?> RunAsync(IServiceProvider services, DateTime nowUtc, CancellationToken ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), time);
        do
        {
            try
            {
                await using var scope = scopeFactory.CreateAsyncScope();
                if (await RunAsync(scope.ServiceProvider, time.GetUtcNow().UtcDateTime, stoppingToken) is { } done)
                    logger.LogInformation("{Job}: {Done}", GetType().Name, done);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "{Job} failed; will retry in an hour", GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
