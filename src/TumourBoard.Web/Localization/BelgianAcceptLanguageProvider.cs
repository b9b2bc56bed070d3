using Microsoft.AspNetCore.Localization;
using Microsoft.Net.Http.Headers;

namespace TumourBoard.Web.Localization;

/// <summary>
/// Reads the browser's languages and maps each to its Belgian culture: a browser asking for "fr" or "fr-FR" gets
/// fr-BE, "nl-NL" gets nl-BE, "en-US" gets en-BE. The first language the board speaks wins.
/// </summary>
public sealed class BelgianAcceptLanguageProvider : RequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        var header = httpContext.Request.GetTypedHeaders().AcceptLanguage;
        foreach (var language in header.OrderByDescending(h => h.Quality ?? 1))
        {
            var match = language.Value.Value?.Split('-')[0].ToLowerInvariant() switch
            {
                "fr" => "fr-BE",
                "nl" => "nl-BE",
                "en" => "en-BE",
                _ => null,
            };
            if (match is not null)
                return Task.FromResult<ProviderCultureResult?>(new ProviderCultureResult(match));
        }
        return NullProviderCultureResult;
    }
}
