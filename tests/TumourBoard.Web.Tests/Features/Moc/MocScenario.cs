using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TumourBoard.Domain.Cases;
using TumourBoard.Domain.People;
using TumourBoard.Web.Features.Account;
using TumourBoard.Web.Features.LiveBoard;
using TumourBoard.Web.Tests.Infrastructure;

namespace TumourBoard.Web.Tests.Features.Moc;

/// <summary>
/// A meeting of two cases presented by the UZL clinician (paediatric oncology, with a RIZIV/INAMI number), with a
/// surgeon, a radiotherapist (both with a number) and a pathologist (without one) in the room from the start.
/// </summary>
public sealed class MocScenario(TumourBoardApp app)
{
    private static int _nextPractitioner = Random.Shared.Next(0, 90_000);

    public int MeetingId { get; private set; }

    public (int ItemId, int CaseId, string Code, int[] Options) First { get; private set; }

    public (int ItemId, int CaseId, string Code, int[] Options) Second { get; private set; }

    public Actor Clinician { get; private set; } = default!;

    public Actor Surgeon { get; private set; } = default!;

    public Actor Radiotherapist { get; private set; } = default!;

    public Actor Pathologist { get; private set; } = default!;

    /// <summary>A RIZIV/INAMI number with valid check digits, written with hyphens, never given twice in a test run.</summary>
    public static string NewRizivNumber()
    {
        var practitioner = 100_000 + Interlocked.Increment(ref _nextPractitioner) % 100_000;
        var check = 97 - practitioner % 97;
        return $"{practitioner / 100_000}-{practitioner % 100_000:00000}-{check:00}-580";
    }

    public static async Task<MocScenario> StartAsync(TumourBoardApp app)
    {
        var scenario = new MocScenario(app);
        await scenario.StartAsync();
        return scenario;
    }

    private async Task StartAsync()
    {
        using var clinician = app.ApiClient("demo-clinician.uzl");
        using var coordinator = app.ApiClient("demo-coordinator");
        var meeting = await coordinator.PostAsJsonAsync("api/v1/meetings", new
        {
            startsAt = DateTimeOffset.UtcNow.AddDays(Random.Shared.Next(300, 400)).AddMinutes(Random.Shared.Next(0, 1000)), durationMinutes = 90,
            title = "MOC board of the test",
        });
        Assert.Equal(HttpStatusCode.Created, meeting.StatusCode);
        MeetingId = await IdOf(meeting);
        var items = new List<(int, int, string, int[])>();
        foreach (var question in new[] { "Induction with or without radiotherapy?", "Second-look surgery?" })
        {
            var created = await clinician.PostAsJsonAsync("api/v1/cases", new
            {
                ageYears = 7, sex = "Male", diagnosisLabel = "Ewing sarcoma of the pelvis", diseaseStatus = "NewDiagnosis", morphology = "9260/3", topography = "C41.4",
                question, options = new[] { new { label = "Chemotherapy and radiotherapy" }, new { label = "Chemotherapy and surgery" } }, consentConfirmed = true,
            });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var body = await created.Content.ReadFromJsonAsync<JsonElement>();
            var caseId = body.GetProperty("id").GetInt32();
            Assert.Equal(HttpStatusCode.OK, (await clinician.PostAsync($"api/v1/cases/{caseId}/submit", null)).StatusCode);
            var item = await coordinator.PostAsJsonAsync($"api/v1/meetings/{MeetingId}/items", new { caseId });
            var options = await app.WithDbAsync(db => db.Set<TreatmentOption>().Where(o => EF.Property<int>(o, "CaseId") == caseId).OrderBy(o => o.Position).Select(o => o.Id).ToArrayAsync());
            items.Add((await IdOf(item), caseId, body.GetProperty("code").GetString()!, options));
        }
        (First, Second) = (items[0], items[1]);
        Assert.Equal(HttpStatusCode.OK, (await coordinator.PostAsync($"api/v1/meetings/{MeetingId}/publish", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await coordinator.PostAsync($"api/v1/meetings/{MeetingId}/start", null)).StatusCode);

        Clinician = await app.ActorAsync("clinician.uzl@demo.tumourboard.be");
        Surgeon = await ActorOfNewAsync("CUSL", Discipline.Surgery);
        Radiotherapist = await ActorOfNewAsync("UZG", Discipline.Radiotherapy);
        Pathologist = await ActorOfNewAsync("UZA", Discipline.Pathology);
        foreach (var physician in new[] { Clinician, Surgeon, Radiotherapist })
            await GiveRizivNumberAsync(physician);
        foreach (var physician in new[] { Clinician, Surgeon, Radiotherapist, Pathologist })
            await JoinAsync(physician);
    }

    public async Task GiveRizivNumberAsync(Actor physician)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ProfileService>().SetRizivNumberAsync(physician, physician.UserId, NewRizivNumber());
    }

    /// <summary>Another physician of the given discipline comes into the room, with a RIZIV/INAMI number.</summary>
    public async Task<Actor> JoinNewPhysicianAsync(string centre, Discipline discipline)
    {
        var physician = await ActorOfNewAsync(centre, discipline);
        await GiveRizivNumberAsync(physician);
        await JoinAsync(physician);
        return physician;
    }

    public async Task JoinAsync(Actor physician)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<LiveBoardService>().JoinAsync(physician, MeetingId, Connection(physician));
    }

    public async Task LeaveAsync(Actor physician)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<LiveBoardService>().LeaveAsync(Connection(physician));
    }

    /// <summary>Opens the vote, has the UZL clinician vote, closes it and records the recommendation, as the chair does.</summary>
    public async Task DecideAsync((int ItemId, int CaseId, string Code, int[] Options) item)
    {
        using var clinician = app.ApiClient("demo-clinician.uzl");
        using var coordinator = app.ApiClient("demo-coordinator");
        Assert.Equal(HttpStatusCode.NoContent, (await coordinator.PostAsync($"api/v1/meetings/{MeetingId}/items/{item.ItemId}/voting/open", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await clinician.PutAsJsonAsync($"api/v1/meetings/{MeetingId}/items/{item.ItemId}/vote", new { optionId = item.Options[0] })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await coordinator.PostAsync($"api/v1/meetings/{MeetingId}/items/{item.ItemId}/voting/close", null)).StatusCode);
        var recorded = await coordinator.PostAsJsonAsync($"api/v1/meetings/{MeetingId}/items/{item.ItemId}/recommendation",
            new { optionId = item.Options[0], rationale = "Local control with the least morbidity", consensus = "Unanimous" });
        Assert.Equal(HttpStatusCode.NoContent, recorded.StatusCode);
    }

    public async Task CloseAsync()
    {
        using var coordinator = app.ApiClient("demo-coordinator");
        Assert.Equal(HttpStatusCode.NoContent, (await coordinator.PostAsync($"api/v1/meetings/{MeetingId}/close", null)).StatusCode);
    }

    /// <summary>
    /// The whole meeting: the first case decided with the four physicians (each with a number once the pathologist gives
    /// theirs), the surgeon leaving before the second case, which is decided with three; then closed.
    /// </summary>
    public static async Task<MocScenario> HeldAsync(TumourBoardApp app)
    {
        var scenario = await StartAsync(app);
        await scenario.GiveRizivNumberAsync(scenario.Pathologist);
        await scenario.DecideAsync(scenario.First);
        await scenario.LeaveAsync(scenario.Surgeon);
        using (var coordinator = app.ApiClient("demo-coordinator"))
            Assert.Equal(HttpStatusCode.NoContent, (await coordinator.PutAsJsonAsync($"api/v1/meetings/{scenario.MeetingId}/current", new { itemId = scenario.Second.ItemId })).StatusCode);
        await scenario.DecideAsync(scenario.Second);
        await scenario.CloseAsync();
        return scenario;
    }

    private string Connection(Actor physician) => $"test:{MeetingId}:{physician.UserId:N}";

    private async Task<Actor> ActorOfNewAsync(string centre, Discipline discipline)
    {
        var user = await app.CreateUserAsync(Roles.Clinician, centre, discipline);
        return new Actor(user.Id, Roles.Clinician, user.CentreId, user.Discipline);
    }

    private static async Task<int> IdOf(HttpResponseMessage response) => (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
}
