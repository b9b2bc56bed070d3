using TumourBoard.Domain.Cases;
using TumourBoard.Domain.LiveBoard;
using TumourBoard.Domain.Meetings;
using TumourBoard.Domain.People;

namespace TumourBoard.Web.Features.LiveBoard;

public sealed record RoomItem(int Id, int Position, int CaseId, string CaseCode, string CentreCode, string DiagnosisLabel, int Minutes, int SecondsUsed,
    AgendaItemStatus Status, VotingStatus VotingStatus, string? PresenterName, bool IsLateAddition);

public sealed record PresentPerson(Guid UserId, string Name, string Role, int? CentreId, string? CentreCode, Discipline Discipline, bool CanVote);

public sealed record RoomOption(int Id, int Position, string Label, string? Detail, string? Trial, bool AddedInDiscussion);

public sealed record RoomRecommendation(int? OptionId, string? Text, string Rationale, Consensus Consensus, string? Dissent, string? TrialReferral, bool QuorumMet, DateTime RecordedAtUtc);

/// <summary>The case under discussion as the room shows it.</summary>
public sealed record RoomCase(int Id, string Code, string CentreName, CaseContent Content, string? Iccc3Subgroup, IReadOnlyList<RoomOption> Options);

/// <summary>A vote's result as the asking member may see it: counts are empty in a blind vote until it closes.</summary>
public sealed record TallyView(int ItemId, VotingStatus Status, int VotesCast, IReadOnlyList<OptionCount> Options, int Abstentions, int CentresRepresented, int? WinningOptionId, bool IsTie, bool CountsVisible);

public sealed record RoomState(
    int MeetingId,
    string? Title,
    DateTime StartsAtUtc,
    MeetingStatus Status,
    VotingMode VotingMode,
    int? CurrentItemId,
    IReadOnlyList<RoomItem> Items,
    RoomCase? ViewedCase,
    int? ViewedItemId,
    TallyView? Tally,
    int? MyVoteOptionId,
    bool MyVoteIsAbstention,
    RoomRecommendation? Recommendation,
    IReadOnlyList<PresentPerson> Present,
    QuorumState Quorum,
    bool IsChair,
    bool IsSecretary,
    bool CanVote,
    DateTime ServerTimeUtc,
    TumourBoard.Domain.Moc.MocResult? Moc = null);

/// <summary>
/// The board's recommendation as the chair records it. <see cref="Trial"/> names the trial the case is referred to
/// (EU CT, EudraCT or NCT number); when empty, the chosen option's trial is the referral.
/// </summary>
public sealed record RecommendationRequest(int? OptionId, string? Text, string? Rationale, Consensus? Consensus, string? Dissent, string? Trial = null);
