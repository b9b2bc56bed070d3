using TumourBoard.Domain.Reporting;
using TumourBoard.Web.Features.Api;
using TumourBoard.Web.Infrastructure;

namespace TumourBoard.Web.Features.Statistics;

public static class StatisticsEndpoints
{
    public const string CsvContentType = "text/csv; charset=utf-8";

    public static void MapStatisticsEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/figures", async (DateOnly? from, DateOnly? to, HttpContext http, BoardFiguresService service, BrusselsClock clock) =>
            TypedResults.Ok(await service.FiguresAsync(ApiRoutes.ActorOf(http), clock.Period(from, to), http.RequestAborted)))
            .WithTags("Figures").WithName("GetFigures").WithSummary("The board's figures over a period (default: the last twelve months), for coordinators.");
        api.MapGet("/figures/{figure}.csv", (string figure, DateOnly? from, DateOnly? to, HttpContext http, BoardFiguresService service, BrusselsClock clock) => CsvAsync(figure, clock.Period(from, to), http, service))
            .WithTags("Figures").WithName("ExportFigure").WithSummary("One figure as CSV: " + string.Join(", ", Figures.All) + ".")
            .Produces(StatusCodes.Status200OK, contentType: CsvContentType);
    }

    /// <summary>The same CSV files for the signed-in browser (the cookie), as the figures page links them.</summary>
    public static void MapStatisticsDownloads(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/figures/{figure}.csv", (string figure, DateOnly? from, DateOnly? to, HttpContext http, BoardFiguresService service, BrusselsClock clock) => CsvAsync(figure, clock.Period(from, to), http, service))
            .AddEndpointFilter<ApiProblems>().ExcludeFromDescription();

    private static async Task<IResult> CsvAsync(string figure, ReportingPeriod period, HttpContext http, BoardFiguresService service)
    {
        var bytes = await service.ExportCsvAsync(ApiRoutes.ActorOf(http), figure, period, http.RequestAborted);
        return TypedResults.File(bytes, CsvContentType, $"{figure}-{period.From:yyyy-MM-dd}-{period.To:yyyy-MM-dd}.csv");
    }
}
