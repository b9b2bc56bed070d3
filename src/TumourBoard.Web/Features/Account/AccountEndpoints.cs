using Microsoft.AspNetCore.Identity;
using TumourBoard.Web.Data;
using TumourBoard.Web.Features.Sessions;

namespace TumourBoard.Web.Features.Account;

internal static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/Account/Logout", async (SignInManager<AppUser> signInManager, SessionService sessions, Microsoft.AspNetCore.Antiforgery.IAntiforgery antiforgery, HttpContext context) =>
        {
            // A cross-site form must not be able to sign people out of a meeting.
            if (!await antiforgery.IsRequestValidAsync(context))
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The sign-out form has expired; reload the page.");
            if (SessionService.IdOf(context.User) is { } session)
                await sessions.EndAsync(session, SessionEndReason.SignedOut);
            await signInManager.SignOutAsync();
            return Results.LocalRedirect("~/Account/Login");
        }).ExcludeFromDescription();
    }
}
