namespace TumourBoard.Domain.Cases.Guard;

/// <summary>
/// Identifying data found in one text. <see cref="Start"/> and <see cref="Length"/> are UTF-16 positions
/// in the text exactly as the user typed it (before normalisation), so the page can highlight them.
/// <see cref="SuggestedFix"/> is replacement text, not a sentence: for a full date it is the month and year
/// ("03/2015"); null when there is nothing safe to suggest.
/// </summary>
public sealed record IdentifierFinding(IdentifierKind Kind, int Start, int Length, string? SuggestedFix);

/// <summary>A finding in one named field of a case.</summary>
public sealed record FieldFinding(string Field, IdentifierFinding Finding);
