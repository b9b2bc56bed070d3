using TumourBoard.Domain.Cases;

namespace TumourBoard.Web.Features.Cases;

public sealed record CaseFilter(CaseStatus? Status = null, int? CentreId = null, Urgency? Urgency = null);

public sealed record CaseSummary(
    int Id, string Code, int CentreId, string CentreCode, CaseStatus Status, Urgency Urgency, string DiagnosisLabel,
    string? Iccc3Group, int AgeYears, int AgeMonths, Sex Sex, DateTime? SubmittedAtUtc, DateTime UpdatedAtUtc);

public sealed record CaseOptionView(int Id, int Position, string Label, string? Detail, string? Trial, bool AddedInDiscussion);

public sealed record CaseEventView(CaseEventKind Kind, DateTime AtUtc, string? UserName, string? ChangedFields, string? Note, bool HasPreviousContent);

public sealed record CaseDetails(
    int Id,
    string Code,
    int CentreId,
    string CentreCode,
    string CentreName,
    CaseStatus Status,
    CaseContent Content,
    string? Iccc3Group,
    string? Iccc3Subgroup,
    string? Iccc3Name,
    string? PresenterName,
    DateTime CreatedAtUtc,
    DateTime? SubmittedAtUtc,
    DateTime UpdatedAtUtc,
    IReadOnlyList<CaseOptionView> Options,
    IReadOnlyList<CaseEventView> History,
    string? LocalReference,
    bool CanSeeLocalReference,
    bool CanEdit,
    bool CanSubmit,
    bool CanWithdraw,
    uint Version,
    IReadOnlyList<CaseDiscussionView>? Discussions = null);

/// <summary>A meeting that discussed the case, with whether the discussion met the MOC conditions.</summary>
public sealed record CaseDiscussionView(int MeetingId, string? MeetingTitle, DateTime MeetingStartsAtUtc, TumourBoard.Domain.Meetings.MeetingStatus MeetingStatus,
    TumourBoard.Domain.Moc.MocResult? Moc);

public sealed record Presenter(Guid Id, string Name);

/// <summary>The case was not found, or the actor may not know that it exists.</summary>
public sealed class CaseNotFoundException() : TumourBoard.Domain.DomainException("Case.NotFound", "This case does not exist.");
