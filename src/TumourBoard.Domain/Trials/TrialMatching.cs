using TumourBoard.Domain.Diagnoses;

namespace TumourBoard.Domain.Trials;

/// <summary>What matching needs to know of a case: its age, its diagnosis and its marker tags.</summary>
public sealed record CaseProfile(int AgeYears, int AgeMonths, string? Iccc3Group, string? Iccc3Subgroup, string? Morphology, IReadOnlyList<string> MarkerTags);

public enum DiagnosisMatchKind
{
    /// <summary>The case's ICD-O-3 morphology is one the trial lists.</summary>
    Morphology,

    /// <summary>The case's ICCC-3 classification falls under a group or subgroup the trial lists.</summary>
    Iccc3,
}

/// <summary>Why the diagnosis fits: the trial's code that the case meets, and its ICCC-3 name (empty for a morphology).</summary>
public sealed record DiagnosisReason(DiagnosisMatchKind Kind, string Code, string Name);

/// <summary>
/// An open trial the case may be eligible for, with the reasons: the case's age within the trial's range, the diagnosis
/// that fits, and the required markers the case carries (<see cref="MatchedMarkers"/>) or, when the case records no
/// markers, those still to check (<see cref="MarkersToCheck"/>).
/// </summary>
public sealed record TrialMatch(
    ClinicalTrial Trial, int AgeYears, int AgeMonths, DiagnosisReason Diagnosis, IReadOnlyList<string> MatchedMarkers, IReadOnlyList<string> MarkersToCheck);

/// <summary>
/// Which catalogue trials a case may fit. A trial matches when it is open, its age range contains the case's age, and
/// the case's morphology or ICCC-3 classification is among its eligible diagnoses. Required markers are alternatives:
/// a case with marker tags must carry at least one of them; a case without any tags still matches, with the markers
/// listed for the board to check. It screens; it does not decide eligibility, which the trial's protocol does.
/// </summary>
public static class TrialMatching
{
    public static IReadOnlyList<TrialMatch> Find(IEnumerable<ClinicalTrial> trials, CaseProfile profile) =>
        trials.Select(t => Match(t, profile)).OfType<TrialMatch>()
            .OrderBy(m => m.MarkersToCheck.Count > 0)
            .ThenByDescending(m => m.MatchedMarkers.Count)
            .ThenBy(m => m.Diagnosis.Kind)
            .ThenBy(m => m.Trial.Title, StringComparer.CurrentCulture)
            .ToList();

    public static TrialMatch? Match(ClinicalTrial trial, CaseProfile profile)
    {
        ArgumentNullException.ThrowIfNull(trial);
        ArgumentNullException.ThrowIfNull(profile);
        if (trial.Status != TrialStatus.Open || !trial.Ages.Contains(profile.AgeYears, profile.AgeMonths))
            return null;
        if (DiagnosisOf(trial, profile) is not { } diagnosis)
            return null;

        if (trial.Markers.Length == 0)
            return new TrialMatch(trial, profile.AgeYears, profile.AgeMonths, diagnosis, [], []);
        var caseTags = profile.MarkerTags ?? [];
        if (caseTags.Count == 0)
            return new TrialMatch(trial, profile.AgeYears, profile.AgeMonths, diagnosis, [], trial.Markers);
        var matched = trial.Markers.Where(required => caseTags.Any(tag => MarkerTags.AreSame(tag, required))).ToList();
        return matched.Count == 0 ? null : new TrialMatch(trial, profile.AgeYears, profile.AgeMonths, diagnosis, matched, []);
    }

    // The most precise reason first: the exact morphology, then the narrowest ICCC-3 level that holds the case.
    private static DiagnosisReason? DiagnosisOf(ClinicalTrial trial, CaseProfile profile)
    {
        if (profile.Morphology is { } morphology && IcdO3Morphology.TryParse(morphology, out var parsed) && trial.MorphologyCodes.Contains(parsed.Code))
            return new DiagnosisReason(DiagnosisMatchKind.Morphology, parsed.Code, "");
        var category = trial.Iccc3Codes
            .Select(Iccc3.Category).OfType<Iccc3Category>()
            .Where(c => c.Covers(profile.Iccc3Group, profile.Iccc3Subgroup))
            .OrderByDescending(c => c.Level)
            .FirstOrDefault();
        return category is null ? null : new DiagnosisReason(DiagnosisMatchKind.Iccc3, category.Code, category.Name);
    }
}
