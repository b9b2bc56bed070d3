namespace TumourBoard.Domain;

/// <summary>
/// Raised when an operation would break a rule of the domain. <see cref="Code"/> is a stable,
/// machine-readable key (also the localisation key for the message shown to users).
/// </summary>
public class DomainException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}
