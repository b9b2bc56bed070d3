using TumourBoard.Domain;
using TumourBoard.Domain.FollowUps;

namespace TumourBoard.Web.Features.FollowUps;

/// <summary>The follow-up of one discussed case as its page and the API show it; <see cref="Version"/> is 0 while nothing is reported.</summary>
public sealed record FollowUpView(
    int CaseId,
    string CaseCode,
    int CentreId,
    string CentreCode,
    DiscussionView Discussion,
    IReadOnlyList<MilestoneView> Milestones,
    IReadOnlyList<FollowUpEntryView> History,
    bool CanReport,
    uint Version)
{
    public MilestoneView Of(Milestone milestone) => Milestones.Single(m => m.Milestone == milestone);
}

/// <summary>The recommendation followed up: where and when the board made it, and what it said.</summary>
public sealed record DiscussionView(int MeetingId, string? MeetingTitle, DateTime MeetingStartsAtUtc, DateOnly DiscussedOn, string? Option, string? Text, string? TrialReferral);

/// <summary>A milestone's window and state today, with the entry in force.</summary>
public sealed record MilestoneView(Milestone Milestone, MilestoneDates Dates, MilestoneState State, FollowUpEntryView? Current);

public sealed record FollowUpEntryView(
    int Sequence,
    Milestone Milestone,
    FollowUpEntryKind Kind,
    ImplementationOutcome? Outcome,
    NotImplementedReason? Reason,
    string? Detail,
    TreatmentResponse? Response,
    DateOnly? AssessedOn,
    string? CorrectionReason,
    string? ReportedBy,
    DateTime ReportedAtUtc);

/// <summary>A milestone of a discussed case that is due or overdue.</summary>
public sealed record DueFollowUp(int CaseId, string CaseCode, string CentreCode, string DiagnosisLabel, DateOnly DiscussedOn, Milestone Milestone, MilestoneDates Dates, MilestoneState State);

/// <summary>A report made since the previous meeting, for the follow-up section of a meeting's agenda.</summary>
public sealed record ReportedFollowUp(int CaseId, string CaseCode, string CentreCode, string DiagnosisLabel, DateOnly DiscussedOn, FollowUpEntryView Entry);

/// <summary>
/// The follow-up section of a meeting's agenda: what the centres reported after the previous meeting began and up to
/// this one's start (or now, before it), and what was overdue then.
/// </summary>
public sealed record FollowUpAgenda(DateTime? SinceUtc, DateTime UntilUtc, IReadOnlyList<ReportedFollowUp> Reported, IReadOnlyList<DueFollowUp> Overdue)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsEmpty => Reported.Count == 0 && Overdue.Count == 0;
}

/// <summary>The case has not been discussed: there is no recommendation to follow up yet.</summary>
public sealed class CaseNotDiscussedException() : DomainException("FollowUp.CaseNotDiscussed",
    "This case has not been discussed yet: its follow-up starts when the board records its recommendation.");
