using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace TumourBoard.Web.Features.Sessions;

/// <summary>
/// Ties the sign-in cookie to a server-side <see cref="SignInSession"/>: a sign-in starts one, each request checks
/// that it is still active, and a cookie whose session ended (signed out, revoked, idle, past its limit) is rejected.
/// </summary>
internal static class SignInSessions
{
    public static async Task OnSigningInAsync(CookieSigningInContext ctx)
    {
        if (ctx.Principal?.Identity is not ClaimsIdentity identity || !Guid.TryParse(identity.FindFirst(ClaimTypes.NameIdentifier)?.Value, out var userId))
            return;
        // A refreshed sign-in (after a password change, say) stays the session it was.
        var current = SessionService.IdOf(ctx.HttpContext.User);
        var sameUser = ctx.HttpContext.User.FindFirstValue(ClaimTypes.NameIdentifier) == userId.ToString();
        var sessionId = current is { } id && sameUser
            ? id
            : await ctx.HttpContext.RequestServices.GetRequiredService<SessionService>().StartAsync(
                userId, ctx.HttpContext.Request.Headers.UserAgent.ToString(), ctx.HttpContext.Connection.RemoteIpAddress?.ToString());
        identity.AddClaim(new Claim(SessionService.ClaimType, sessionId.ToString()));
    }

    public static async Task OnValidatePrincipalAsync(CookieValidatePrincipalContext ctx, Func<CookieValidatePrincipalContext, Task> validateStamp)
    {
        var services = ctx.HttpContext.RequestServices;
        var sessionId = ctx.Principal is null ? null : SessionService.IdOf(ctx.Principal);
        if (sessionId is not { } id || !Guid.TryParse(ctx.Principal!.FindFirstValue(ClaimTypes.NameIdentifier), out var userId)
            || !await services.GetRequiredService<SessionService>().CheckRequestAsync(id, userId, ctx.HttpContext.RequestAborted))
        {
            ctx.RejectPrincipal();
            await ctx.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }
        await validateStamp(ctx);
        // The account changed (password, role, deactivated) since this cookie was issued: the session is over.
        if (ctx.Principal is null)
            await services.GetRequiredService<SessionService>().EndAsync(id, SessionEndReason.AccountChanged);
    }

    /// <summary>Keeps the session claim on the principal that the security stamp check rebuilds.</summary>
    public static Task KeepSession(SecurityStampRefreshingPrincipalContext ctx)
    {
        if (ctx.CurrentPrincipal?.FindFirst(SessionService.ClaimType) is { } claim && ctx.NewPrincipal?.Identity is ClaimsIdentity identity)
            identity.AddClaim(new Claim(claim.Type, claim.Value));
        return Task.CompletedTask;
    }
}
