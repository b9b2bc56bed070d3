namespace TumourBoard.Web.Features.Meetings;

/// <summary>Keeps the next weekly meetings generated, checking every hour.</summary>
internal sealed class WeeklyMeetingKeeper(IServiceScopeFactory scopeFactory, TimeProvider time, ILogger<WeeklyMeetingKeeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), time);
        do
        {
            try
            {
                await using var scope = scopeFactory.CreateAsyncScope();
                var created = await scope.ServiceProvider.GetRequiredService<MeetingService>()
                    .EnsureWeeklyMeetingsAsync(time.GetUtcNow().UtcDateTime, stoppingToken);
                if (created > 0)
                    logger.LogInformation("Created {Count} weekly meetings", created);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Could not generate weekly meetings; will retry");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
