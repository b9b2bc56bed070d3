namespace TumourBoard.Web.Features.Notifications;

public enum NotificationKind
{
    AgendaPublished,
    MeetingCancelled,
    LateAddition,
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

    public long Id { get; private set; }

    public Guid UserId { get; private set; }

    public NotificationKind Kind { get; private set; }

    public int MeetingId { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime? ReadAtUtc { get; private set; }

    public void MarkRead(DateTime nowUtc) => ReadAtUtc ??= nowUtc;
}
