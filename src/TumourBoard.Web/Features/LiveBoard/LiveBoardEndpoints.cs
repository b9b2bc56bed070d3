using TumourBoard.Domain;
using TumourBoard.Domain.Cases;
using TumourBoard.Web.Features.Api;

namespace TumourBoard.Web.Features.LiveBoard;

public sealed record CurrentItemRequest(int? ItemId);

public sealed record VoteRequest(int? OptionId, bool? Abstain);

public sealed record OptionAddRequest(string? Label, string? Detail, string? Trial);

public static class LiveBoardEndpoints
{
    public static void MapLiveBoardEndpoints(this RouteGroupBuilder api)
    {
        var room = api.MapGroup("/meetings/{id:int}").WithTags("Live board");

        // An API client is present while it keeps calling: each call refreshes its presence, which lasts 45 seconds.
        room.MapPost("/join", async (int id, HttpContext http, LiveBoardService board) =>
        {
            var actor = ApiRoutes.ActorOf(http);
            await board.JoinAsync(actor, id, ApiConnection(actor, id), http.RequestAborted, heldOpen: false);
            return TypedResults.Ok(await board.RoomAsync(actor, id, null, http.RequestAborted));
        }).WithName("JoinMeeting").WithSummary("Joins the meeting room (counts as presence for 45 seconds, refreshed by each call).");

        room.MapGet("/room", async (int id, int? itemId, HttpContext http, LiveBoardService board) =>
            TypedResults.Ok(await board.RoomAsync(ApiRoutes.ActorOf(http), id, itemId, http.RequestAborted)))
            .WithName("GetRoom").WithSummary("The room as the caller sees it: current item, presence, quorum, tally.");

        room.MapPost("/start", async (int id, HttpContext http, LiveBoardService board) =>
        {
            await board.StartAsync(ApiRoutes.ActorOf(http), id, http.RequestAborted);
            return TypedResults.NoContent();
        }).WithName("StartMeeting").WithSummary("Starts the meeting (chair or coordinator).");

        room.MapPut("/current", async (int id, CurrentItemRequest body, HttpContext http, LiveBoardService board) =>
        {
            if (body.ItemId is null)
                throw new DomainException("Agenda.ItemRequired", "Give the item to move to (itemId).");
            await board.MoveToAsync(ApiRoutes.ActorOf(http), id, body.ItemId.Value, http.RequestAborted);
            return TypedResults.NoContent();
        }).WithName("MoveToItem").WithSummary("Makes an item current (chair or coordinator).");

        room.MapPost("/items/{itemId:int}/options", async (int id, int itemId, OptionAddRequest body, HttpContext http, LiveBoardService board) =>
        {
            await board.AddOptionAsync(ApiRoutes.ActorOf(http), id, itemId, new OptionContent(body.Label ?? "", body.Detail, body.Trial), http.RequestAborted);
            return TypedResults.NoContent();
        }).WithName("AddOption").WithSummary("Adds a treatment option raised in the discussion, before voting opens.");

        room.MapPost("/items/{itemId:int}/voting/open", async (int id, int itemId, HttpContext http, LiveBoardService board) =>
        {
            await board.OpenVotingAsync(ApiRoutes.ActorOf(http), id, itemId, http.RequestAborted);
            return TypedResults.NoContent();
        }).WithName("OpenVoting").WithSummary("Opens voting on the current item (chair or coordinator).");

        room.MapPost("/items/{itemId:int}/voting/close", async (int id, int itemId, HttpContext http, LiveBoardService board) =>
            TypedResults.Ok(await board.CloseVotingAsync(ApiRoutes.ActorOf(http), id, itemId, http.RequestAborted)))
            .WithName("CloseVoting").WithSummary("Closes voting and returns the result.");

        room.MapPut("/items/{itemId:int}/vote", async (int id, int itemId, VoteRequest body, HttpContext http, LiveBoardService board) =>
        {
            if (body.OptionId is null && body.Abstain != true)
                throw new DomainException("Voting.ChoiceRequired", "Give an option (optionId) or abstain (abstain: true).");
            if (body.OptionId is not null && body.Abstain == true)
                throw new DomainException("Voting.ChoiceInvalid", "Choose an option or abstain, not both.");
            var actor = ApiRoutes.ActorOf(http);
            await board.JoinAsync(actor, id, ApiConnection(actor, id), http.RequestAborted, heldOpen: false);
            return TypedResults.Ok(await board.CastVoteAsync(actor, id, itemId, body.OptionId, http.RequestAborted));
        }).WithName("CastVote").WithSummary("Casts or changes the caller's vote; answers once the vote is stored.");

        room.MapGet("/items/{itemId:int}/tally", async (int id, int itemId, HttpContext http, LiveBoardService board) =>
            TypedResults.Ok(await board.TallyAsync(ApiRoutes.ActorOf(http), id, itemId, http.RequestAborted)))
            .WithName("GetTally").WithSummary("The vote's tally (only the number of votes in a blind vote until it closes).");

        room.MapPost("/items/{itemId:int}/recommendation", async (int id, int itemId, RecommendationRequest body, HttpContext http, LiveBoardService board) =>
        {
            await board.RecordRecommendationAsync(ApiRoutes.ActorOf(http), id, itemId, body, http.RequestAborted);
            return TypedResults.NoContent();
        }).WithName("RecordRecommendation").WithSummary("Records the board's recommendation after the vote (chair, coordinator or secretary).");

        room.MapPost("/close", async (int id, HttpContext http, LiveBoardService board) =>
        {
            await board.CloseMeetingAsync(ApiRoutes.ActorOf(http), id, http.RequestAborted);
            return TypedResults.NoContent();
        }).WithName("CloseMeeting").WithSummary("Closes the meeting; cases not reached carry over to the next one.");
    }

    // One presence per API client and meeting: the same client may be in the rooms of two meetings.
    private static string ApiConnection(TumourBoard.Domain.People.Actor actor, int meetingId) => $"api:{meetingId}:{actor.UserId:N}";
}
