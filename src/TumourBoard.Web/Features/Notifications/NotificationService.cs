using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using TumourBoard.Domain.Meetings;
using TumourBoard.Domain.People;
using TumourBoard.Web.Data;
using TumourBoard.Web.Infrastructure;
using TumourBoard.Web.Localization;

namespace TumourBoard.Web.Features.Notifications;

public sealed record NotificationView(long Id, NotificationKind Kind, int MeetingId, DateTime MeetingStartsAtUtc, DateTime CreatedAtUtc, bool IsRead,
    int? CaseId = null, string? CaseCode = null, TumourBoard.Domain.FollowUps.Milestone? Milestone = null);

/// <summary>Tells the board about meetings: in the app, and by e-mail in each reader's language.</summary>
public sealed class NotificationService(
    IDbContextFactory<TumourBoardDbContext> dbFactory,
    MailSender mail,
    IStringLocalizer<SharedResource> text,
    IOptions<AppOptions> app,
    TimeProvider time,
    ILogger<NotificationService> logger)
{
    public async Task<IReadOnlyList<NotificationView>> LatestAsync(Actor actor, int take = 10, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<Notification>().AsNoTracking().Where(n => n.UserId == actor.UserId)
            .OrderByDescending(n => n.CreatedAtUtc).Take(take)
            .Join(db.Meetings, n => n.MeetingId, m => m.Id, (n, m) => new NotificationView(n.Id, n.Kind, n.MeetingId, m.StartsAtUtc, n.CreatedAtUtc, n.ReadAtUtc != null,
                n.CaseId, db.Cases.Where(c => c.Id == n.CaseId).Select(c => c.Code).FirstOrDefault(), n.Milestone))
            .ToListAsync(ct);
    }

    public async Task<int> UnreadCountAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<Notification>().CountAsync(n => n.UserId == actor.UserId && n.ReadAtUtc == null, ct);
    }

    public async Task MarkAllReadAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        await db.Set<Notification>().Where(n => n.UserId == actor.UserId && n.ReadAtUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAtUtc, now), ct);
    }

    /// <summary>Adds a notification for every active member of the board and every observer, in the caller's transaction.</summary>
    public static async Task AddForBoardAsync(TumourBoardDbContext db, NotificationKind kind, int meetingId, DateTime nowUtc, CancellationToken ct)
    {
        var recipients = await BoardRecipients(db).Select(u => u.Id).ToListAsync(ct);
        db.Set<Notification>().AddRange(recipients.Select(id => new Notification(id, kind, meetingId, nowUtc)));
    }

    /// <summary>
    /// Tells the active clinicians and data managers of a case's centre, in the caller's transaction, that a milestone of
    /// its follow-up is due; they are the ones who report it.
    /// </summary>
    public static async Task AddFollowUpDueAsync(TumourBoardDbContext db, int centreId, int meetingId, int caseId, TumourBoard.Domain.FollowUps.Milestone milestone,
        DateTime nowUtc, CancellationToken ct)
    {
        var recipients = await db.Users.Where(u => u.IsActive && u.CentreId == centreId && db.UserRoles.Any(ur => ur.UserId == u.Id
                && db.Roles.Any(r => r.Id == ur.RoleId && (r.Name == Roles.Clinician || r.Name == Roles.DataManager))))
            .Select(u => u.Id).ToListAsync(ct);
        db.Set<Notification>().AddRange(recipients.Select(id => Notification.FollowUpDue(id, meetingId, caseId, milestone, nowUtc)));
    }

    /// <summary>
    /// E-mails the published agenda to the board, each person in their language. Sent after the change is committed;
    /// a failing mail server is logged and does not undo the publication.
    /// </summary>
    public async Task MailAgendaAsync(int meetingId, CancellationToken ct = default)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var meeting = await db.Meetings.AsNoTracking().Include(m => m.Items).SingleAsync(m => m.Id == meetingId, ct);
            var caseIds = meeting.Items.Select(i => i.CaseId).ToList();
            var cases = await db.Cases.Where(c => caseIds.Contains(c.Id))
                .Select(c => new { c.Id, c.Code, Centre = db.Centres.Where(x => x.Id == c.CentreId).Select(x => x.Code).First() })
                .ToDictionaryAsync(c => c.Id, ct);
            var recipients = await BoardRecipients(db).Select(u => new { u.Email, u.DisplayName, u.PreferredLanguage }).ToListAsync(ct);
            foreach (var recipient in recipients)
            {
                var culture = new CultureInfo(SupportedCultures.For(recipient.PreferredLanguage));
                var previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
                CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = culture;
                try
                {
                    var local = BoardTime.ToLocal(meeting.StartsAtUtc);
                    var agenda = new StringBuilder();
                    foreach (var (item, starts) in meeting.Schedule())
                        agenda.AppendLine(CultureInfo.CurrentCulture, $"{BoardTime.ToLocal(starts):t}  {cases[item.CaseId].Code} ({cases[item.CaseId].Centre}), {item.Minutes} min");
                    var link = $"{app.Value.PublicBaseUrl.TrimEnd('/')}/meetings/{meeting.Id}";
                    await mail.SendAsync(recipient.Email!, text["Mail.Agenda.Subject", local.ToString("D", culture)],
                        text["Mail.Agenda.Body", recipient.DisplayName, local.ToString("D", culture), local.ToString("t", culture), agenda.ToString(), link], ct);
                }
                finally
                {
                    (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = previous;
                }
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Could not e-mail the agenda of meeting {MeetingId}", meetingId);
        }
    }

    private static IQueryable<AppUser> BoardRecipients(TumourBoardDbContext db) =>
        db.Users.Where(u => u.IsActive && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId
            && (r.Name == Roles.Coordinator || r.Name == Roles.DataManager || r.Name == Roles.Clinician || r.Name == Roles.Observer))));
}
