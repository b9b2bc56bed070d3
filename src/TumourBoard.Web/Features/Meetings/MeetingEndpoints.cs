using TumourBoard.Domain;
using TumourBoard.Domain.Common;
using TumourBoard.Domain.Meetings;
using TumourBoard.Web.Features.Api;

namespace TumourBoard.Web.Features.Meetings;

public sealed record ExtraMeetingRequest(string? StartsAt, int? DurationMinutes, string? Title, BoardLanguage? Language, string? VideoLink);

public sealed record AgendaItemRequest(int? CaseId, int? Minutes, Guid? PresenterId);

public sealed record MeetingListItem(int Id, MeetingKind Kind, string? Title, DateTime StartsAt, DateTime EndsAt, MeetingStatus Status, string? Chair, int Items);

public sealed record MeetingItemResponse(int Id, int CaseId, string CaseCode, string Centre, int Position, int Minutes, Guid? PresenterId, string? Presenter,
    DateTime StartsAt, AgendaItemStatus Status, bool LateAddition, bool CarriedOver, string? DeferralReason);

public static class MeetingEndpoints
{
    public static void MapMeetingEndpoints(this RouteGroupBuilder api)
    {
        var meetings = api.MapGroup("/meetings").WithTags("Meetings");

        meetings.MapGet("/", async (DateTimeOffset? from, DateTimeOffset? to, HttpContext http, MeetingService service, TimeProvider time) =>
        {
            var start = from?.UtcDateTime ?? time.GetUtcNow().UtcDateTime.AddDays(-30);
            var end = to?.UtcDateTime ?? start.AddDays(120);
            var rows = await service.ListBetweenAsync(ApiRoutes.ActorOf(http), start, end, http.RequestAborted);
            return TypedResults.Ok(rows.Select(m => new MeetingListItem(m.Id, m.Kind, m.Title, m.StartsAtUtc, m.StartsAtUtc.AddMinutes(m.DurationMinutes), m.Status, m.ChairName, m.ItemCount)).ToList());
        }).WithName("ListMeetings").WithSummary("Meetings between 'from' and 'to' (ISO 8601; default: the last 30 and next 90 days).");

        meetings.MapGet("/{id:int}", async (int id, HttpContext http, MeetingService service) =>
            TypedResults.Ok(ToResponse(await service.GetAsync(ApiRoutes.ActorOf(http), id, http.RequestAborted))))
            .WithName("GetMeeting").WithSummary("A meeting with its agenda.");

        meetings.MapPost("/", async (ExtraMeetingRequest body, HttpContext http, MeetingService service) =>
        {
            var id = await service.CreateExtraAsync(ApiRoutes.ActorOf(http), ParseStart(body.StartsAt), body.DurationMinutes ?? 60, body.Title,
                body.Language ?? BoardLanguage.English, body.VideoLink, http.RequestAborted);
            return TypedResults.Created($"/api/v1/meetings/{id}", ToResponse(await service.GetAsync(ApiRoutes.ActorOf(http), id, http.RequestAborted)));
        }).WithName("CreateMeeting").WithSummary("Plans an extra meeting (Coordinator).");

        meetings.MapPost("/{id:int}/items", async (int id, AgendaItemRequest body, HttpContext http, MeetingService service) =>
        {
            if (body.CaseId is null)
                throw new DomainException("Agenda.CaseRequired", "Give the case to add (caseId).");
            var actor = ApiRoutes.ActorOf(http);
            var itemId = await service.AddItemAsync(actor, id, body.CaseId.Value, body.Minutes, body.PresenterId, null, http.RequestAborted);
            var meeting = await service.GetAsync(actor, id, http.RequestAborted);
            return TypedResults.Created($"/api/v1/meetings/{id}", ToItem(meeting.Items.Single(i => i.Id == itemId)));
        }).WithName("AddAgendaItem").WithSummary("Puts a submitted case on the agenda (data managers, coordinator; after publication only urgent cases, by the coordinator).");

        meetings.MapDelete("/{id:int}/items/{itemId:int}", async (int id, int itemId, HttpContext http, MeetingService service) =>
        {
            await service.RemoveItemAsync(ApiRoutes.ActorOf(http), id, itemId, null, http.RequestAborted);
            return TypedResults.NoContent();
        }).WithName("RemoveAgendaItem").WithSummary("Takes a case off the agenda; it goes back to 'Submitted'.");

        meetings.MapPut("/{id:int}/items/order", async (int id, int[]? body, HttpContext http, MeetingService service) =>
        {
            var actor = ApiRoutes.ActorOf(http);
            if (body is null)
                throw new TumourBoard.Domain.DomainException("Agenda.OrderRequired", "Give every item id of the agenda, in the new order.");
            await service.ReorderAsync(actor, id, body, null, http.RequestAborted);
            return TypedResults.Ok(ToResponse(await service.GetAsync(actor, id, http.RequestAborted)));
        }).WithName("ReorderAgenda").WithSummary("Sets the agenda's order: every item id exactly once.");

        meetings.MapPost("/{id:int}/publish", async (int id, HttpContext http, MeetingService service) =>
        {
            var actor = ApiRoutes.ActorOf(http);
            await service.PublishAsync(actor, id, null, http.RequestAborted);
            return TypedResults.Ok(ToResponse(await service.GetAsync(actor, id, http.RequestAborted)));
        }).WithName("PublishAgenda").WithSummary("Publishes the agenda (Coordinator): order and times are fixed and the board is told.");
    }

    /// <summary>ISO 8601; a time without offset is the board's own, Brussels time.</summary>
    private static DateTime ParseStart(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            throw new DomainException("Meeting.StartRequired", "Give the meeting's start (startsAt, ISO 8601).");
        var styles = System.Globalization.DateTimeStyles.AllowWhiteSpaces;
        var hasOffset = text.TrimEnd().EndsWith('Z') || System.Text.RegularExpressions.Regex.IsMatch(text, @"[+-]\d{2}:?\d{2}\s*$", System.Text.RegularExpressions.RegexOptions.NonBacktracking);
        if (hasOffset && DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, styles, out var withOffset))
            return withOffset.UtcDateTime;
        if (!hasOffset && DateTime.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, styles, out var local))
            return BoardTime.ToUtc(DateOnly.FromDateTime(local), TimeOnly.FromDateTime(local));
        throw new DomainException("Meeting.StartInvalid", "Write the start as ISO 8601, e.g. 2027-01-20T18:00:00+01:00 (without offset: Brussels time).");
    }

    private static object ToResponse(MeetingDetails m) => new
    {
        m.Id,
        m.Kind,
        m.Title,
        StartsAt = m.StartsAtUtc,
        EndsAt = m.EndsAtUtc,
        m.DurationMinutes,
        m.Status,
        m.Language,
        m.VideoLink,
        Chair = m.ChairName,
        Secretary = m.SecretaryName,
        m.CancellationReason,
        m.AgendaMinutes,
        m.RunsOverTime,
        Items = m.Items.Select(ToItem),
    };

    private static MeetingItemResponse ToItem(AgendaItemView i) =>
        new(i.Id, i.CaseId, i.CaseCode, i.CentreCode, i.Position, i.Minutes, i.PresenterId, i.PresenterName, i.StartsAtUtc, i.Status, i.IsLateAddition, i.IsCarriedOver, i.DeferralReason);
}
