using TumourBoard.Web.Features.Account;

namespace TumourBoard.Web.Features.Calendar;

public static class CalendarEndpoints
{
    public const string ContentType = "text/calendar; charset=utf-8";

    public static void MapCalendarEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/meetings/{id:int}/calendar.ics", async (int id, HttpContext http, CalendarService calendar) =>
        {
            var actor = http.User.ToActor();
            if (actor is null)
                return Results.Unauthorized();
            try
            {
                var ics = await calendar.MeetingAsync(actor, id, http.RequestAborted);
                return Results.Text(ics, ContentType, System.Text.Encoding.UTF8).WithFileName($"meeting-{id}.ics");
            }
            catch (Meetings.MeetingNotFoundException)
            {
                return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "This meeting does not exist.");
            }
            catch (Domain.People.AccessDeniedException)
            {
                return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "You are not allowed to do this.");
            }
        }).ExcludeFromDescription();

        // The secret in the address is the credential: calendar apps cannot sign in.
        endpoints.MapGet("/calendar/{token}.ics", async (string token, HttpContext http, CalendarService calendar) =>
        {
            var ics = await calendar.FeedAsync(token, http.RequestAborted);
            return ics is null
                ? Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown calendar feed.")
                : Results.Text(ics, ContentType, System.Text.Encoding.UTF8);
        }).AllowAnonymous().ExcludeFromDescription();
    }

    private static IResult WithFileName(this IResult result, string fileName) => new FileNameResult(result, fileName);

    private sealed class FileNameResult(IResult inner, string fileName) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
            return inner.ExecuteAsync(httpContext);
        }
    }
}
