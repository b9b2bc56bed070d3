using TumourBoard.Web.Features.Api;

namespace TumourBoard.Web.Features.Fhir;

public static class FhirEndpoints
{
    public static void MapFhirEndpoints(this RouteGroupBuilder api) =>
        api.MapGet("/meetings/{id:int}/fhir", (int id, HttpContext http, FhirExport export) => FhirAsync(id, http, export))
            .WithTags("Minutes").WithName("ExportMeetingFhir")
            .WithSummary("The closed meeting as an HL7 FHIR R4 Bundle: per discussed case the pseudonymous Patient, the review, the recommendation and the vote; the finalised minutes as a DocumentReference.")
            .Produces(StatusCodes.Status200OK, contentType: FhirExport.ContentType);

    /// <summary>The same download for the signed-in browser (the cookie), as the minutes page links it.</summary>
    public static void MapFhirDownload(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/meetings/{id:int}/fhir.json", (int id, HttpContext http, FhirExport export) => FhirAsync(id, http, export))
            .AddEndpointFilter<ApiProblems>().ExcludeFromDescription();

    private static async Task<IResult> FhirAsync(int id, HttpContext http, FhirExport export)
    {
        var file = await export.ExportAsync(ApiRoutes.ActorOf(http), id, http.RequestAborted);
        return TypedResults.File(file.Content, FhirExport.ContentType, file.FileName);
    }
}
