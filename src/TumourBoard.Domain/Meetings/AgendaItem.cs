namespace TumourBoard.Domain.Meetings;

public enum AgendaItemStatus
{
    Waiting,
    Current,
    Discussed,
    Deferred,
}

/// <summary>A case on a meeting's agenda: its place, its time, who presents it.</summary>
public sealed class AgendaItem
{
    public const int MinMinutes = 1;
    public const int MaxMinutes = 120;
    public const int MaxReasonLength = 500;

    private AgendaItem() { }

    internal AgendaItem(int caseId, int position, int minutes, Guid? presenterId, bool isLateAddition, bool isCarriedOver)
    {
        CaseId = caseId;
        Position = position;
        Minutes = ValidMinutes(minutes);
        PresenterId = presenterId;
        IsLateAddition = isLateAddition;
        IsCarriedOver = isCarriedOver;
        Status = AgendaItemStatus.Waiting;
    }

    public int Id { get; private set; }

    public int MeetingId { get; private set; }

    public int CaseId { get; private set; }

    public int Position { get; internal set; }

    public int Minutes { get; private set; }

    public Guid? PresenterId { get; private set; }

    /// <summary>Added by the coordinator after the agenda was published.</summary>
    public bool IsLateAddition { get; private set; }

    /// <summary>Deferred from an earlier meeting.</summary>
    public bool IsCarriedOver { get; private set; }

    public AgendaItemStatus Status { get; internal set; }

    public string? DeferralReason { get; private set; }

    internal void ChangeMinutes(int minutes) => Minutes = ValidMinutes(minutes);

    internal void ChangePresenter(Guid? presenterId) => PresenterId = presenterId;

    internal void Defer(string reason)
    {
        Status = AgendaItemStatus.Deferred;
        DeferralReason = reason;
    }

    private static int ValidMinutes(int minutes) =>
        minutes is < MinMinutes or > MaxMinutes
            ? throw new DomainException("Agenda.MinutesInvalid", $"An item takes {MinMinutes} to {MaxMinutes} minutes.")
            : minutes;
}
