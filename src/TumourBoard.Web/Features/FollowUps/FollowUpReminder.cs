namespace TumourBoard.Web.Features.FollowUps;

/// <summary>Tells the submitting centres of follow-ups that fell due, checking every hour.</summary>
internal sealed class FollowUpReminder(IServiceScopeFactory scopeFactory, TimeProvider time, ILogger<FollowUpReminder> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), time);
        do
        {
            try
            {
                await using var scope = scopeFactory.CreateAsyncScope();
                var told = await scope.ServiceProvider.GetRequiredService<FollowUpService>().NotifyDueAsync(time.GetUtcNow().UtcDateTime, stoppingToken);
                if (told > 0)
                    logger.LogInformation("Told the centres of {Count} follow-up milestones that fell due", told);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Could not send the follow-up reminders; will retry");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
