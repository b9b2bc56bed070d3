using TumourBoard.Domain;
using TumourBoard.Domain.Trials;

namespace TumourBoard.Web.Features.Trials;

public sealed record TrialFilter(TrialStatus? Status = null, string? Search = null);

/// <summary>A Belgian site of a trial: one of the board's centres.</summary>
public sealed record TrialSite(int Id, string Code, string Name);

public sealed record TrialSummary(
    int Id, string? EuCtNumber, string? NctNumber, string Title, TrialPhase Phase, TrialStatus Status, AgeRange Ages,
    IReadOnlyList<string> Diagnoses, IReadOnlyList<string> Markers, IReadOnlyList<string> SiteCodes, DateTime UpdatedAtUtc);

/// <summary>An eligible diagnosis as the catalogue shows it: a code and, for ICCC-3 codes, its name.</summary>
public sealed record TrialDiagnosis(string Code, string? Name);

public sealed record TrialDetails(
    int Id, TrialContent Content, IReadOnlyList<TrialDiagnosis> Diagnoses, IReadOnlyList<TrialSite> Sites,
    DateTime CreatedAtUtc, DateTime UpdatedAtUtc, uint Version, bool CanManage);

/// <summary>A catalogue trial a case may fit, with the reasons to show.</summary>
public sealed record TrialMatchView(
    int TrialId, string? EuCtNumber, string? NctNumber, string Title, TrialPhase Phase, AgeRange Ages, int CaseAgeYears, int CaseAgeMonths,
    DiagnosisReason Diagnosis, IReadOnlyList<string> MatchedMarkers, IReadOnlyList<string> MarkersToCheck, IReadOnlyList<string> SiteCodes, string Contact);

/// <summary>A trial referral the board recorded for a case; <see cref="TrialId"/> is set when the catalogue holds the trial.</summary>
public sealed record TrialReferralView(int MeetingId, DateTime MeetingStartsAtUtc, string Identifier, int? TrialId, string? Title);

public sealed record TrialImportResult(int Added, int Updated, int Unchanged);

/// <summary>One bad row of an imported file: its line (1 is the header), the column at fault when known, and the message key.</summary>
public sealed record ImportProblem(int Line, string? Column, string Code);

/// <summary>The file has bad rows; nothing was imported. Every problem found is listed.</summary>
public sealed class TrialImportException(IReadOnlyList<ImportProblem> problems)
    : DomainException("Trials.ImportInvalid", $"The file has {problems.Count} problem(s); nothing was imported.")
{
    public IReadOnlyList<ImportProblem> Problems { get; } = problems;
}

public sealed class TrialNotFoundException() : DomainException("Trial.NotFound", "This trial does not exist.");
