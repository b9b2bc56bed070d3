using TumourBoard.Domain.Common;

namespace TumourBoard.Domain.Meetings;

/// <summary>One sitting of the board, weekly or extra.</summary>
public sealed class Meeting
{
    public const int MaxTitleLength = 200;
    public const int MaxReasonLength = 1000;

    private Meeting() { }

    private Meeting(MeetingKind kind, DateTime startsAtUtc, int durationMinutes, string? title, BoardLanguage language, string? videoLink, Guid? chairId)
    {
        if (startsAtUtc.Kind != DateTimeKind.Utc)
            throw new ArgumentException("Meeting times are UTC.", nameof(startsAtUtc));
        if (durationMinutes is < WeeklySchedule.MinDurationMinutes or > WeeklySchedule.MaxDurationMinutes)
            throw new DomainException("Meeting.DurationInvalid", $"A meeting lasts {WeeklySchedule.MinDurationMinutes} to {WeeklySchedule.MaxDurationMinutes} minutes.");
        title = string.IsNullOrWhiteSpace(title) ? null : title.Trim();
        if (title?.Length > MaxTitleLength)
            throw new DomainException("Meeting.TitleTooLong", $"A title has at most {MaxTitleLength} characters.");
        if (!Enum.IsDefined(language))
            throw new DomainException("Meeting.LanguageInvalid", "Unknown language.");
        Kind = kind;
        StartsAtUtc = startsAtUtc;
        DurationMinutes = durationMinutes;
        Title = title;
        Language = language;
        VideoLink = VideoLinks.Normalise(videoLink);
        ChairId = chairId;
        Status = MeetingStatus.Planned;
    }

    public static Meeting Weekly(DateTime startsAtUtc, WeeklySchedule schedule) =>
        new(MeetingKind.Weekly, startsAtUtc, schedule.DurationMinutes, null, schedule.Language, schedule.VideoLink, schedule.DefaultChairId);

    public static Meeting Extra(DateTime startsAtUtc, int durationMinutes, string? title, BoardLanguage language, string? videoLink, Guid chairId) =>
        new(MeetingKind.Extra, startsAtUtc, durationMinutes, title, language, videoLink, chairId);

    public int Id { get; private set; }

    public MeetingKind Kind { get; private set; }

    public string? Title { get; private set; }

    public DateTime StartsAtUtc { get; private set; }

    public int DurationMinutes { get; private set; }

    public DateTime EndsAtUtc => StartsAtUtc.AddMinutes(DurationMinutes);

    public BoardLanguage Language { get; private set; }

    public string? VideoLink { get; private set; }

    public Guid? ChairId { get; private set; }

    public Guid? SecretaryId { get; private set; }

    public MeetingStatus Status { get; private set; }

    public string? CancellationReason { get; private set; }

    public void Cancel(string reason)
    {
        reason = (reason ?? "").Trim();
        if (reason.Length is 0 or > MaxReasonLength)
            throw new DomainException("Meeting.CancelReasonRequired", $"Give a reason of 1 to {MaxReasonLength} characters for cancelling.");
        if (Status is not (MeetingStatus.Planned or MeetingStatus.AgendaPublished))
            throw new DomainException("Meeting.CannotCancel", "Only a meeting that has not started can be cancelled.");
        Status = MeetingStatus.Cancelled;
        CancellationReason = reason;
    }

    public void AssignRoles(Guid? chairId, Guid? secretaryId)
    {
        if (Status is MeetingStatus.Closed or MeetingStatus.MinutesFinalised or MeetingStatus.Cancelled)
            throw new DomainException("Meeting.Ended", "This meeting has ended; its chair and secretary are part of the record.");
        ChairId = chairId;
        SecretaryId = secretaryId;
    }
}
