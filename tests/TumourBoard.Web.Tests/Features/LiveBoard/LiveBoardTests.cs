using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TumourBoard.Domain.Cases;
using TumourBoard.Domain.Common;
using TumourBoard.Domain.LiveBoard;
using TumourBoard.Domain.Meetings;
using TumourBoard.Domain.People;
using TumourBoard.Web.Data;
using TumourBoard.Web.Features.LiveBoard;
using TumourBoard.Web.Features.Realtime;
using TumourBoard.Web.Tests.Infrastructure;

namespace TumourBoard.Web.Tests.Features.LiveBoard;

public sealed class LiveBoardTests(DemoAppFixture fixture) : IClassFixture<DemoAppFixture>
{
    private readonly TumourBoardApp _app = fixture.App;

    private HttpClient As(string token) => _app.ApiClient(token);

    private static async Task<string?> CodeOf(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).TryGetProperty("code", out var code) ? code.GetString() : null;

    /// <summary>A started meeting whose current item is a submitted case with two options.</summary>
    private async Task<(int MeetingId, int ItemId, int[] OptionIds)> StartedMeetingAsync(VotingMode mode = VotingMode.Open)
    {
        using var clinician = As("demo-clinician.uzl");
        var created = await clinician.PostAsJsonAsync("api/v1/cases", new
        {
            ageYears = 11, sex = "Female", diagnosisLabel = "Hodgkin lymphoma, relapse", diseaseStatus = "Relapse",
            question = "Brentuximab-based salvage or trial?", options = new[] { new { label = "BV-bendamustine" }, new { label = "Checkpoint trial" } },
            consentConfirmed = true,
        });
        var caseId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        await clinician.PostAsync($"api/v1/cases/{caseId}/submit", null);
        using var coordinator = As("demo-coordinator");
        var meeting = await coordinator.PostAsJsonAsync("api/v1/meetings", new { startsAt = DateTimeOffset.UtcNow.AddDays(Random.Shared.Next(200, 300)).AddMinutes(Random.Shared.Next(0, 1000)), durationMinutes = 60 });
        var meetingId = (await meeting.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var item = await coordinator.PostAsJsonAsync($"api/v1/meetings/{meetingId}/items", new { caseId });
        var itemId = (await item.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        if (mode == VotingMode.Blind)
        {
            await _app.WithDbAsync(async db =>
            {
                var m = await db.Meetings.SingleAsync(x => x.Id == meetingId);
                m.ConfigureRoom(VotingMode.Blind, QuorumRules.Default);
                return await db.SaveChangesAsync();
            });
        }
        Assert.Equal(HttpStatusCode.OK, (await coordinator.PostAsync($"api/v1/meetings/{meetingId}/publish", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await coordinator.PostAsync($"api/v1/meetings/{meetingId}/start", null)).StatusCode);
        var options = await _app.WithDbAsync(db => db.Set<TreatmentOption>().Where(o => EF.Property<int>(o, "CaseId") == caseId).OrderBy(o => o.Position).Select(o => o.Id).ToArrayAsync());
        return (meetingId, itemId, options);
    }

    [Fact]
    public async Task WholeItem_VoteAndRecommendation_MakeTheCaseDiscussed()
    {
        var (meetingId, itemId, options) = await StartedMeetingAsync();
        using var coordinator = As("demo-coordinator");
        using var uzl = As("demo-clinician.uzl");
        using var cusl = As("demo-clinician.cusl");
        Assert.Equal(HttpStatusCode.NoContent, (await coordinator.PostAsync($"api/v1/meetings/{meetingId}/items/{itemId}/voting/open", null)).StatusCode);

        var first = await uzl.PutAsJsonAsync($"api/v1/meetings/{meetingId}/items/{itemId}/vote", new { optionId = options[0] });
        var second = await cusl.PutAsJsonAsync($"api/v1/meetings/{meetingId}/items/{itemId}/vote", new { optionId = options[1] });
        var changed = await cusl.PutAsJsonAsync($"api/v1/meetings/{meetingId}/items/{itemId}/vote", new { optionId = options[0] });
        var abstained = await coordinator.PutAsJsonAsync($"api/v1/meetings/{meetingId}/items/{itemId}/vote", new { abstain = true });

        Assert.All(new[] { first, second, changed, abstained }, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var live = await changed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, live.GetProperty("votesCast").GetInt32());
        var closed = await (await coordinator.PostAsync($"api/v1/meetings/{meetingId}/items/{itemId}/voting/close", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(3, closed.GetProperty("votesCast").GetInt32());
        Assert.Equal(1, closed.GetProperty("abstentions").GetInt32());
        Assert.Equal(2, closed.GetProperty("centresRepresented").GetInt32());
        Assert.Equal(options[0], closed.GetProperty("winningOptionId").GetInt32());

        var late = await uzl.PutAsJsonAsync($"api/v1/meetings/{meetingId}/items/{itemId}/vote", new { optionId = options[1] });
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Equal("Voting.Closed", await CodeOf(late));

        var recorded = await coordinator.PostAsJsonAsync($"api/v1/meetings/{meetingId}/items/{itemId}/recommendation",
            new { optionId = options[0], rationale = "Response rates in relapsed paediatric Hodgkin lymphoma", consensus = "Unanimous" });
        Assert.Equal(HttpStatusCode.NoContent, recorded.StatusCode);
        var caseStatus = await _app.WithDbAsync(db => db.AgendaItems.Where(i => i.Id == itemId).Join(db.Cases, i => i.CaseId, c => c.Id, (_, c) => c.Status).SingleAsync());
        Assert.Equal(CaseStatus.Discussed, caseStatus);
        Assert.Equal(HttpStatusCode.NoContent, (await coordinator.PostAsync($"api/v1/meetings/{meetingId}/close", null)).StatusCode);
        var attendees = await _app.WithDbAsync(db => db.Attendances.Where(a => a.MeetingId == meetingId).Select(a => a.UserId).Distinct().CountAsync());
        Assert.Equal(3, attendees);
    }

    [Theory]
    [InlineData("demo-observer", "Voting.NotAVoter")]
    [InlineData("demo-datamanager.uzl", "Voting.NotAVoter")]
    public async Task Vote_ByAnObserverOrDataManager_IsRefused(string token, string code)
    {
        var (meetingId, itemId, options) = await StartedMeetingAsync();
        using var coordinator = As("demo-coordinator");
        await coordinator.PostAsync($"api/v1/meetings/{meetingId}/items/{itemId}/voting/open", null);
        using var client = As(token);

        var response = await client.PutAsJsonAsync($"api/v1/meetings/{meetingId}/items/{itemId}/vote", new { optionId = options[0] });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(code, await CodeOf(response));
        Assert.Equal(0, await _app.WithDbAsync(db => db.Votes.CountAsync(v => v.AgendaItemId == itemId)));
    }

    [Fact]
    public async Task Vote_BeforeOpening_OrForAnotherCasesOption_IsRefusedAndChangesNothing()
    {
        var (meetingId, itemId, _) = await StartedMeetingAsync();
        var (_, _, otherOptions) = await StartedMeetingAsync();
        using var clinician = As("demo-clinician.uzg");
        using var coordinator = As("demo-coordinator");

        var early = await clinician.PutAsJsonAsync($"api/v1/meetings/{meetingId}/items/{itemId}/vote", new { abstain = true });
        await coordinator.PostAsync($"api/v1/meetings/{meetingId}/items/{itemId}/voting/open", null);
        var foreign = await clinician.PutAsJsonAsync($"api/v1/meetings/{meetingId}/items/{itemId}/vote", new { optionId = otherOptions[0] });
        var both = await clinician.PutAsJsonAsync($"api/v1/meetings/{meetingId}/items/{itemId}/vote", new { optionId = otherOptions[0], abstain = true });

        Assert.Equal("Voting.NotOpen", await CodeOf(early));
        Assert.Equal("Voting.OptionInvalid", await CodeOf(foreign));
        Assert.Equal(HttpStatusCode.BadRequest, both.StatusCode);
        Assert.Equal(0, await _app.WithDbAsync(db => db.Votes.CountAsync(v => v.AgendaItemId == itemId)));
    }

    [Fact]
    public async Task MoveTo_AnItemOfAnotherMeeting_IsRefused()
    {
        var (meetingId, _, _) = await StartedMeetingAsync();
        var (_, otherItem, _) = await StartedMeetingAsync();
        using var coordinator = As("demo-coordinator");

        var response = await coordinator.PutAsJsonAsync($"api/v1/meetings/{meetingId}/current", new { itemId = otherItem });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Agenda.ItemNotFound", await CodeOf(response));
    }

    [Fact]
    public async Task BlindVote_ShowsOnlyTheCountUntilClosed()
    {
        var (meetingId, itemId, options) = await StartedMeetingAsync(VotingMode.Blind);
        using var coordinator = As("demo-coordinator");
        using var clinician = As("demo-clinician.uza");
        await coordinator.PostAsync($"api/v1/meetings/{meetingId}/items/{itemId}/voting/open", null);

        var tally = await (await clinician.PutAsJsonAsync($"api/v1/meetings/{meetingId}/items/{itemId}/vote", new { optionId = options[1] })).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(1, tally.GetProperty("votesCast").GetInt32());
        Assert.Equal(0, tally.GetProperty("options").GetArrayLength());
        Assert.False(tally.GetProperty("countsVisible").GetBoolean());
        var closed = await (await coordinator.PostAsync($"api/v1/meetings/{meetingId}/items/{itemId}/voting/close", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(closed.GetProperty("countsVisible").GetBoolean());
        Assert.Equal(options[1], closed.GetProperty("winningOptionId").GetInt32());
    }

    [Fact]
    public async Task TwoHundredVotesAtOnce_AreEachCountedExactlyOnce()
    {
        var (meetingId, itemId, options) = await StartedMeetingAsync();
        using var coordinator = As("demo-coordinator");
        await coordinator.PostAsync($"api/v1/meetings/{meetingId}/items/{itemId}/voting/open", null);
        var voters = await CreateVotersAsync(200);
        await using var scope = _app.Services.CreateAsyncScope();
        foreach (var voter in voters)
            await scope.ServiceProvider.GetRequiredService<LiveBoardService>().JoinAsync(voter, meetingId, $"test-{voter.UserId:N}");

        // Every voter votes twice at the same moment, as a double click would.
        await Task.WhenAll(voters.SelectMany(v => new[] { v, v }).Select(async (voter, i) =>
        {
            await using var s = _app.Services.CreateAsyncScope();
            await s.ServiceProvider.GetRequiredService<LiveBoardService>().CastVoteAsync(voter, meetingId, itemId, options[i % 4 < 2 ? 0 : 1]);
        }));

        Assert.Equal(200, await _app.WithDbAsync(db => db.Votes.CountAsync(v => v.AgendaItemId == itemId)));
        var closed = await (await coordinator.PostAsync($"api/v1/meetings/{meetingId}/items/{itemId}/voting/close", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(200, closed.GetProperty("votesCast").GetInt32());
    }

    [Fact]
    public async Task RoomFeed_VotesArrivingWhileATallyIsSent_AreAnnouncedTogetherByOneMoreTally()
    {
        var (meetingId, itemId, options) = await StartedMeetingAsync();
        using var coordinator = As("demo-coordinator");
        await coordinator.PostAsync($"api/v1/meetings/{meetingId}/items/{itemId}/voting/open", null);
        var voters = await CreateVotersAsync(6);
        await using var scope = _app.Services.CreateAsyncScope();
        var board = scope.ServiceProvider.GetRequiredService<LiveBoardService>();
        foreach (var voter in voters)
            await board.JoinAsync(voter, meetingId, $"test-{voter.UserId:N}");
        var announced = new List<TallyView>();
        var firstSent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var secondSent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var events = 0;
        var allEventsIn = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var counting = _app.Services.GetRequiredService<BoardEvents>().Subscribe(meetingId, e =>
        {
            if (e.Type == "TallyChanged" && Interlocked.Increment(ref events) == 6)
                allEventsIn.TrySetResult();
            return Task.CompletedTask;
        });
        // The first announcement is held until the other five votes' events have all arrived.
        using var feed = _app.Services.GetRequiredService<RoomFeed>().Subscribe(meetingId, async notice =>
        {
            if (notice.Type != "TallyChanged")
                return;
            lock (announced)
                announced.Add((TallyView)notice.Event.State!);
            if (announced.Count == 1)
            {
                firstSent.TrySetResult();
                await release.Task;
            }
            else
                secondSent.TrySetResult();
        });

        await board.CastVoteAsync(voters[0], meetingId, itemId, options[0]);
        await firstSent.Task.WaitAsync(TimeSpan.FromSeconds(10));
        foreach (var voter in voters.Skip(1))
            await board.CastVoteAsync(voter, meetingId, itemId, options[1]);
        await allEventsIn.Task.WaitAsync(TimeSpan.FromSeconds(10));
        release.SetResult();
        await secondSent.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await Task.Delay(300);

        Assert.Equal([1, 6], announced.Select(t => t.VotesCast));
        Assert.Equal(5, announced[1].Options.Single(o => o.OptionId == options[1]).Votes);
    }

    [Fact]
    public async Task Hub_JoinAndVote_OthersReceiveTheTallyOverWebSockets()
    {
        var (meetingId, itemId, options) = await StartedMeetingAsync();
        using var coordinator = As("demo-coordinator");
        await coordinator.PostAsync($"api/v1/meetings/{meetingId}/items/{itemId}/voting/open", null);
        await using var voter = Connect("demo-clinician.suhopl");
        await using var watcher = Connect("demo-observer");
        var received = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        watcher.On<JsonElement>("TallyChanged", e => received.TrySetResult(e));
        await voter.StartAsync();
        await watcher.StartAsync();

        var room = await watcher.InvokeAsync<JsonElement>("JoinMeeting", meetingId);
        await voter.InvokeAsync<JsonElement>("JoinMeeting", meetingId);
        var confirmed = await voter.InvokeAsync<JsonElement>("CastVote", meetingId, itemId, options[0]);
        var tallyEvent = await received.Task.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(meetingId, room.GetProperty("meetingId").GetInt32());
        Assert.Equal(1, confirmed.GetProperty("votesCast").GetInt32());
        Assert.Equal(itemId, tallyEvent.GetProperty("itemId").GetInt32());
        Assert.Equal(1, tallyEvent.GetProperty("state").GetProperty("votesCast").GetInt32());
    }

    [Fact]
    public async Task Hub_VoteWithoutJoiningTheRoom_IsRefused()
    {
        var (meetingId, itemId, options) = await StartedMeetingAsync();
        using var coordinator = As("demo-coordinator");
        await coordinator.PostAsync($"api/v1/meetings/{meetingId}/items/{itemId}/voting/open", null);
        await using var voter = Connect("demo-clinician.huderf");
        await voter.StartAsync();

        var refused = await Assert.ThrowsAsync<HubException>(() => voter.InvokeAsync<JsonElement>("CastVote", meetingId, itemId, options[0]));

        Assert.Contains("Voting.NotPresent", refused.Message);
    }

    private HubConnection Connect(string token) =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(_app.BaseAddress, "hubs/meeting"), o =>
            {
                o.AccessTokenProvider = () => Task.FromResult<string?>(token);
                // WebSockets only, without negotiation: the connection fails rather than fall back to another transport.
                o.Transports = HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
            })
            .Build();

    private async Task<List<Actor>> CreateVotersAsync(int count)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TumourBoardDbContext>();
        var clinicianRole = await db.Roles.SingleAsync(r => r.Name == Roles.Clinician);
        var centres = await db.Centres.Select(c => c.Id).ToListAsync();
        var voters = new List<Actor>();
        for (var i = 0; i < count; i++)
        {
            var centre = centres[i % centres.Count];
            var user = new AppUser($"voter.{Guid.NewGuid():N}@test.be", $"Voter {i}", centre, Discipline.PaediatricOncology, BoardLanguage.English, DateTime.UtcNow);
            db.Users.Add(user);
            db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = user.Id, RoleId = clinicianRole.Id });
            voters.Add(new Actor(user.Id, Roles.Clinician, centre, Discipline.PaediatricOncology));
        }
        await db.SaveChangesAsync();
        return voters;
    }
}
