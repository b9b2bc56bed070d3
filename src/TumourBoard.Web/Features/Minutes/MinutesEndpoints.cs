using TumourBoard.Domain;
using TumourBoard.Web.Features.Api;

namespace TumourBoard.Web.Features.Minutes;

public static class MinutesEndpoints
{
    public const string PdfContentType = "application/pdf";

    public static void MapMinutesEndpoints(this RouteGroupBuilder api)
    {
        var minutes = api.MapGroup("/meetings/{id:int}").WithTags("Minutes");

        minutes.MapGet("/minutes", async (int id, HttpContext http, MinutesService service) =>
        {
            var view = await service.GetAsync(ApiRoutes.ActorOf(http), id, http.RequestAborted);
            return TypedResults.Ok(new { view.Record, view.Versions, view.Version });
        }).WithName("GetMinutes").WithSummary("The minutes of a closed meeting: what the room recorded, the narrative, the finalised versions.");

        minutes.MapPut("/minutes/items/{itemId:int}", async (int id, int itemId, CaseNarrativeRequest body, HttpContext http, MinutesService service) =>
        {
            await service.EditCaseAsync(ApiRoutes.ActorOf(http), id, itemId, body, http.RequestAborted);
            return TypedResults.NoContent();
        }).WithName("EditMinutesCase").WithSummary("Replaces a case's discussion summary and follow-up actions (coordinator or the meeting's secretary).");

        minutes.MapPost("/minutes/finalise", async (int id, HttpContext http, MinutesService service) =>
            TypedResults.Ok(await service.FinaliseAsync(ApiRoutes.ActorOf(http), id, http.RequestAborted)))
            .WithName("FinaliseMinutes").WithSummary("Finalises the minutes as a new version and returns its SHA-256 (coordinator).");

        minutes.MapPost("/minutes/corrections", async (int id, CorrectionRequest body, HttpContext http, MinutesService service) =>
        {
            await service.StartCorrectionAsync(ApiRoutes.ActorOf(http), id, body.Reason, http.RequestAborted);
            return TypedResults.NoContent();
        }).WithName("CorrectMinutes").WithSummary("Opens a correction of finalised minutes, with its reason (coordinator).");

        minutes.MapGet("/minutes.pdf", (int id, int? version, HttpContext http, MinutesService service) => MinutesPdfAsync(id, version, http, service))
            .WithName("ExportMinutes").WithSummary("The minutes as PDF: a finalised version, or the draft marked DRAFT.")
            .Produces(StatusCodes.Status200OK, contentType: PdfContentType);

        minutes.MapGet("/items/{itemId:int}/letter.pdf", (int id, int itemId, HttpContext http, MinutesService service) => LetterPdfAsync(id, itemId, http, service))
            .WithName("RecommendationLetter").WithSummary("The one-page recommendation letter for the referring clinician.")
            .Produces(StatusCodes.Status200OK, contentType: PdfContentType);

        api.MapPost("/minutes/verify", async (HttpContext http, MinutesService service) =>
        {
            var pdf = await ReadBodyAsync(http.Request, MinutesService.MaxVerifiedFileBytes, http.RequestAborted);
            return TypedResults.Ok(await service.VerifyAsync(ApiRoutes.ActorOf(http), pdf, http.RequestAborted));
        }).WithTags("Minutes").WithName("VerifyMinutes").WithSummary("Tells whether a PDF (the request body) is a finalised version of some minutes.")
            .Accepts<byte[]>(PdfContentType)
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(MinutesService.MaxVerifiedFileBytes));
    }

    /// <summary>The same downloads for the signed-in browser (the cookie), as the meeting and minutes pages link them.</summary>
    public static void MapMinutesDownloads(this IEndpointRouteBuilder endpoints)
    {
        var downloads = endpoints.MapGroup("/meetings/{id:int}").AddEndpointFilter<ApiProblems>().ExcludeFromDescription();
        downloads.MapGet("/minutes.pdf", (int id, int? version, HttpContext http, MinutesService service) => MinutesPdfAsync(id, version, http, service));
        downloads.MapGet("/items/{itemId:int}/letter.pdf", (int id, int itemId, HttpContext http, MinutesService service) => LetterPdfAsync(id, itemId, http, service));
    }

    private static async Task<IResult> MinutesPdfAsync(int id, int? version, HttpContext http, MinutesService service)
    {
        var file = await service.ExportAsync(ApiRoutes.ActorOf(http), id, version, http.RequestAborted);
        return TypedResults.File(file.Content, PdfContentType, file.FileName);
    }

    private static async Task<IResult> LetterPdfAsync(int id, int itemId, HttpContext http, MinutesService service)
    {
        var file = await service.LetterAsync(ApiRoutes.ActorOf(http), id, itemId, http.RequestAborted);
        return TypedResults.File(file.Content, PdfContentType, file.FileName);
    }

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request, int limit, CancellationToken ct)
    {
        if (request.ContentLength > limit)
            throw new DomainException("Minutes.FileTooLarge", $"A PDF to verify is at most {limit / (1024 * 1024)} MB.");
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > limit)
                throw new DomainException("Minutes.FileTooLarge", $"A PDF to verify is at most {limit / (1024 * 1024)} MB.");
            buffer.Write(chunk, 0, read);
        }
        if (buffer.Length == 0)
            throw new DomainException("Minutes.FileRequired", "Send the PDF to verify as the request body.");
        return buffer.ToArray();
    }
}
