namespace TumourBoard.Domain.Diagnoses;

/// <summary>
/// Molecular marker tags, such as ALK, MYCN amplification or NTRK fusion: short free-text labels that a case carries
/// and a trial requires. Tags compare without regard to case or repeated spaces, so "alk" on a case meets "ALK" in a trial.
/// </summary>
public static class MarkerTags
{
    public const int MaxLength = 40;
    public const int MaxCount = 12;

    public const string InvalidCode = "Markers.Invalid";
    public const string TooManyCode = "Markers.TooMany";

    /// <summary>One tag as it is stored: trimmed, inner spaces collapsed to one; the writer's capitals are kept.</summary>
    public static string Clean(string tag) => string.Join(' ', (tag ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>The key two tags are compared by.</summary>
    public static string Key(string tag) => Clean(tag).ToUpperInvariant();

    public static bool AreSame(string a, string b) => Key(a) == Key(b);

    /// <summary>
    /// Letters (any script), digits, spaces and the punctuation gene and variant names use (- + . / : ( ) _ ' *);
    /// commas and semicolons separate tags in forms and CSV files, so they cannot be inside one.
    /// </summary>
    public static bool IsValid(string? tag)
    {
        var cleaned = Clean(tag ?? "");
        return cleaned.Length is > 0 and <= MaxLength
            && cleaned.All(c => char.IsLetterOrDigit(c) || c is ' ' or '-' or '+' or '.' or '/' or ':' or '(' or ')' or '_' or '\'' or '*');
    }

    /// <summary>Tags written in one line, separated by commas or semicolons, e.g. "ALK, MYCN amplification".</summary>
    public static IReadOnlyList<string> Split(string? text) =>
        (text ?? "").Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Clean).Where(t => t.Length > 0).ToList();

    public static string Join(IEnumerable<string> tags) => string.Join(", ", tags);

    /// <summary>
    /// Checks a list of tags: the field error code of the first problem, or null. Duplicates (by <see cref="Key"/>) are
    /// not an error; <see cref="Distinct"/> drops them.
    /// </summary>
    public static string? Problem(IReadOnlyList<string?>? tags)
    {
        if (tags is null)
            return null;
        if (tags.Any(t => !IsValid(t)))
            return InvalidCode;
        return Distinct(tags!).Count > MaxCount ? TooManyCode : null;
    }

    /// <summary>The tags cleaned, each once (the first spelling wins), in the order written.</summary>
    public static IReadOnlyList<string> Distinct(IEnumerable<string> tags)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return tags.Select(Clean).Where(t => t.Length > 0 && seen.Add(Key(t))).ToList();
    }
}
