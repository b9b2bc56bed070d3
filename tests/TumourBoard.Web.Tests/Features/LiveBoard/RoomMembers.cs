using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using TumourBoard.Domain.Common;
using TumourBoard.Domain.People;
using TumourBoard.Web.Data;
using TumourBoard.Web.Features.Tokens;
using TumourBoard.Web.Tests.Infrastructure;

namespace TumourBoard.Web.Tests.Features.LiveBoard;

/// <summary>A board member made for a test: a clinician of some centre with a personal access token.</summary>
internal sealed record Member(Guid UserId, string Name, string Token);

/// <summary>The fault tests run one at a time, after the others: their timings must not be squeezed by other tests.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FaultTests
{
    public const string Name = "Faults";
}

internal static class RoomMembers
{
    /// <summary>
    /// Clinicians spread over the reference centres and disciplines, each with a token, written in one go: creating
    /// hundreds through invitations and password hashing would take minutes and test nothing of the room.
    /// </summary>
    public static Task<IReadOnlyList<Member>> AddCliniciansAsync(TumourBoardApp app, int count) => app.WithDbAsync<IReadOnlyList<Member>>(async db =>
    {
        var roleId = await db.Roles.Where(r => r.Name == Roles.Clinician).Select(r => r.Id).SingleAsync();
        var centres = await db.Centres.OrderBy(c => c.Id).Select(c => new { c.Id, c.Code }).ToListAsync();
        var disciplines = Enum.GetValues<Discipline>();
        var now = DateTime.UtcNow;
        var members = new List<Member>();
        for (var i = 0; i < count; i++)
        {
            var centre = centres[i % centres.Count];
            var user = new AppUser($"member{i + 1:000}.{Guid.NewGuid():N}@test.tumourboard.be", $"Member {i + 1:000} {centre.Code}", centre.Id,
                disciplines[i / centres.Count % disciplines.Length], BoardLanguage.English, now);
            user.NormalizedEmail = user.NormalizedUserName = user.Email!.ToUpperInvariant();
            user.SecurityStamp = Guid.NewGuid().ToString("N");
            db.Users.Add(user);
            db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = user.Id, RoleId = roleId });
            var token = PersonalAccessToken.NewValue();
            db.AccessTokens.Add(new PersonalAccessToken(user.Id, "Fault test", PersonalAccessToken.HashOf(token), token[..10], now, null));
            members.Add(new Member(user.Id, user.DisplayName, token));
        }
        await db.SaveChangesAsync();
        return members;
    });

    /// <summary>The stored votes of an item: each voter's option, null for an abstention.</summary>
    public static Task<Dictionary<Guid, int?>> StoredVotesAsync(TumourBoardApp app, int itemId) =>
        app.WithDbAsync(db => db.Votes.Where(v => v.AgendaItemId == itemId).ToDictionaryAsync(v => v.VoterId, v => v.OptionId));

    /// <summary>What a tally must say for these stored votes: "votes cast; abstentions; option=count,…".</summary>
    public static string Expected(IReadOnlyDictionary<Guid, int?> stored, IEnumerable<int> options) =>
        $"{stored.Count}; {stored.Values.Count(o => o is null)}; {string.Join(",", options.Order().Select(o => $"{o}={stored.Values.Count(v => v == o)}"))}";

    /// <summary>The same summary of a tally as the API and the hub send it.</summary>
    public static string Summary(JsonElement tally) =>
        $"{tally.GetProperty("votesCast").GetInt32()}; {tally.GetProperty("abstentions").GetInt32()}; "
        + string.Join(",", tally.GetProperty("options").EnumerateArray().OrderBy(o => o.GetProperty("optionId").GetInt32())
            .Select(o => $"{o.GetProperty("optionId").GetInt32()}={o.GetProperty("votes").GetInt32()}"));

    /// <summary>Casts a vote through the API; null when confirmed, otherwise the refusal's code.</summary>
    public static async Task<string?> VoteThroughApiAsync(HttpClient client, int meetingId, int itemId, int? optionId)
    {
        using var response = await client.PutAsJsonAsync($"api/v1/meetings/{meetingId}/items/{itemId}/vote",
            optionId is null ? (object)new { abstain = true } : new { optionId });
        if (response.IsSuccessStatusCode)
            return null;
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        return problem.TryGetProperty("code", out var code) ? code.GetString() : $"HTTP {(int)response.StatusCode}";
    }
}

/// <summary>
/// A member in the room through the hub, as a centre's tool or a room display: it keeps the last tally received for
/// each item and the names of the events it heard. With <c>reconnect</c> it reconnects by itself and joins the room
/// again, as such a client must (a new connection is a new presence).
/// </summary>
internal sealed class HubMember : IAsyncDisposable
{
    private readonly ConcurrentDictionary<int, JsonElement> _tallies = new();
    private readonly ConcurrentQueue<string> _events = new();
    private int _meetingId;

    public HubMember(Uri baseAddress, string token, bool reconnect = false)
    {
        var builder = new HubConnectionBuilder()
            .WithUrl(new Uri(baseAddress, "hubs/meeting"), o =>
            {
                o.AccessTokenProvider = () => Task.FromResult<string?>(token);
                o.Transports = HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
            });
        if (reconnect)
            builder.WithAutomaticReconnect([TimeSpan.Zero, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2)]);
        Connection = builder.Build();
        Connection.ServerTimeout = TimeSpan.FromSeconds(60); // a loaded test machine must not time out a live connection
        foreach (var name in new[] { "CurrentItemChanged", "PresenceChanged", "VotingOpened", "VotingClosed", "RecommendationRecorded", "AgendaChanged", "MeetingChanged", "Resynchronised" })
            Connection.On<JsonElement>(name, _ => _events.Enqueue(name));
        Connection.On<JsonElement>("TallyChanged", e =>
        {
            _events.Enqueue("TallyChanged");
            if (e.GetProperty("state").ValueKind == JsonValueKind.Object)
                _tallies[e.GetProperty("itemId").GetInt32()] = e.GetProperty("state").Clone();
        });
        Connection.Reconnected += async _ => Rejoined.TrySetResult(await Connection.InvokeAsync<JsonElement>("JoinMeeting", _meetingId));
    }

    public HubConnection Connection { get; }

    /// <summary>The room as the member saw it on joining again after a reconnection.</summary>
    public TaskCompletionSource<JsonElement> Rejoined { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool Heard(string eventName) => _events.Contains(eventName);

    public JsonElement? LastTally(int itemId) => _tallies.TryGetValue(itemId, out var tally) ? tally : null;

    public async Task<JsonElement> JoinAsync(int meetingId)
    {
        _meetingId = meetingId;
        if (Connection.State == HubConnectionState.Disconnected)
            await Connection.StartAsync();
        return await Connection.InvokeAsync<JsonElement>("JoinMeeting", meetingId);
    }

    /// <summary>Casts a vote; null when confirmed, otherwise the refusal's code (the part of the hub's message before the colon).</summary>
    public async Task<string?> VoteAsync(int meetingId, int itemId, int? optionId)
    {
        try
        {
            await Connection.InvokeAsync<JsonElement>("CastVote", meetingId, itemId, optionId);
            return null;
        }
        catch (Microsoft.AspNetCore.SignalR.HubException e)
        {
            var message = e.Message[(e.Message.IndexOf("HubException: ", StringComparison.Ordinal) is var at and >= 0 ? at + 14 : 0)..];
            return message.Split(':')[0];
        }
    }

    public ValueTask DisposeAsync() => Connection.DisposeAsync();
}
