using Microsoft.Extensions.Options;
using TumourBoard.Web.Infrastructure;

namespace TumourBoard.Web.Features.Account;

/// <summary>
/// Sends a signed-in member of a role that requires two-factor authentication (Admin and Coordinator by default) to
/// its set-up page until it is on: every page of the app redirects there; signing out, the set-up itself, static files
/// and the API (which uses tokens) stay reachable.
/// </summary>
public static class TwoFactorEnrolment
{
    public const string SetupPath = "/Account/Manage/TwoFactor";

    private static readonly string[] Open = [SetupPath, "/Account/Logout", "/Account/Login", "/_framework", "/_content", "/_blazor", "/api", "/hubs", "/health", "/Preferences", "/not-found", "/Error"];

    // The page that asks for the second factor needs its styles and scripts; downloads (.pdf, .csv, .ics) do not pass.
    private static readonly HashSet<string> StaticFile = new([".css", ".js", ".mjs", ".svg", ".png", ".ico", ".woff", ".woff2", ".map"], StringComparer.OrdinalIgnoreCase);

    public static IApplicationBuilder UseTwoFactorEnrolment(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            var user = context.User;
            if (user.Identity?.IsAuthenticated == true && user.FindFirst(BoardClaims.TwoFactor) is null
                && !Open.Any(p => context.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase))
                && !StaticFile.Contains(Path.GetExtension(context.Request.Path.Value) ?? "")
                && context.RequestServices.GetRequiredService<IOptionsMonitor<SignInRules>>().CurrentValue.RequiresTwoFactor(user))
            {
                context.Response.Redirect($"{SetupPath}?required=true");
                return Task.CompletedTask;
            }
            return next(context);
        });
}
