using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using TumourBoard.Domain.People;
using TumourBoard.Web.Features.Account;
using TumourBoard.Web.Infrastructure;

namespace TumourBoard.Web.Features.LiveBoard;

/// <summary>
/// The meeting room for clients outside Blazor (a room display, a centre's tools, load tests): the same service and
/// rules as the pages, authenticated by the sign-in cookie or a bearer token (access_token in the query for WebSockets).
/// </summary>
[Authorize]
public sealed class MeetingHub(LiveBoardService board, ILogger<MeetingHub> logger) : Hub
{
    public const string Path = "/hubs/meeting";

    public static string Group(int meetingId) => $"meeting-{meetingId}";

    /// <summary>Joins the room (and so counts as present); returns the room as this member sees it.</summary>
    public async Task<RoomState> JoinMeeting(int meetingId)
    {
        var actor = Actor;
        await Run(() => board.JoinAsync(actor, meetingId, Context.ConnectionId, Context.ConnectionAborted));
        await Groups.AddToGroupAsync(Context.ConnectionId, Group(meetingId), Context.ConnectionAborted);
        return await Run(() => board.RoomAsync(actor, meetingId, null, Context.ConnectionAborted));
    }

    public async Task LeaveMeeting(int meetingId)
    {
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, Group(meetingId));
        await Run(() => board.LeaveAsync(Context.ConnectionId));
    }

    /// <summary>Casts or changes a vote (null option = abstain); returns the tally once the vote is committed.</summary>
    public Task<TallyView> CastVote(int meetingId, int itemId, int? optionId) =>
        Run(() => board.CastVoteAsync(Actor, meetingId, itemId, optionId, Context.ConnectionAborted));

    public Task<TallyView?> GetTally(int meetingId, int itemId) =>
        Run(() => board.TallyAsync(Actor, meetingId, itemId, Context.ConnectionAborted));

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        try
        {
            await board.LeaveAsync(Context.ConnectionId);
        }
        catch (Exception ex) when (ex.IsDatabaseUnavailable())
        {
            // No longer refreshed, so the connection stops counting once the presence timeout passes.
            logger.LogInformation("A hub connection left while the database could not be reached; its presence expires by itself");
        }
        await base.OnDisconnectedAsync(exception);
    }

    private Actor Actor => Context.User?.ToActor() ?? throw new HubException("Not signed in.");

    // A refusal reaches the client as a HubException with its reason, and so does an unreachable database (the client
    // tries again); anything else stays a server error.
    private static async Task<T> Run<T>(Func<Task<T>> action)
    {
        try
        {
            return await action();
        }
        catch (Exception ex) when (ex.IsUserFacingRefusal())
        {
            throw new HubException(ex is TumourBoard.Domain.DomainException d ? $"{d.Code}: {d.Message}" : ex.Message);
        }
        catch (Exception ex) when (ex.IsDatabaseUnavailable())
        {
            throw new HubException($"{DatabaseFailures.UnavailableCode}: {DatabaseFailures.UnavailableMessage}");
        }
    }

    private static async Task Run(Func<Task> action) => await Run(async () =>
    {
        await action();
        return true;
    });
}

internal static class HubRefusals
{
    public static bool IsUserFacingRefusal(this Exception exception) =>
        exception is TumourBoard.Domain.DomainException or Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException;
}
