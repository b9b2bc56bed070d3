using TumourBoard.Domain.Reporting;
using TumourBoard.Web.Features.Api;
using TumourBoard.Web.Infrastructure;
using TumourBoard.Web.Features.Statistics;

namespace TumourBoard.Web.Features.Exports;

public static class ExportEndpoints
{
    public static void MapExportEndpoints(this RouteGroupBuilder api) =>
        api.MapGet("/exports/registry.csv", (DateOnly? from, DateOnly? to, string? centre, HttpContext http, RegistryExportService exports, BrusselsClock clock) =>
                RegistryCsvAsync(clock.Period(from, to), centre, http, exports))
            .WithTags("Exports").WithName("ExportRegistry")
            .WithSummary("The discussed cases of a period as CSV for cancer-registry work: a centre's own (clinicians, data managers), any or all (coordinators). Columns in docs/exports.md.")
            .Produces(StatusCodes.Status200OK, contentType: StatisticsEndpoints.CsvContentType);

    /// <summary>The same file for the signed-in browser (the cookie), as the exports page links it.</summary>
    public static void MapExportDownloads(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/exports/registry.csv", (DateOnly? from, DateOnly? to, string? centre, HttpContext http, RegistryExportService exports, BrusselsClock clock) =>
                RegistryCsvAsync(clock.Period(from, to), centre, http, exports))
            .AddEndpointFilter<ApiProblems>().ExcludeFromDescription();

    private static async Task<IResult> RegistryCsvAsync(ReportingPeriod period, string? centre, HttpContext http, RegistryExportService exports)
    {
        var bytes = await exports.ExportCsvAsync(ApiRoutes.ActorOf(http), period, centre, http.RequestAborted);
        var who = string.IsNullOrWhiteSpace(centre) ? "" : centre.Trim().ToUpperInvariant() + "-";
        return TypedResults.File(bytes, StatisticsEndpoints.CsvContentType, $"registry-{who}{period.From:yyyy-MM-dd}-{period.To:yyyy-MM-dd}.csv");
    }
}
