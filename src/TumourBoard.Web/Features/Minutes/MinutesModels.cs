using TumourBoard.Domain.Common;
using TumourBoard.Domain.LiveBoard;
using TumourBoard.Domain.Minutes;
using TumourBoard.Domain.People;

namespace TumourBoard.Web.Features.Minutes;

/// <summary>Everything the minutes say, read from what the room recorded plus the narrative; the input of the PDF.</summary>
public sealed record MinutesRecord(
    int MeetingId,
    string? Title,
    DateTime StartsAtUtc,
    DateTime? StartedAtUtc,
    DateTime? ClosedAtUtc,
    BoardLanguage Language,
    string? Chair,
    string? Secretary,
    QuorumRules Quorum,
    VotingMode VotingMode,
    IReadOnlyList<AttendeeRecord> Attendees,
    IReadOnlyList<CaseRecord> Cases,
    IReadOnlyList<DeferredRecord> Deferred,
    MinutesStatus Status,
    int VersionNumber,
    string? CorrectionReason,
    string? FinalisedBy = null,
    FollowUps.FollowUpAgenda? FollowUps = null,
    TumourBoard.Domain.Moc.MocRules? MocRules = null);

/// <summary>One person who attended, with each time they joined and left the room.</summary>
public sealed record AttendeeRecord(string Name, string? CentreCode, string? CentreName, Discipline Discipline, string Role, IReadOnlyList<AttendancePeriod> Periods);

public sealed record AttendancePeriod(DateTime JoinedAtUtc, DateTime? LeftAtUtc);

public sealed record CaseRecord(
    int ItemId,
    int Position,
    string Code,
    string CentreCode,
    string CentreName,
    string? Presenter,
    int AgeYears,
    int AgeMonths,
    TumourBoard.Domain.Cases.Sex Sex,
    string Diagnosis,
    string? Iccc3,
    string Question,
    bool IsLateAddition,
    IReadOnlyList<OptionRecord> Options,
    int VotesCast,
    int Abstentions,
    int CentresRepresented,
    bool IsTie,
    RecommendationRecord? Recommendation,
    string? Summary,
    IReadOnlyList<FollowUpAction> FollowUps,
    TumourBoard.Domain.Moc.MocResult? Moc = null);

public sealed record OptionRecord(int Id, string Label, string? Trial, int Votes, bool IsWinner);

public sealed record RecommendationRecord(string? Option, string? Text, string Rationale, Consensus Consensus, string? Dissent, string? TrialReferral, bool QuorumMet);

/// <summary>A case deferred at or before the meeting; <paramref name="NotReached"/> when the meeting ran out of time for it.</summary>
public sealed record DeferredRecord(string Code, string CentreCode, string? Reason, bool NotReached, bool IsLateAddition);

/// <summary>The one-page letter to the referring clinician about one case.</summary>
public sealed record LetterRecord(int MeetingId, DateTime MeetingStartsAtUtc, string? MeetingTitle, BoardLanguage Language, string? Chair,
    string CaseCode, string CentreName, string Question, RecommendationRecord Recommendation);

/// <summary>A finalised version as lists show it (without its PDF).</summary>
public sealed record MinutesVersionInfo(int Number, DateTime FinalisedAtUtc, string? FinalisedBy, string? CorrectionReason, string Sha256);

/// <summary>The minutes as their page shows them, with what the reader may do.</summary>
public sealed record MinutesView(MinutesRecord Record, IReadOnlyList<MinutesVersionInfo> Versions, bool CanEdit, bool CanFinalise, bool CanExport, uint Version);

/// <summary>A PDF to send: its bytes and the file name it is offered under.</summary>
public sealed record PdfFile(byte[] Content, string FileName);

/// <summary>What a PDF someone holds turned out to be.</summary>
public sealed record VerificationResult(string Sha256, bool IsFinalisedVersion, int? MeetingId, string? MeetingTitle, DateTime? MeetingStartsAtUtc,
    int? VersionNumber, DateTime? FinalisedAtUtc, bool? IsLatestVersion);

public sealed record CaseNarrativeRequest(string? Summary, IReadOnlyList<FollowUpRequest>? FollowUps, uint? Version);

public sealed record FollowUpRequest(string? Action, string? Owner, DateOnly? DueDate);

public sealed record CorrectionRequest(string? Reason);
