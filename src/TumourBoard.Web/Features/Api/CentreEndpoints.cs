using Microsoft.EntityFrameworkCore;
using TumourBoard.Web.Data;

namespace TumourBoard.Web.Features.Api;

public sealed record CentreItem(int Id, string Code, string Name);

public static class CentreEndpoints
{
    public static void MapCentreEndpoints(this RouteGroupBuilder api) =>
        api.MapGet("/centres", async (IDbContextFactory<TumourBoardDbContext> dbFactory, HttpContext http) =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(http.RequestAborted);
            return TypedResults.Ok(await db.Centres.AsNoTracking().Where(c => c.IsActive).OrderBy(c => c.Code)
                .Select(c => new CentreItem(c.Id, c.Code, c.Name)).ToListAsync(http.RequestAborted));
        }).WithTags("Centres").WithName("ListCentres").WithSummary("The active centres.");
}
