using TumourBoard.Web.Infrastructure;

namespace TumourBoard.Web.Features.Meetings;

/// <summary>Keeps the next weekly meetings generated, checking every hour.</summary>
internal sealed class WeeklyMeetingKeeper(IServiceScopeFactory scopeFactory, TimeProvider time, ILogger<WeeklyMeetingKeeper> logger)
    : HourlyJob(scopeFactory, time, logger)
{
    protected override async Task<string?> RunAsync(IServiceProvider services, DateTime nowUtc, CancellationToken ct)
    {
        var created = await services.GetRequiredService<MeetingService>().EnsureWeeklyMeetingsAsync(nowUtc, ct);
        return created > 0 ? $"created {created} weekly meetings" : null;
    }
}
