using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using TumourBoard.Domain.Meetings;
using TumourBoard.Domain.People;
using TumourBoard.Web.Data;
using TumourBoard.Web.Features.Tokens;
using TumourBoard.Web.Infrastructure;
using TumourBoard.Web.Localization;

namespace TumourBoard.Web.Features.Calendar;

/// <summary>Meetings as iCalendar: one meeting to download, or a private feed per person that calendar apps subscribe to.</summary>
public sealed class CalendarService(IDbContextFactory<TumourBoardDbContext> dbFactory, IStringLocalizer<SharedResource> text, IOptions<AppOptions> app, TimeProvider time)
{
    public async Task<string> MeetingAsync(Actor actor, int meetingId, CancellationToken ct = default)
    {
        Access.Demand(Access.CanSeeMeetings(actor));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var meeting = await db.Meetings.AsNoTracking().Include(m => m.Items).SingleOrDefaultAsync(m => m.Id == meetingId, ct)
            ?? throw new Meetings.MeetingNotFoundException();
        return ICalendarWriter.Write([await EventOfAsync(db, meeting, ct)], time.GetUtcNow().UtcDateTime, text["Calendar.Name"]);
    }

    /// <summary>The feed of the person owning <paramref name="token"/>: recent and upcoming meetings, or null for an unknown token.</summary>
    public async Task<string?> FeedAsync(string token, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100)
            return null;
        var hash = PersonalAccessToken.HashOf(token);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.CalendarFeedHash == hash && u.IsActive, ct);
        if (user is null)
            return null;
        var roles = await db.UserRoles.Where(ur => ur.UserId == user.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).ToListAsync(ct);
        if (!roles.Any(r => r is Roles.Coordinator or Roles.DataManager or Roles.Clinician or Roles.Observer))
            return null;
        var now = time.GetUtcNow().UtcDateTime;
        var meetings = await db.Meetings.AsNoTracking().Include(m => m.Items)
            .Where(m => m.StartsAtUtc >= now.AddDays(-60) && m.StartsAtUtc <= now.AddDays(120)).OrderBy(m => m.StartsAtUtc).ToListAsync(ct);
        var previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(SupportedCultures.For(user.PreferredLanguage));
        try
        {
            var events = new List<CalendarEvent>();
            foreach (var meeting in meetings)
                events.Add(await EventOfAsync(db, meeting, ct));
            return ICalendarWriter.Write(events, now, text["Calendar.Name"]);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = previous;
        }
    }

    /// <summary>Makes a new feed address for the actor (the old one stops working) and returns it; it is shown once.</summary>
    public async Task<string> RenewFeedAsync(Actor actor, CancellationToken ct = default)
    {
        Access.Demand(Access.CanSeeMeetings(actor));
        var token = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_').TrimEnd('=');
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.Users.Where(u => u.Id == actor.UserId).ExecuteUpdateAsync(s => s.SetProperty(u => u.CalendarFeedHash, PersonalAccessToken.HashOf(token)), ct);
        return $"{app.Value.PublicBaseUrl.TrimEnd('/')}/calendar/{token}.ics";
    }

    public async Task RevokeFeedAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.Users.Where(u => u.Id == actor.UserId).ExecuteUpdateAsync(s => s.SetProperty(u => u.CalendarFeedHash, (string?)null), ct);
    }

    public async Task<bool> HasFeedAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Users.AnyAsync(u => u.Id == actor.UserId && u.CalendarFeedHash != null, ct);
    }

    private async Task<CalendarEvent> EventOfAsync(TumourBoardDbContext db, Meeting meeting, CancellationToken ct)
    {
        var description = new StringBuilder();
        if (meeting.Status == MeetingStatus.Cancelled)
            description.AppendLine(text["Calendar.Cancelled", meeting.CancellationReason ?? ""]);
        if (meeting.Status != MeetingStatus.Planned && meeting.Items.Count > 0)
        {
            var caseIds = meeting.Items.Select(i => i.CaseId).ToList();
            var codes = await db.Cases.Where(c => caseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Code, ct);
            description.AppendLine(text["Calendar.Agenda"]);
            foreach (var (item, starts) in meeting.Schedule())
                description.AppendLine(CultureInfo.CurrentCulture, $"{BoardTime.ToLocal(starts):HH:mm} {codes[item.CaseId]}");
        }
        var url = $"{app.Value.PublicBaseUrl.TrimEnd('/')}/meetings/{meeting.Id}";
        description.Append(url);
        var summary = meeting.Kind == MeetingKind.Extra && meeting.Title is not null ? meeting.Title : text["Calendar.Summary"].Value;
        return new CalendarEvent(meeting.Id, meeting.StartsAtUtc, meeting.EndsAtUtc, summary, description.ToString(), meeting.VideoLink, url,
            meeting.Status == MeetingStatus.Cancelled, meeting.AgendaRevision);
    }
}
