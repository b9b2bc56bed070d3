using TumourBoard.Domain.Cases;
using TumourBoard.Web.Features.Api;

namespace TumourBoard.Web.Features.Cases;

/// <summary>The case body of the API, in camelCase JSON. Missing fields are reported by the case's own validation.</summary>
public sealed record CaseRequest
{
    public int? AgeYears { get; init; }
    public int? AgeMonths { get; init; }
    public Sex? Sex { get; init; }
    public string? DiagnosisLabel { get; init; }
    public string? Morphology { get; init; }
    public string? Topography { get; init; }
    public int? DiagnosisMonth { get; init; }
    public int? DiagnosisYear { get; init; }
    public DiseaseStatus? DiseaseStatus { get; init; }
    public string? Stage { get; init; }
    public string? History { get; init; }
    public string? PathologyAndMolecular { get; init; }
    public IReadOnlyList<string?>? MarkerTags { get; init; }
    public string? Imaging { get; init; }
    public string? Comorbidities { get; init; }
    public string? Question { get; init; }
    public IReadOnlyList<OptionRequest?>? Options { get; init; }
    public Urgency? Urgency { get; init; }
    public bool? ConsentConfirmed { get; init; }
    public Guid? PresenterId { get; init; }
    public string? LocalReference { get; init; }

    public CaseContent ToContent()
    {
        var missing = new List<FieldError>();
        if (AgeYears is null)
            missing.Add(new("ageYears", "Case.Required"));
        if (Sex is null)
            missing.Add(new("sex", "Case.Required"));
        if (DiseaseStatus is null)
            missing.Add(new("diseaseStatus", "Case.Required"));
        if (missing.Count > 0)
            throw new CaseValidationException(missing);
        return new CaseContent
        {
            AgeYears = AgeYears!.Value,
            AgeMonths = AgeMonths ?? 0,
            Sex = Sex!.Value,
            DiagnosisLabel = DiagnosisLabel ?? "",
            Morphology = Morphology,
            Topography = Topography,
            DiagnosisMonth = DiagnosisMonth,
            DiagnosisYear = DiagnosisYear,
            DiseaseStatus = DiseaseStatus!.Value,
            Stage = Stage,
            History = History,
            PathologyAndMolecular = PathologyAndMolecular,
            MarkerTags = (MarkerTags ?? []).Select(t => t ?? "").ToList(),
            Imaging = Imaging,
            Comorbidities = Comorbidities,
            Question = Question ?? "",
            Options = (Options ?? []).Select(o => o is null ? null! : new OptionContent(o.Label ?? "", o.Detail, o.Trial)).ToList(),
            Urgency = Urgency ?? Domain.Cases.Urgency.Routine,
            ConsentConfirmed = ConsentConfirmed ?? false,
            PresenterId = PresenterId,
        };
    }
}

public sealed record OptionRequest(string? Label, string? Detail, string? Trial);

public sealed record CaseCreated(int Id, string Code, CaseStatus Status);

public sealed record CaseStatusResponse(int Id, CaseStatus Status);

public sealed record CaseListItem(int Id, string Code, string Centre, CaseStatus Status, Urgency Urgency, string DiagnosisLabel, string? Iccc3Group, DateTime? SubmittedAt);

public static class CaseEndpoints
{
    public static void MapCaseEndpoints(this RouteGroupBuilder api)
    {
        var cases = api.MapGroup("/cases").WithTags("Cases");

        cases.MapPost("/", async (CaseRequest body, HttpContext http, CaseService service) =>
        {
            var (id, code) = await service.CreateDraftAsync(ApiRoutes.ActorOf(http), body.ToContent(), body.LocalReference, http.RequestAborted);
            return TypedResults.Created($"/api/v1/cases/{id}", new CaseCreated(id, code, CaseStatus.Draft));
        }).WithName("CreateCase").WithSummary("Creates a draft case of the caller's centre.");

        cases.MapPut("/{id:int}", async (int id, CaseRequest body, HttpContext http, CaseService service) =>
        {
            var status = await service.UpdateAsync(ApiRoutes.ActorOf(http), id, body.ToContent(), body.LocalReference, null, http.RequestAborted);
            return TypedResults.Ok(new CaseStatusResponse(id, status));
        }).WithName("UpdateCase").WithSummary("Replaces the content of a case of the caller's centre; after submission the previous content stays in its history.");

        cases.MapPost("/{id:int}/submit", async (int id, HttpContext http, CaseService service) =>
        {
            var status = await service.SubmitAsync(ApiRoutes.ActorOf(http), id, null, http.RequestAborted);
            return TypedResults.Ok(new CaseStatusResponse(id, status));
        }).WithName("SubmitCase").WithSummary("Submits a draft to the board.");

        cases.MapGet("/{id:int}", async (int id, HttpContext http, CaseService service) =>
            TypedResults.Ok(ToResponse(await service.GetAsync(ApiRoutes.ActorOf(http), id, http.RequestAborted))))
            .WithName("GetCase").WithSummary("Reads a case; other centres' drafts answer 404.");

        cases.MapGet("/", async (string? status, HttpContext http, CaseService service) =>
        {
            CaseStatus? filter = null;
            if (!string.IsNullOrWhiteSpace(status))
            {
                if (!Enum.TryParse<CaseStatus>(status, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
                    return Results.ValidationProblem(new Dictionary<string, string[]> { ["status"] = [$"One of: {string.Join(", ", Enum.GetNames<CaseStatus>())}."] });
                filter = parsed;
            }
            var rows = await service.ListAsync(ApiRoutes.ActorOf(http), new CaseFilter(filter), http.RequestAborted);
            return Results.Ok(rows.Select(r => new CaseListItem(r.Id, r.Code, r.CentreCode, r.Status, r.Urgency, r.DiagnosisLabel, r.Iccc3Group, r.SubmittedAtUtc)).ToList());
        }).WithName("ListCases").WithSummary("Lists cases the caller may see, optionally by status.");
    }

    public static void MapPresenterEndpoints(this RouteGroupBuilder api) =>
        api.MapGet("/presenters", async (HttpContext http, CaseService service) =>
        {
            var actor = ApiRoutes.ActorOf(http);
            if (actor.CentreId is not { } centre)
                return Results.Ok(Array.Empty<Presenter>());
            return Results.Ok(await service.PresentersAsync(actor, centre, http.RequestAborted));
        }).WithTags("Cases").WithName("ListPresenters").WithSummary("Clinicians of the caller's centre, who may present its cases (presenterId).");

    private static object ToResponse(CaseDetails d) => new
    {
        d.Id,
        d.Code,
        Centre = new { Id = d.CentreId, Code = d.CentreCode, Name = d.CentreName },
        d.Status,
        d.Content.AgeYears,
        d.Content.AgeMonths,
        d.Content.Sex,
        d.Content.DiagnosisLabel,
        d.Content.Morphology,
        d.Content.Topography,
        Iccc3 = d.Iccc3Subgroup is null ? null : new { Group = d.Iccc3Group, Subgroup = d.Iccc3Subgroup, Name = d.Iccc3Name },
        d.Content.DiagnosisMonth,
        d.Content.DiagnosisYear,
        d.Content.DiseaseStatus,
        d.Content.Stage,
        d.Content.History,
        d.Content.PathologyAndMolecular,
        d.Content.MarkerTags,
        d.Content.Imaging,
        d.Content.Comorbidities,
        d.Content.Question,
        Options = d.Options.Select(o => new { o.Id, o.Position, o.Label, o.Detail, o.Trial }),
        d.Content.Urgency,
        d.Content.ConsentConfirmed,
        d.Content.PresenterId,
        Presenter = d.PresenterName,
        CreatedAt = d.CreatedAtUtc,
        SubmittedAt = d.SubmittedAtUtc,
        UpdatedAt = d.UpdatedAtUtc,
        d.LocalReference,
        Discussions = (d.Discussions ?? []).Select(x => new { x.MeetingId, x.MeetingTitle, MeetingStartsAt = x.MeetingStartsAtUtc, x.Moc }),
    };
}
