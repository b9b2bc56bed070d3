namespace TumourBoard.Domain.Cases.Guard;

/// <summary>
/// Raised when a case would be saved with identifying data in it. The page shows <see cref="Findings"/>
/// field by field; the message is only a fallback for logs and tests.
/// </summary>
public sealed class IdentifyingDataException(IReadOnlyList<FieldFinding> findings)
    : DomainException(ErrorCode, Describe(findings))
{
    public const string ErrorCode = "Case.IdentifyingData";

    public IReadOnlyList<FieldFinding> Findings { get; } = findings;

    // Says what and where, never the identifier itself: exception messages end up in logs.
    private static string Describe(IReadOnlyList<FieldFinding> findings) =>
        "The case contains identifying data: " + string.Join("; ", findings.Select(f =>
            $"{f.Field}: {f.Finding.Kind} at {f.Finding.Start} (length {f.Finding.Length})"));
}
