using TumourBoard.Domain.Cases;
using TumourBoard.Domain.FollowUps;
using TumourBoard.Web.Features.Api;

namespace TumourBoard.Web.Features.FollowUps;

/// <summary>
/// A report of the follow-up, in camelCase JSON: any of the implementation, responses and withdrawals; what is left
/// out stays as it is. <see cref="Version"/> is the follow-up's <c>version</c> from a GET: when given, a report on top of
/// someone else's answers 409.
/// </summary>
public sealed record FollowUpReportRequest
{
    public ImplementationRequest? Implementation { get; init; }

    public IReadOnlyList<ResponseRequest?>? Responses { get; init; }

    /// <summary>Milestones whose value was entered in error; their entries stay in the history.</summary>
    public IReadOnlyList<Milestone>? Withdrawals { get; init; }

    public string? CorrectionReason { get; init; }

    public uint? Version { get; init; }

    public FollowUpReport ToReport()
    {
        var missing = new List<FieldError>();
        if (Implementation is { Outcome: null })
            missing.Add(new("implementation.outcome", "Case.Required"));
        var responses = Responses ?? [];
        for (var i = 0; i < responses.Count; i++)
        {
            if (responses[i] is not { } r)
                missing.Add(new($"responses[{i}]", "Case.Required"));
            else
            {
                if (r.Milestone is null)
                    missing.Add(new($"responses[{i}].milestone", "Case.Required"));
                if (r.Response is null)
                    missing.Add(new($"responses[{i}].response", "Case.Required"));
                if (r.AssessedOn is null)
                    missing.Add(new($"responses[{i}].assessedOn", "Case.Required"));
            }
        }
        if (missing.Count > 0)
            throw new CaseValidationException(missing);
        return new FollowUpReport
        {
            Implementation = Implementation is { Outcome: { } outcome } implementation ? new ImplementationReport(outcome, implementation.Reason, implementation.Detail) : null,
            Responses = responses.Select(r => new ResponseReport(r!.Milestone!.Value, r.Response!.Value, r.AssessedOn!.Value)).ToList(),
            Withdrawals = Withdrawals ?? [],
            CorrectionReason = CorrectionReason,
        };
    }
}

public sealed record ImplementationRequest(ImplementationOutcome? Outcome, NotImplementedReason? Reason, string? Detail);

public sealed record ResponseRequest(Milestone? Milestone, TreatmentResponse? Response, DateOnly? AssessedOn);

public static class FollowUpEndpoints
{
    public static void MapFollowUpEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/cases/{id:int}/follow-up", async (int id, HttpContext http, FollowUpService service) =>
            TypedResults.Ok(await service.GetAsync(ApiRoutes.ActorOf(http), id, http.RequestAborted)))
            .WithTags("Follow-up").WithName("GetFollowUp")
            .WithSummary("The follow-up of a discussed case: each milestone's window and state, the values in force and every entry ever reported.");

        api.MapPut("/cases/{id:int}/follow-up", async (int id, FollowUpReportRequest body, HttpContext http, FollowUpService service) =>
        {
            var actor = ApiRoutes.ActorOf(http);
            await service.ReportAsync(actor, id, body.ToReport(), body.Version, http.RequestAborted);
            return TypedResults.Ok(await service.GetAsync(actor, id, http.RequestAborted));
        }).WithTags("Follow-up").WithName("ReportFollowUp")
            .WithSummary("Reports what became of the recommendation and the responses (clinicians and data managers of the submitting centre); whole or not at all.");

        api.MapGet("/follow-ups/due", async (string? centre, HttpContext http, FollowUpService service) =>
            TypedResults.Ok(await service.DueAsync(ApiRoutes.ActorOf(http), centre, http.RequestAborted)))
            .WithTags("Follow-up").WithName("ListDueFollowUps")
            .WithSummary("Milestones due or overdue of a centre's discussed cases (default: the caller's centre; coordinators: every centre), overdue first.");

        api.MapGet("/meetings/{id:int}/follow-ups", async (int id, HttpContext http, FollowUpService service) =>
            TypedResults.Ok(await service.ForMeetingAsync(ApiRoutes.ActorOf(http), id, http.RequestAborted)))
            .WithTags("Follow-up").WithName("GetMeetingFollowUps")
            .WithSummary("The follow-up section of a meeting's agenda: reports since the previous meeting and what is overdue.");
    }
}
