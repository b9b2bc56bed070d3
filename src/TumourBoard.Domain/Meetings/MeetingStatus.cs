namespace TumourBoard.Domain.Meetings;

public enum MeetingStatus
{
    Planned,
    AgendaPublished,
    InProgress,
    Closed,
    MinutesFinalised,
    Cancelled,
}

public enum MeetingKind
{
    Weekly,
    Extra,
}
