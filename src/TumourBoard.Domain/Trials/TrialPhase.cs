namespace TumourBoard.Domain.Trials;

/// <summary>The phases of the early-phase trials the catalogue holds.</summary>
public enum TrialPhase
{
    I,
    IAndII,
    II,
}

public enum TrialStatus
{
    /// <summary>Recruiting: the only status the case pages match.</summary>
    Open,

    /// <summary>Recruitment paused (a safety review, a full cohort); kept in the catalogue, not matched.</summary>
    Suspended,

    Closed,
}

/// <summary>How phases and statuses are written in forms, CSV files and the API.</summary>
public static class TrialPhases
{
    public static IReadOnlyList<TrialPhase> All { get; } = [TrialPhase.I, TrialPhase.IAndII, TrialPhase.II];

    public static string Format(TrialPhase phase) => phase switch
    {
        TrialPhase.I => "I",
        TrialPhase.IAndII => "I/II",
        TrialPhase.II => "II",
        _ => throw new ArgumentOutOfRangeException(nameof(phase)),
    };

    /// <summary>Reads "I", "I/II", "II" (also "1", "1/2", "2", "Phase I/II", "IAndII"), ignoring case and spaces.</summary>
    public static bool TryParse(string? text, out TrialPhase phase)
    {
        var key = (text ?? "").Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        if (key.StartsWith("PHASE", StringComparison.Ordinal))
            key = key[5..];
        (var found, phase) = key switch
        {
            "I" or "1" => (true, TrialPhase.I),
            "I/II" or "I-II" or "1/2" or "1-2" or "IANDII" => (true, TrialPhase.IAndII),
            "II" or "2" => (true, TrialPhase.II),
            _ => (false, default),
        };
        return found;
    }

    public static bool TryParseStatus(string? text, out TrialStatus status) =>
        Enum.TryParse((text ?? "").Trim(), ignoreCase: true, out status) && Enum.IsDefined(status) && !int.TryParse(text, out _);
}
