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
            var actor = ApiRoutes.ActorOf(http);
            await service.SetRizivNumberAsync(actor, actor.UserId, body.RizivNumber, http.RequestAborted);
            return TypedResults.NoContent();
        }).WithName("SetRizivNumber").WithSummary("Records, changes or (null or blank) removes the caller's RIZIV/INAMI number.");
    }
}
