using TumourBoard.Web.Features.Api;

namespace TumourBoard.Web.Features.Account;

public static class ProfileEndpoints
{
    public static void MapProfileEndpoints(this RouteGroupBuilder api)
    {
        var profile = api.MapGroup("/profile").WithTags("Profile");

        profile.MapGet("/", async (HttpContext http, ProfileService service) =>
            TypedResults.Ok(await service.GetAsync(ApiRoutes.ActorOf(http), http.RequestAborted)))
            .WithName("GetProfile").WithSummary("The caller's own account: name, role, centre, discipline and RIZIV/INAMI number.");

        profile.MapPut("/riziv", async (RizivNumberRequest body, HttpContext http, ProfileService service) =>
        {
            // A body without the number is a mistake, not a wish to remove it: removing has its own request.
            if (string.IsNullOrWhiteSpace(body.RizivNumber))
                throw new TumourBoard.Domain.DomainException("Riziv.NumberRequired", "Give the RIZIV/INAMI number (rizivNumber); to remove it, send DELETE /api/v1/profile/riziv.");
            var actor = ApiRoutes.ActorOf(http);
            await service.SetRizivNumberAsync(actor, actor.UserId, body.RizivNumber, http.RequestAborted);
            return TypedResults.NoContent();
        }).WithName("SetRizivNumber").WithSummary("Records or changes the caller's RIZIV/INAMI number.");

        profile.MapDelete("/riziv", async (HttpContext http, ProfileService service) =>
        {
            var actor = ApiRoutes.ActorOf(http);
            await service.SetRizivNumberAsync(actor, actor.UserId, null, http.RequestAborted);
            return TypedResults.NoContent();
        }).WithName("RemoveRizivNumber").WithSummary("Removes the caller's RIZIV/INAMI number.");
    }
}
