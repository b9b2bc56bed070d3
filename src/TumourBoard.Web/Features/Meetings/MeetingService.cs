using Microsoft.EntityFrameworkCore;
using TumourBoard.Domain.Meetings;
using TumourBoard.Domain.People;
using TumourBoard.Web.Data;

namespace TumourBoard.Web.Features.Meetings;

public sealed record MeetingSummary(int Id, MeetingKind Kind, string? Title, DateTime StartsAtUtc, int DurationMinutes, MeetingStatus Status, string? ChairName);

public sealed class MeetingService(IDbContextFactory<TumourBoardDbContext> dbFactory)
{
    /// <summary>Upcoming meetings first in time order, or past meetings latest first.</summary>
    public async Task<IReadOnlyList<MeetingSummary>> ListAsync(Actor actor, bool upcoming, DateTime nowUtc, int take = 50, CancellationToken ct = default)
    {
        Access.Demand(Access.CanSeeMeetings(actor));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Meetings.AsNoTracking();
        // A meeting in progress or not yet closed stays "upcoming" until it ends.
        query = upcoming
            ? query.Where(m => m.StartsAtUtc.AddMinutes(m.DurationMinutes) >= nowUtc || m.Status == MeetingStatus.InProgress).OrderBy(m => m.StartsAtUtc)
            : query.Where(m => m.StartsAtUtc.AddMinutes(m.DurationMinutes) < nowUtc && m.Status != MeetingStatus.InProgress).OrderByDescending(m => m.StartsAtUtc);
        return await query.Take(take)
            .Select(m => new MeetingSummary(m.Id, m.Kind, m.Title, m.StartsAtUtc, m.DurationMinutes, m.Status,
                db.Users.Where(u => u.Id == m.ChairId).Select(u => u.DisplayName).FirstOrDefault()))
            .ToListAsync(ct);
    }

    /// <summary>
    /// Creates the weekly meetings of the next weeks that do not exist yet. An advisory lock keeps two instances from
    /// creating the same meeting twice.
    /// </summary>
    public async Task<int> EnsureWeeklyMeetingsAsync(DateTime nowUtc, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var schedule = await db.WeeklySchedules.AsNoTracking().OrderBy(s => s.Id).FirstOrDefaultAsync(ct);
        if (schedule is null)
            return 0;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(74201)", ct);
        var existing = await db.Meetings
            .Where(m => m.Kind == MeetingKind.Weekly && m.StartsAtUtc >= nowUtc.AddDays(-1))
            .Select(m => m.StartsAtUtc)
            .ToListAsync(ct);
        var missing = schedule.MissingMeetings(nowUtc, existing);
        db.Meetings.AddRange(missing);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return missing.Count;
    }
}
