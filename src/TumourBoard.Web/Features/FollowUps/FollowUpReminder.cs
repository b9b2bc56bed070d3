using TumourBoard.Web.Infrastructure;

namespace TumourBoard.Web.Features.FollowUps;

/// <summary>Tells the submitting centres of follow-ups that fell due, checking every hour.</summary>
internal sealed class FollowUpReminder(IServiceScopeFactory scopeFactory, TimeProvider time, ILogger<FollowUpReminder> logger)
    : HourlyJob(scopeFactory, time, logger)
{
    protected override async Task<string?> RunAsync(IServiceProvider services, DateTime nowUtc, CancellationToken ct)
    {
        var told = await services.GetRequiredService<FollowUpService>().NotifyDueAsync(nowUtc, ct);
        return told > 0 ? $"told the centres of {told} follow-up milestones that fell due" : null;
    }
}
