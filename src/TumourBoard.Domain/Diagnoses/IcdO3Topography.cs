using System.Diagnostics.CodeAnalysis;

namespace TumourBoard.Domain.Diagnoses;

/// <summary>
/// An ICD-O-3 topography (site) code from C00.0 to C80.9, shown as <c>C74.9</c> and stored as <c>C749</c>.
/// Parsing accepts either form, in either case, with surrounding spaces.
/// </summary>
public sealed record IcdO3Topography
{
    public const string InvalidCode = "Diagnosis.TopographyInvalid";

    private const int LastSite = 809;

    private IcdO3Topography(int site) => Site = site;

    // C74.9 is 749: ICCC-3 site ranges such as C000-C809 compare on this number.
    internal int Site { get; }

    /// <summary>The form without a dot, e.g. <c>C749</c>, as registries and the ICCC-3 table write it.</summary>
    public string Code => $"C{Site:000}";

    /// <summary>The form people read, e.g. <c>C74.9</c>.</summary>
    public string Display => $"C{Site / 10:00}.{Site % 10}";

    public override string ToString() => Display;

    public static IcdO3Topography Parse(string? text) =>
        TryParse(text, out var topography)
            ? topography
            : throw new DomainException(InvalidCode, $"'{text}' is not an ICD-O-3 site code from C00.0 to C80.9.");

    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out IcdO3Topography? topography)
    {
        topography = null;
        var span = (text ?? "").AsSpan().Trim();
        if (span.Length is < 4 or > 5 || span[0] is not ('C' or 'c'))
            return false;

        Span<char> digits = stackalloc char[3];
        digits[0] = span[1];
        digits[1] = span[2];
        if (span.Length == 5)
        {
            if (span[3] != '.')
                return false;
            digits[2] = span[4];
        }
        else
        {
            digits[2] = span[3];
        }

        if (digits.ContainsAnyExceptInRange('0', '9'))
            return false;
        var site = int.Parse(digits);
        if (site > LastSite)
            return false;

        topography = new IcdO3Topography(site);
        return true;
    }

    internal static IcdO3Topography FromSite(int site) =>
        site is >= 0 and <= LastSite
            ? new IcdO3Topography(site)
            : throw new ArgumentOutOfRangeException(nameof(site), site, "A site number runs from 0 (C00.0) to 809 (C80.9).");
}
