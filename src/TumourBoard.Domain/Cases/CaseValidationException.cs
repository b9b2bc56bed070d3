namespace TumourBoard.Domain.Cases;

/// <summary>One field's problem: <see cref="Field"/> is the camelCase path (e.g. options[1].label), <see cref="Code"/> the message key.</summary>
public sealed record FieldError(string Field, string Code);

/// <summary>The case is incomplete or malformed; nothing was stored.</summary>
public sealed class CaseValidationException(IReadOnlyList<FieldError> errors)
    : DomainException("Case.Invalid", "The case has invalid fields: " + string.Join(", ", errors.Select(e => $"{e.Field} ({e.Code})")))
{
    public IReadOnlyList<FieldError> Errors { get; } = errors;
}
