namespace TumourBoard.Domain.Cases.Guard;

// A finding while scanning, in positions of the normalised text (end exclusive).
internal readonly record struct Candidate(IdentifierKind Kind, int Start, int End, string? SuggestedFix = null)
{
    public static Candidate Of(TokenisedText text, IdentifierKind kind, int firstToken, int lastToken, string? suggestedFix = null) =>
        new(kind, text[firstToken].Start, text[lastToken].End, suggestedFix);
}
