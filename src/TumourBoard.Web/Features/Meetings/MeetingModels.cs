using TumourBoard.Domain.Cases;
using TumourBoard.Domain.Common;
using TumourBoard.Domain.Meetings;

namespace TumourBoard.Web.Features.Meetings;

public sealed record MeetingSummary(int Id, MeetingKind Kind, string? Title, DateTime StartsAtUtc, int DurationMinutes, MeetingStatus Status, string? ChairName, int ItemCount = 0);

public sealed record AgendaItemView(
    int Id, int CaseId, string CaseCode, int CentreId, string CentreCode, string DiagnosisLabel, Urgency Urgency, DiseaseStatus DiseaseStatus,
    int Position, int Minutes, Guid? PresenterId, string? PresenterName, DateTime StartsAtUtc, AgendaItemStatus Status,
    bool IsLateAddition, bool IsCarriedOver, string? DeferralReason);

public sealed record AvailableCase(
    int Id, string Code, int CentreId, string CentreCode, string DiagnosisLabel, Urgency Urgency, DiseaseStatus DiseaseStatus,
    CaseStatus Status, int DefaultMinutes, Guid? PresenterId, DateTime? SubmittedAtUtc);

public sealed record MeetingDetails(
    int Id,
    MeetingKind Kind,
    string? Title,
    DateTime StartsAtUtc,
    int DurationMinutes,
    MeetingStatus Status,
    BoardLanguage Language,
    string? VideoLink,
    Guid? ChairId,
    string? ChairName,
    Guid? SecretaryId,
    string? SecretaryName,
    string? CancellationReason,
    IReadOnlyList<AgendaItemView> Items,
    int AgendaMinutes,
    bool RunsOverTime,
    bool CanPrepareAgenda,
    bool CanAddLate,
    bool CanManage,
    uint Version,
    TumourBoard.Domain.LiveBoard.VotingMode VotingMode,
    TumourBoard.Domain.LiveBoard.QuorumRules Quorum)
{
    public DateTime EndsAtUtc => StartsAtUtc.AddMinutes(DurationMinutes);
}

public sealed record PersonOption(Guid Id, string Name, string? CentreCode);

public sealed record ScheduleView(DayOfWeek Day, TimeOnly StartTime, int DurationMinutes, BoardLanguage Language, string? VideoLink, Guid? DefaultChairId, uint Version);

public sealed class ExtraMeetingForm
{
    public int DurationMinutes { get; set; } = 60;
    public string? Title { get; set; }
    public BoardLanguage Language { get; set; }
    public string? VideoLink { get; set; }
}

/// <summary>The meeting was not found.</summary>
public sealed class MeetingNotFoundException() : TumourBoard.Domain.DomainException("Meeting.NotFound", "This meeting does not exist.");
