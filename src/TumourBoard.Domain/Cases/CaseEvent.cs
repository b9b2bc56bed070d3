namespace TumourBoard.Domain.Cases;

public enum CaseEventKind
{
    Created,
    Edited,
    Submitted,
    Withdrawn,
    Scheduled,
    Unscheduled,
    Deferred,
    Discussed,
}

/// <summary>
/// One step in a case's history. Edits after submission keep the content as it was before the edit, so the board
/// can always see what it was shown.
/// </summary>
public sealed class CaseEvent
{
    private CaseEvent() { }

    internal CaseEvent(CaseEventKind kind, Guid? userId, DateTime atUtc, string? changedFields, string? previousContent, string? note)
    {
        Kind = kind;
        UserId = userId;
        AtUtc = atUtc;
        ChangedFields = changedFields;
        PreviousContent = previousContent;
        Note = note;
    }

    public long Id { get; private set; }

    public CaseEventKind Kind { get; private set; }

    public Guid? UserId { get; private set; }

    public DateTime AtUtc { get; private set; }

    /// <summary>Comma-separated names of the fields an edit changed.</summary>
    public string? ChangedFields { get; private set; }

    /// <summary>JSON of the case content before an edit made after submission.</summary>
    public string? PreviousContent { get; private set; }

    public string? Note { get; private set; }
}
