using Microsoft.AspNetCore.Localization;
using TumourBoard.Domain.Common;
using TumourBoard.Web.Features.Account;
using TumourBoard.Web.Localization;

namespace TumourBoard.Web.Features.Preferences;

internal static class PreferenceEndpoints
{
    public const string CulturePath = "/Preferences/Culture";

    public static void MapPreferenceEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // Changing language reloads the page: a Blazor circuit keeps the culture it started with.
        endpoints.MapGet(CulturePath, async (string? culture, string? returnUrl, HttpContext context, PreferencesService preferences) =>
        {
            if (!SupportedCultures.IsSupported(culture))
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Unsupported language.");
            SetCultureCookie(context, culture!);
            if (context.User.ToActor() is { } actor)
                await preferences.ChooseLanguageAsync(actor.UserId, BoardLanguages.FromCultureName(culture), context.RequestAborted);
            return Results.LocalRedirect(IsLocal(returnUrl) ? returnUrl! : "~/");
        }).AllowAnonymous().ExcludeFromDescription();
    }

    public static void SetCultureCookie(HttpContext context, string culture) =>
        context.Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { MaxAge = TimeSpan.FromDays(365), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true, Secure = context.Request.IsHttps });

    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));
}
