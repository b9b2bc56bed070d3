namespace TumourBoard.Domain.FollowUps;

/// <summary>
/// One report of one milestone, kept for ever: a correction or a withdrawal adds an entry and changes none. The value
/// in force for a milestone is its latest entry.
/// </summary>
public sealed class FollowUpEntry
{
    private FollowUpEntry() { }

    internal FollowUpEntry(int sequence, Milestone milestone, FollowUpEntryKind kind, ImplementationReport? implementation, ResponseReport? response,
        string? correctionReason, Guid reportedBy, DateTime reportedAtUtc)
    {
        Sequence = sequence;
        Milestone = milestone;
        Kind = kind;
        Outcome = implementation?.Outcome;
        Reason = implementation?.Reason;
        Detail = implementation?.Detail;
        Response = response?.Response;
        AssessedOn = response?.AssessedOn;
        CorrectionReason = correctionReason;
        ReportedById = reportedBy;
        ReportedAtUtc = reportedAtUtc;
    }

    public long Id { get; private set; }

    public int FollowUpId { get; private set; }

    /// <summary>Order of the entry within its follow-up, from 1.</summary>
    public int Sequence { get; private set; }

    public Milestone Milestone { get; private set; }

    public FollowUpEntryKind Kind { get; private set; }

    public ImplementationOutcome? Outcome { get; private set; }

    public NotImplementedReason? Reason { get; private set; }

    public string? Detail { get; private set; }

    public TreatmentResponse? Response { get; private set; }

    public DateOnly? AssessedOn { get; private set; }

    /// <summary>Why a value was corrected or withdrawn.</summary>
    public string? CorrectionReason { get; private set; }

    public Guid ReportedById { get; private set; }

    public DateTime ReportedAtUtc { get; private set; }

    public bool HoldsValue => Kind != FollowUpEntryKind.Withdrawn;

    public ImplementationReport? Implementation => HoldsValue && Outcome is { } outcome ? new ImplementationReport(outcome, Reason, Detail) : null;

    public ResponseReport? ResponseReport => HoldsValue && Response is { } response && AssessedOn is { } on ? new ResponseReport(Milestone, response, on) : null;
}
