using TumourBoard.Domain.Cases;
using TumourBoard.Domain.Trials;
using TumourBoard.Web.Features.Api;

namespace TumourBoard.Web.Features.Trials;

/// <summary>The trial body of the API, in camelCase JSON; sites are centre codes, the phase is written I, I/II or II.</summary>
public sealed record TrialRequest
{
    public string? EuCtNumber { get; init; }
    public string? NctNumber { get; init; }
    public string? Title { get; init; }
    public string? Phase { get; init; }
    public TrialStatus? Status { get; init; }
    public int? MinAgeYears { get; init; }
    public int? MinAgeMonths { get; init; }
    public int? MaxAgeYears { get; init; }
    public int? MaxAgeMonths { get; init; }
    public IReadOnlyList<string?>? Iccc3Codes { get; init; }
    public IReadOnlyList<string?>? MorphologyCodes { get; init; }
    public IReadOnlyList<string?>? Markers { get; init; }
    public IReadOnlyList<string?>? Sites { get; init; }
    public string? Contact { get; init; }

    /// <summary>The version read; when given, a save over someone else's change is refused (409).</summary>
    public uint? Version { get; init; }

    public TrialContent ToContent(IReadOnlyDictionary<string, int> centresByCode)
    {
        var errors = new List<FieldError>();
        TrialPhase? phase = null;
        if (!string.IsNullOrWhiteSpace(Phase))
        {
            if (TrialPhases.TryParse(Phase, out var parsed))
                phase = parsed;
            else
                errors.Add(new("phase", "Case.ChoiceInvalid"));
        }
        if (MaxAgeYears is null)
            errors.Add(new("maxAgeYears", "Case.Required"));
        var sites = new List<int>();
        foreach (var code in Sites ?? [])
        {
            if (code is not null && centresByCode.TryGetValue(code.Trim(), out var id))
                sites.Add(id);
            else
                errors.Add(new("sites", "Trial.SiteInvalid"));
        }
        var content = new TrialContent
        {
            EuCtNumber = EuCtNumber,
            NctNumber = NctNumber,
            Title = Title ?? "",
            Phase = phase,
            Status = Status ?? TrialStatus.Open,
            MinAgeYears = MinAgeYears ?? 0,
            MinAgeMonths = MinAgeMonths ?? 0,
            MaxAgeYears = MaxAgeYears ?? 0,
            MaxAgeMonths = MaxAgeMonths ?? 0,
            Iccc3Codes = (Iccc3Codes ?? []).Select(c => c ?? "").ToList(),
            MorphologyCodes = (MorphologyCodes ?? []).Select(c => c ?? "").ToList(),
            Markers = (Markers ?? []).Select(c => c ?? "").ToList(),
            SiteCentreIds = sites,
            Contact = Contact ?? "",
        };
        // Every problem at once: the request's own and the trial's rules.
        var problems = ClinicalTrial.Problems(content, out _).Where(p => !errors.Any(e => e.Field == p.Field));
        errors.AddRange(problems);
        if (errors.Count > 0)
            throw new TrialValidationException(errors);
        return content;
    }
}

public sealed record TrialStatusRequest(TrialStatus? Status, uint? Version);

public sealed record TrialCreated(int Id);

public sealed record TrialImported(int Added, int Updated, int Unchanged);

public static class TrialEndpoints
{
    public const string CsvContentType = "text/csv";

    public static void MapTrialEndpoints(this RouteGroupBuilder api)
    {
        var trials = api.MapGroup("/trials").WithTags("Trials");

        trials.MapGet("/", async (string? status, string? search, HttpContext http, TrialService service) =>
        {
            TrialStatus? filter = null;
            if (!string.IsNullOrWhiteSpace(status))
            {
                if (!TrialPhases.TryParseStatus(status, out var parsed))
                    return Results.ValidationProblem(new Dictionary<string, string[]> { ["status"] = [$"One of: {string.Join(", ", Enum.GetNames<TrialStatus>())}."] });
                filter = parsed;
            }
            var rows = await service.ListAsync(ApiRoutes.ActorOf(http), new TrialFilter(filter, search), http.RequestAborted);
            return Results.Ok(rows.Select(r => new
            {
                r.Id, r.EuCtNumber, r.NctNumber, r.Title, Phase = TrialPhases.Format(r.Phase), r.Status,
                MinAgeYears = r.Ages.MinYearsPart, MinAgeMonths = r.Ages.MinMonthsPart, MaxAgeYears = r.Ages.MaxYearsPart, MaxAgeMonths = r.Ages.MaxMonthsPart,
                r.Diagnoses, r.Markers, Sites = r.SiteCodes, UpdatedAt = r.UpdatedAtUtc,
            }).ToList());
        }).WithName("ListTrials").WithSummary("Lists the trial catalogue, optionally by status and a search in titles, numbers, markers, diagnoses and sites.");

        trials.MapGet("/{id:int}", async (int id, HttpContext http, TrialService service) =>
            TypedResults.Ok(ToResponse(await service.GetAsync(ApiRoutes.ActorOf(http), id, http.RequestAborted))))
            .WithName("GetTrial").WithSummary("Reads one trial of the catalogue.");

        trials.MapPost("/", async (TrialRequest body, HttpContext http, TrialService service) =>
        {
            var actor = ApiRoutes.ActorOf(http);
            TumourBoard.Domain.People.Access.Demand(TumourBoard.Domain.People.Access.CanManageTrials(actor));
            var content = body.ToContent(await service.CentresByCodeAsync(actor, http.RequestAborted));
            var id = await service.CreateAsync(actor, content, http.RequestAborted);
            return TypedResults.Created($"/api/v1/trials/{id}", new TrialCreated(id));
        }).WithName("CreateTrial").WithSummary("Adds a trial to the catalogue (coordinators).");

        trials.MapPut("/{id:int}", async (int id, TrialRequest body, HttpContext http, TrialService service) =>
        {
            var actor = ApiRoutes.ActorOf(http);
            TumourBoard.Domain.People.Access.Demand(TumourBoard.Domain.People.Access.CanManageTrials(actor));
            var content = body.ToContent(await service.CentresByCodeAsync(actor, http.RequestAborted));
            await service.UpdateAsync(actor, id, content, body.Version, http.RequestAborted);
            return TypedResults.Ok(ToResponse(await service.GetAsync(actor, id, http.RequestAborted)));
        }).WithName("UpdateTrial").WithSummary("Replaces what the catalogue says of a trial (coordinators).");

        trials.MapPut("/{id:int}/status", async (int id, TrialStatusRequest body, HttpContext http, TrialService service) =>
        {
            if (body.Status is not { } status)
                throw new TrialValidationException([new FieldError("status", "Case.Required")]);
            await service.ChangeStatusAsync(ApiRoutes.ActorOf(http), id, status, body.Version, http.RequestAborted);
            return TypedResults.NoContent();
        }).WithName("ChangeTrialStatus").WithSummary("Opens, suspends or closes a trial (coordinators).");

        trials.MapGet("/export.csv", (HttpContext http, TrialService service) => ExportAsync(http, service))
            .WithName("ExportTrials").WithSummary("The whole catalogue as CSV: UTF-8 with BOM, semicolons, one trial a row.")
            .Produces(StatusCodes.Status200OK, contentType: CsvContentType);

        trials.MapPost("/import", async (HttpContext http, TrialService service) =>
        {
            var result = await service.ImportCsvAsync(ApiRoutes.ActorOf(http), http.Request.Body, http.RequestAborted);
            return TypedResults.Ok(new TrialImported(result.Added, result.Updated, result.Unchanged));
        }).WithName("ImportTrials")
            .WithSummary("Imports a CSV file (the request body): all rows or none; bad rows are listed with their line (coordinators).")
            .Accepts<string>(CsvContentType)
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(TrialService.MaxImportBytes));

        api.MapGet("/cases/{id:int}/trials", async (int id, HttpContext http, TrialService service) =>
        {
            var matches = await service.MatchesForCaseAsync(ApiRoutes.ActorOf(http), id, http.RequestAborted);
            return TypedResults.Ok(matches.Select(m => new
            {
                m.TrialId, m.EuCtNumber, m.NctNumber, m.Title, Phase = TrialPhases.Format(m.Phase),
                Reasons = new
                {
                    Age = new { m.CaseAgeYears, m.CaseAgeMonths, MinAgeYears = m.Ages.MinYearsPart, MinAgeMonths = m.Ages.MinMonthsPart, MaxAgeYears = m.Ages.MaxYearsPart, MaxAgeMonths = m.Ages.MaxMonthsPart },
                    Diagnosis = new { m.Diagnosis.Kind, m.Diagnosis.Code, Name = m.Diagnosis.Name.Length == 0 ? null : m.Diagnosis.Name },
                    m.MatchedMarkers,
                    m.MarkersToCheck,
                },
                Sites = m.SiteCodes, m.Contact,
            }).ToList());
        }).WithTags("Cases", "Trials").WithName("MatchCaseTrials").WithSummary("The open catalogue trials a case may fit, with why each matches.");
    }

    /// <summary>The export for the signed-in browser (the cookie), as the catalogue page links it.</summary>
    public static void MapTrialDownloads(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/trials/export.csv", (HttpContext http, TrialService service) => ExportAsync(http, service))
            .AddEndpointFilter<ApiProblems>().ExcludeFromDescription();

    private static async Task<IResult> ExportAsync(HttpContext http, TrialService service)
    {
        var actor = ApiRoutes.ActorOf(http);
        // Refused before anything is written, so a refusal is a clean 403 and not a half-written file.
        TumourBoard.Domain.People.Access.Demand(TumourBoard.Domain.People.Access.CanSeeTrials(actor));
        http.Response.ContentType = $"{CsvContentType}; charset=utf-8";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"trials-{DateTime.UtcNow:yyyy-MM-dd}.csv\"";
        await service.ExportCsvAsync(actor, http.Response.Body, http.RequestAborted);
        return Results.Empty;
    }

    private static object ToResponse(TrialDetails d) => new
    {
        d.Id,
        d.Content.EuCtNumber,
        d.Content.NctNumber,
        d.Content.Title,
        Phase = TrialPhases.Format(d.Content.Phase!.Value),
        d.Content.Status,
        d.Content.MinAgeYears,
        d.Content.MinAgeMonths,
        d.Content.MaxAgeYears,
        d.Content.MaxAgeMonths,
        d.Content.Iccc3Codes,
        d.Content.MorphologyCodes,
        d.Content.Markers,
        Sites = d.Sites.Select(s => s.Code),
        d.Content.Contact,
        Diagnoses = d.Diagnoses,
        CreatedAt = d.CreatedAtUtc,
        UpdatedAt = d.UpdatedAtUtc,
        d.Version,
    };
}
