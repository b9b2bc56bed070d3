namespace TumourBoard.Domain.FollowUps;

/// <summary>What became of the recommendation. <see cref="Reason"/> goes with <see cref="ImplementationOutcome.NotImplemented"/> only.</summary>
public sealed record ImplementationReport(ImplementationOutcome Outcome, NotImplementedReason? Reason, string? Detail);

/// <summary>The response assessed at a milestone, on the day it was assessed.</summary>
public sealed record ResponseReport(Milestone Milestone, TreatmentResponse Response, DateOnly AssessedOn);

/// <summary>
/// One report of a centre, applied whole or not at all: the implementation, responses, and milestones withdrawn as
/// entered in error. <see cref="CorrectionReason"/> is required when it changes or withdraws a value already reported.
/// </summary>
public sealed record FollowUpReport
{
    public ImplementationReport? Implementation { get; init; }

    public IReadOnlyList<ResponseReport> Responses { get; init; } = [];

    public IReadOnlyList<Milestone> Withdrawals { get; init; } = [];

    public string? CorrectionReason { get; init; }
}
