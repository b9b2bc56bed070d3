using System.Diagnostics.CodeAnalysis;

namespace TumourBoard.Domain.Diagnoses;

/// <summary>
/// An ICD-O-3 morphology code: a 4-digit histology and a behaviour digit, written <c>9500/3</c>.
/// Parsing accepts <c>9500/3</c>, <c>M-9500/3</c> and <c>M9500/3</c>, with surrounding spaces.
/// </summary>
public sealed record IcdO3Morphology
{
    public const string InvalidCode = "Diagnosis.MorphologyInvalid";

    // The ICD-O morphology axis is the M-8000 to M-9999 block; this checks the shape, not that the code exists.
    public const int FirstHistology = 8000;
    public const int LastHistology = 9999;

    public IcdO3Morphology(int histology, TumourBehaviour behaviour)
    {
        if (histology is < FirstHistology or > LastHistology)
            throw new DomainException(InvalidCode, $"An ICD-O-3 histology code is a number from {FirstHistology} to {LastHistology}.");
        if (!Enum.IsDefined(behaviour))
            throw new DomainException(InvalidCode, "An ICD-O-3 behaviour code is 0, 1, 2, 3, 6 or 9.");
        Histology = histology;
        Behaviour = behaviour;
    }

    public int Histology { get; }

    public TumourBehaviour Behaviour { get; }

    /// <summary>The normalised form, e.g. <c>9500/3</c>.</summary>
    public string Code => $"{Histology}/{(int)Behaviour}";

    public override string ToString() => Code;

    public static IcdO3Morphology Parse(string? text) =>
        TryParse(text, out var morphology)
            ? morphology
            : throw new DomainException(InvalidCode, $"'{text}' is not an ICD-O-3 morphology code such as 9500/3.");

    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out IcdO3Morphology? morphology)
    {
        morphology = null;
        var span = (text ?? "").AsSpan().Trim();
        if (span.Length > 0 && span[0] is 'M' or 'm')
        {
            span = span[1..];
            if (span.StartsWith("-"))
                span = span[1..];
        }

        if (span.Length != 6 || span[4] != '/' || !IsAsciiDigits(span[..4]) || !char.IsAsciiDigit(span[5]))
            return false;

        var histology = int.Parse(span[..4]);
        var behaviour = (TumourBehaviour)(span[5] - '0');
        if (histology is < FirstHistology or > LastHistology || !Enum.IsDefined(behaviour))
            return false;

        morphology = new IcdO3Morphology(histology, behaviour);
        return true;
    }

    private static bool IsAsciiDigits(ReadOnlySpan<char> span) => !span.ContainsAnyExceptInRange('0', '9');
}
