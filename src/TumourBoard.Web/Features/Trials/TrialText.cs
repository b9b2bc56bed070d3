using Microsoft.Extensions.Localization;
using TumourBoard.Domain.Trials;

namespace TumourBoard.Web.Features.Trials;

/// <summary>How the trial pages, the case page and the meeting room word ages, ranges and statuses.</summary>
public static class TrialText
{
    public static string Age(IStringLocalizer l, int totalMonths) =>
        totalMonths % 12 == 0 ? l["Trial.AgeYears", totalMonths / 12] : l["Case.AgeValue", totalMonths / 12, totalMonths % 12];

    public static string Range(IStringLocalizer l, AgeRange ages) => l["Trial.AgeRangeValue", Age(l, ages.MinMonths), Age(l, ages.MaxMonths)];

    public static string Phase(IStringLocalizer l, TrialPhase phase) => l["Trial.PhaseValue", TrialPhases.Format(phase)];

    public static string Identifiers(string? euCt, string? nct) => string.Join(" · ", new[] { euCt, nct }.OfType<string>());

    public static MudBlazor.Color StatusColour(TrialStatus status) => status switch
    {
        TrialStatus.Open => MudBlazor.Color.Success,
        TrialStatus.Suspended => MudBlazor.Color.Warning,
        _ => MudBlazor.Color.Default,
    };

    /// <summary>The three reasons of a match, each one line: age, diagnosis, markers.</summary>
    public static IReadOnlyList<string> Reasons(IStringLocalizer l, TrialMatchView m)
    {
        var reasons = new List<string>
        {
            l["Trial.Match.Age", l["Case.AgeValue", m.CaseAgeYears, m.CaseAgeMonths].Value, Range(l, m.Ages)],
            m.Diagnosis.Kind == DiagnosisMatchKind.Morphology
                ? l["Trial.Match.Morphology", m.Diagnosis.Code]
                : l["Trial.Match.Iccc3", m.Diagnosis.Code, m.Diagnosis.Name],
        };
        if (m.MatchedMarkers.Count > 0)
            reasons.Add(l["Trial.Match.Markers", string.Join(", ", m.MatchedMarkers)]);
        if (m.MarkersToCheck.Count > 0)
            reasons.Add(l["Trial.Match.MarkersToCheck", string.Join(", ", m.MarkersToCheck)]);
        return reasons;
    }
}
