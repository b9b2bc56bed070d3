using TumourBoard.Domain.Common;

namespace TumourBoard.Web.Localization;

/// <summary>
/// The UI speaks English, French and Dutch. Each is paired with Belgian formatting (dates, numbers), since every user
/// works in Belgium whatever their language.
/// </summary>
public static class SupportedCultures
{
    public const string Default = "en-BE";

    public static readonly IReadOnlyList<string> All = ["en-BE", "fr-BE", "nl-BE"];

    public static string For(BoardLanguage language) => language switch
    {
        BoardLanguage.French => "fr-BE",
        BoardLanguage.Dutch => "nl-BE",
        _ => "en-BE",
    };

    public static bool IsSupported(string? culture) => culture is not null && All.Contains(culture);
}

/// <summary>Marker type for the shared UI strings (SharedResource.resx and its fr and nl siblings).</summary>
public sealed class SharedResource;
