namespace TumourBoard.Domain.Common;

/// <summary>The three languages the board works in; the value is the culture name.</summary>
public enum BoardLanguage
{
    English,
    French,
    Dutch,
}

public static class BoardLanguages
{
    public static BoardLanguage FromCultureName(string? culture) =>
        (culture ?? "").Split('-')[0].ToLowerInvariant() switch
        {
            "fr" => BoardLanguage.French,
            "nl" => BoardLanguage.Dutch,
            _ => BoardLanguage.English,
        };
}
