using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace TumourBoard.Domain.Diagnoses;

public enum TrialIdentifierKind
{
    /// <summary>ClinicalTrials.gov, e.g. NCT01234567.</summary>
    Nct,

    /// <summary>EU Clinical Trials Regulation (CTIS), e.g. 2022-500123-45-00.</summary>
    EuCt,

    /// <summary>EudraCT, used before the Regulation, e.g. 2015-001234-12.</summary>
    EudraCt,
}

/// <summary>
/// A clinical trial registration number: an NCT number, an EU CT number or an older EudraCT number.
/// The format is checked; whether the trial exists is not. EU CT and EudraCT check digits are not verified.
/// </summary>
public sealed record TrialIdentifier
{
    public const string InvalidCode = "Trial.IdentifierInvalid";

    // A lenient bound: CTIS, which issues EU CT numbers, went live on 31 January 2022.
    private const int FirstEuCtYear = 2019;

    // EudraCT issued its first numbers in April 2004.
    private const int FirstEudraCtYear = 2004;

    private const int LastYear = 2099;

    // Finds candidates in free text; TryParse then decides. NonBacktracking keeps the scan linear in the
    // length of user-written text. The optional fourth block is greedy, so an EU CT number is not cut short
    // into a EudraCT-shaped match.
    private static readonly Regex _candidate = new(
        @"\b(?:NCT[0-9]{8}|[0-9]{4}-[0-9]{6}-[0-9]{2}(?:-[0-9]{2})?)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);

    private TrialIdentifier(TrialIdentifierKind kind, string value)
    {
        Kind = kind;
        Value = value;
    }

    public TrialIdentifierKind Kind { get; }

    /// <summary>The normalised number: upper-case NCT, digits and hyphens otherwise.</summary>
    public string Value { get; }

    public override string ToString() => Value;

    public static TrialIdentifier Parse(string? text) =>
        TryParse(text, out var identifier)
            ? identifier
            : throw new DomainException(InvalidCode,
                $"'{text}' is not a trial number such as NCT01234567, 2022-500123-45-00 (EU CT) or 2015-001234-12 (EudraCT).");

    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out TrialIdentifier? identifier)
    {
        identifier = null;
        var span = (text ?? "").AsSpan().Trim();

        if (span.Length == 11 && span.StartsWith("NCT", StringComparison.OrdinalIgnoreCase) && AreDigits(span[3..]))
        {
            identifier = new TrialIdentifier(TrialIdentifierKind.Nct, "NCT" + span[3..].ToString());
            return true;
        }

        // YYYY-5NNNNN-NN-NN
        if (span.Length == 17 && IsYear(span[..4], FirstEuCtYear) && span[4] == '-' && span[5] == '5' && AreDigits(span[6..11])
            && span[11] == '-' && AreDigits(span[12..14]) && span[14] == '-' && AreDigits(span[15..]))
        {
            identifier = new TrialIdentifier(TrialIdentifierKind.EuCt, span.ToString());
            return true;
        }

        // YYYY-NNNNNN-CC
        if (span.Length == 14 && IsYear(span[..4], FirstEudraCtYear) && span[4] == '-' && AreDigits(span[5..11])
            && span[11] == '-' && AreDigits(span[12..]))
        {
            identifier = new TrialIdentifier(TrialIdentifierKind.EudraCt, span.ToString());
            return true;
        }

        return false;
    }

    /// <summary>
    /// The trial numbers mentioned in free text such as an option label ("Enrol in NCT01234567"),
    /// each once, in order of first mention. Runs in time linear in the length of the text.
    /// </summary>
    public static IReadOnlyList<TrialIdentifier> FindIn(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return [];

        var found = new List<TrialIdentifier>();
        foreach (var match in _candidate.EnumerateMatches(text))
        {
            if (TryParse(text.AsSpan(match.Index, match.Length).ToString(), out var identifier) && !found.Contains(identifier))
                found.Add(identifier);
        }

        return found;
    }

    private static bool AreDigits(ReadOnlySpan<char> span) => span.Length > 0 && !span.ContainsAnyExceptInRange('0', '9');

    private static bool IsYear(ReadOnlySpan<char> span, int firstYear) =>
        AreDigits(span) && int.Parse(span) is var year && year >= firstYear && year <= LastYear;
}
