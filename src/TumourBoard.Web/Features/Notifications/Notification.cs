using TumourBoard.Domain.FollowUps;

namespace TumourBoard.Web.Features.Notifications;

public enum NotificationKind
{
    AgendaPublished,
    MeetingCancelled,
    LateAddition,
    /// <summary>A milestone of a discussed case's follow-up fell due: told to the submitting centre, once.</summary>
    FollowUpDue,
}

/// <summary>An in-app message to one user; its text is written in the reader's language when shown.</summary>
public sealed class Notification
{
    private Notification() { }

    public Notification(Guid userId, NotificationKind kind, int meetingId, DateTime createdAtUtc)
    {
        UserId = userId;
        Kind = kind;
        MeetingId = meetingId;
        CreatedAtUtc = createdAtUtc;
    }

    /// <summary>That a follow-up milestone of a case discussed at <see cref="MeetingId"/> is due.</summary>
    public static Notification FollowUpDue(Guid userId, int meetingId, int caseId, Milestone milestone, DateTime createdAtUtc) =>
        new(userId, NotificationKind.FollowUpDue, meetingId, createdAtUtc) { CaseId = caseId, Milestone = milestone };

    public long Id { get; private set; }

    public Guid UserId { get; private set; }

    public NotificationKind Kind { get; private set; }

    public int MeetingId { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    /// <summary>The case a follow-up notification is about.</summary>
    public int? CaseId { get; private set; }

    public Milestone? Milestone { get; private set; }

    public DateTime? ReadAtUtc { get; private set; }

    public void MarkRead(DateTime nowUtc) => ReadAtUtc ??= nowUtc;
}
