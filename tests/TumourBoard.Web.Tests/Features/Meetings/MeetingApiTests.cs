using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TumourBoard.Domain.Cases;
using TumourBoard.Web.Features.Realtime;
using TumourBoard.Web.Tests.Infrastructure;

namespace TumourBoard.Web.Tests.Features.Meetings;

public sealed class MeetingApiTests(DemoAppFixture fixture) : IClassFixture<DemoAppFixture>
{
    private readonly TumourBoardApp _app = fixture.App;

    private HttpClient As(string token) => _app.ApiClient(token);

    /// <summary>A submitted case of the clinician's centre.</summary>
    private async Task<int> SubmittedCaseAsync(string clinicianToken = "demo-clinician.uzl", string urgency = "Routine", string diseaseStatus = "Relapse")
    {
        using var client = As(clinicianToken);
        var created = await client.PostAsJsonAsync("api/v1/cases", new
        {
            ageYears = 6, sex = "Female", diagnosisLabel = "Medulloblastoma, SHH", morphology = "9471/3", topography = "C71.6",
            diseaseStatus, question = "Re-irradiation or phase I trial?", options = new[] { new { label = "Re-irradiation" }, new { label = "Phase I trial" } },
            urgency, consentConfirmed = true,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"api/v1/cases/{id}/submit", null)).StatusCode);
        return id;
    }

    private async Task<int> ExtraMeetingAsync(int daysAhead = 40, int duration = 60)
    {
        using var coordinator = As("demo-coordinator");
        var startsAt = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(daysAhead).AddHours(Random.Shared.Next(6, 18)), TimeSpan.Zero);
        var response = await coordinator.PostAsJsonAsync("api/v1/meetings", new { startsAt, durationMinutes = duration, title = "Extra board", language = "French" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    private static async Task<JsonElement> ReadAsync(HttpClient client, int meetingId) =>
        await client.GetFromJsonAsync<JsonElement>($"api/v1/meetings/{meetingId}");

    private static async Task<string?> CodeOf(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).TryGetProperty("code", out var code) ? code.GetString() : null;

    private Task<CaseStatus> CaseStatusAsync(int caseId) => _app.WithDbAsync(db => db.Cases.Where(c => c.Id == caseId).Select(c => c.Status).SingleAsync());

    [Fact]
    public async Task Meetings_AreListedBetweenDates_WithTheWeeklyOnes()
    {
        using var client = As("demo-observer");

        var meetings = await client.GetFromJsonAsync<JsonElement>($"api/v1/meetings?from={DateTime.UtcNow:yyyy-MM-dd}&to={DateTime.UtcNow.AddDays(60):yyyy-MM-dd}");

        Assert.True(meetings.GetArrayLength() >= 8);
        Assert.Contains(meetings.EnumerateArray(), m => m.GetProperty("kind").GetString() == "Weekly");
    }

    [Fact]
    public async Task CreateMeeting_ByADataManager_Answers403()
    {
        using var client = As("demo-datamanager.uzl");

        var response = await client.PostAsJsonAsync("api/v1/meetings", new { startsAt = DateTimeOffset.UtcNow.AddDays(3) });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task DataManager_BuildsTheAgenda_WithStartTimesAndTheCasesScheduled()
    {
        var meetingId = await ExtraMeetingAsync();
        var first = await SubmittedCaseAsync();
        var second = await SubmittedCaseAsync("demo-clinician.uzg", diseaseStatus: "FollowUp");
        using var dm = As("demo-datamanager.cusl");

        var a = await dm.PostAsJsonAsync($"api/v1/meetings/{meetingId}/items", new { caseId = first });
        var b = await dm.PostAsJsonAsync($"api/v1/meetings/{meetingId}/items", new { caseId = second, minutes = 20 });

        Assert.Equal(HttpStatusCode.Created, a.StatusCode);
        Assert.Equal(HttpStatusCode.Created, b.StatusCode);
        var meeting = await ReadAsync(dm, meetingId);
        var items = meeting.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(15, items[0].GetProperty("minutes").GetInt32());
        Assert.Equal("Clinician UZL", items[0].GetProperty("presenter").GetString());
        var start = meeting.GetProperty("startsAt").GetDateTime();
        Assert.Equal(start.AddMinutes(15), items[1].GetProperty("startsAt").GetDateTime());
        Assert.Equal(CaseStatus.Scheduled, await CaseStatusAsync(first));
    }

    [Fact]
    public async Task Reorder_PutsTheItemsInTheGivenOrder()
    {
        var meetingId = await ExtraMeetingAsync();
        using var dm = As("demo-datamanager.uzl");
        var ids = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            var r = await dm.PostAsJsonAsync($"api/v1/meetings/{meetingId}/items", new { caseId = await SubmittedCaseAsync() });
            ids.Add((await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32());
        }

        var response = await dm.PutAsJsonAsync($"api/v1/meetings/{meetingId}/items/order", new[] { ids[2], ids[0], ids[1] });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var order = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32());
        Assert.Equal([ids[2], ids[0], ids[1]], order);
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("unknown")]
    [InlineData("repeated")]
    [InlineData("empty")]
    public async Task Reorder_WithBadIds_Answers400AndKeepsTheOrder(string kind)
    {
        var meetingId = await ExtraMeetingAsync();
        using var dm = As("demo-datamanager.uzl");
        var ids = new List<int>();
        for (var i = 0; i < 2; i++)
        {
            var r = await dm.PostAsJsonAsync($"api/v1/meetings/{meetingId}/items", new { caseId = await SubmittedCaseAsync() });
            ids.Add((await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32());
        }
        int[] body = kind switch
        {
            "missing" => [ids[1]],
            "unknown" => [ids[1], 987654],
            "repeated" => [ids[1], ids[1]],
            _ => [],
        };

        var response = await dm.PutAsJsonAsync($"api/v1/meetings/{meetingId}/items/order", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Agenda.OrderInvalid", await CodeOf(response));
        Assert.Equal(ids, (await ReadAsync(dm, meetingId)).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()));
    }

    [Fact]
    public async Task AddCase_ThatIsADraftOrWithdrawnOrOnAnotherAgenda_IsRefusedAndChangesNothing()
    {
        var meetingId = await ExtraMeetingAsync();
        var other = await ExtraMeetingAsync(daysAhead: 50);
        using var clinician = As("demo-clinician.uzl");
        var draft = await clinician.PostAsJsonAsync("api/v1/cases", new
        {
            ageYears = 3, sex = "Male", diagnosisLabel = "Hepatoblastoma", diseaseStatus = "NewDiagnosis", question = "Transplant?", options = new[] { new { label = "Transplant" } },
        });
        var draftId = (await draft.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var withdrawn = await SubmittedCaseAsync();
        await _app.WithDbAsync(async db =>
        {
            var c = await db.Cases.Include(x => x.Events).SingleAsync(x => x.Id == withdrawn);
            c.Withdraw(c.CreatedById, null, DateTime.UtcNow);
            return await db.SaveChangesAsync();
        });
        var scheduled = await SubmittedCaseAsync();
        using var dm = As("demo-datamanager.uzb");
        Assert.Equal(HttpStatusCode.Created, (await dm.PostAsJsonAsync($"api/v1/meetings/{other}/items", new { caseId = scheduled })).StatusCode);

        // Another centre's draft does not exist for the data manager; the others exist but cannot go on an agenda.
        foreach (var (caseId, status, code) in new[] { (draftId, HttpStatusCode.NotFound, "Agenda.CaseNotFound"), (withdrawn, HttpStatusCode.Conflict, "Agenda.CaseNotSubmitted"), (scheduled, HttpStatusCode.Conflict, "Agenda.CaseNotSubmitted") })
        {
            var response = await dm.PostAsJsonAsync($"api/v1/meetings/{meetingId}/items", new { caseId });
            Assert.Equal(status, response.StatusCode);
            Assert.Equal(code, await CodeOf(response));
        }
        Assert.Equal(0, (await ReadAsync(dm, meetingId)).GetProperty("items").GetArrayLength());
    }

    [Theory]
    [InlineData("demo-clinician.uzl")]
    [InlineData("demo-observer")]
    public async Task AgendaChange_ByAClinicianOrObserver_Answers403(string token)
    {
        var meetingId = await ExtraMeetingAsync();
        var caseId = await SubmittedCaseAsync();
        using var client = As(token);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync($"api/v1/meetings/{meetingId}/items", new { caseId })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync($"api/v1/meetings/{meetingId}/publish", null)).StatusCode);
    }

    [Fact]
    public async Task Publish_FixesTheAgenda_TellsTheBoard_AndOnlyUrgentLateAdditionsFollow()
    {
        var meetingId = await ExtraMeetingAsync();
        using var dm = As("demo-datamanager.uza");
        using var coordinator = As("demo-coordinator");
        await dm.PostAsJsonAsync($"api/v1/meetings/{meetingId}/items", new { caseId = await SubmittedCaseAsync() });
        Assert.Equal(HttpStatusCode.Forbidden, (await dm.PostAsync($"api/v1/meetings/{meetingId}/publish", null)).StatusCode);

        var published = await coordinator.PostAsync($"api/v1/meetings/{meetingId}/publish", null);

        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        Assert.Equal("AgendaPublished", (await published.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        var byDataManager = await dm.PostAsJsonAsync($"api/v1/meetings/{meetingId}/items", new { caseId = await SubmittedCaseAsync() });
        Assert.Equal(HttpStatusCode.Forbidden, byDataManager.StatusCode);
        var routine = await coordinator.PostAsJsonAsync($"api/v1/meetings/{meetingId}/items", new { caseId = await SubmittedCaseAsync() });
        Assert.Equal("Agenda.LateNotUrgent", await CodeOf(routine));
        var urgent = await coordinator.PostAsJsonAsync($"api/v1/meetings/{meetingId}/items", new { caseId = await SubmittedCaseAsync(urgency: "Urgent") });
        Assert.Equal(HttpStatusCode.Created, urgent.StatusCode);
        Assert.True((await urgent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("lateAddition").GetBoolean());

        var notified = await _app.WithDbAsync(db => db.Notifications.CountAsync(n => n.MeetingId == meetingId && n.Kind == TumourBoard.Web.Features.Notifications.NotificationKind.AgendaPublished));
        Assert.True(notified >= 15);
        var mails = Directory.GetFiles(_app.MailFolder, "*.eml").Select(File.ReadAllText).Where(m => m.Contains($"/meetings/{meetingId}", StringComparison.Ordinal)).ToList();
        Assert.True(mails.Count >= 15, $"Expected an agenda e-mail to each member of the board, found {mails.Count}.");
    }

    [Fact]
    public async Task ConcurrentAgendaEdits_EachLandOrAreRefused_NoneIsLost()
    {
        var meetingId = await ExtraMeetingAsync(duration: 240);
        var cases = new List<int>();
        for (var i = 0; i < 8; i++)
            cases.Add(await SubmittedCaseAsync());
        using var dm = As("demo-datamanager.uzg");

        var responses = await Task.WhenAll(cases.Select(caseId => dm.PostAsJsonAsync($"api/v1/meetings/{meetingId}/items", new { caseId })));

        Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.Conflict }));
        var added = responses.Count(r => r.StatusCode == HttpStatusCode.Created);
        Assert.True(added >= 1);
        foreach (var refused in responses.Where(r => r.StatusCode == HttpStatusCode.Conflict))
            Assert.Equal("Concurrency.Changed", await CodeOf(refused));
        var items = (await ReadAsync(dm, meetingId)).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(added, items.Count);
        Assert.Equal(Enumerable.Range(1, added), items.Select(i => i.GetProperty("position").GetInt32()));
        var scheduled = await _app.WithDbAsync(db => db.Cases.CountAsync(c => cases.Contains(c.Id) && c.Status == CaseStatus.Scheduled));
        Assert.Equal(added, scheduled);
    }

    [Fact]
    public async Task SameCase_OnTwoAgendasAtOnce_LandsOnOne()
    {
        var meetings = new[] { await ExtraMeetingAsync(), await ExtraMeetingAsync(daysAhead: 45) };
        var caseId = await SubmittedCaseAsync();
        using var one = As("demo-datamanager.uzl");
        using var two = As("demo-datamanager.uzg");

        var responses = await Task.WhenAll(one.PostAsJsonAsync($"api/v1/meetings/{meetings[0]}/items", new { caseId }),
            two.PostAsJsonAsync($"api/v1/meetings/{meetings[1]}/items", new { caseId }));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Conflict);
        Assert.Equal(1, await _app.WithDbAsync(db => db.AgendaItems.CountAsync(i => i.CaseId == caseId)));
    }

    [Fact]
    public async Task AgendaChange_ReachesSubscribers()
    {
        var meetingId = await ExtraMeetingAsync();
        var caseId = await SubmittedCaseAsync();
        var heard = new TaskCompletionSource<BoardEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = _app.Services.GetRequiredService<BoardEvents>().Subscribe(meetingId, e =>
        {
            heard.TrySetResult(e);
            return Task.CompletedTask;
        });
        using var dm = As("demo-datamanager.uzl");

        await dm.PostAsJsonAsync($"api/v1/meetings/{meetingId}/items", new { caseId });
        var boardEvent = await heard.Task.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(BoardEventTypes.AgendaChanged, boardEvent.Type);
        Assert.Equal(meetingId, boardEvent.MeetingId);
    }

    [Fact]
    public async Task RemoveItem_PutsTheCaseBackToSubmitted()
    {
        var meetingId = await ExtraMeetingAsync();
        var caseId = await SubmittedCaseAsync();
        using var dm = As("demo-datamanager.uzl");
        var added = await dm.PostAsJsonAsync($"api/v1/meetings/{meetingId}/items", new { caseId });
        var itemId = (await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();

        var removed = await dm.DeleteAsync($"api/v1/meetings/{meetingId}/items/{itemId}");

        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Equal(CaseStatus.Submitted, await CaseStatusAsync(caseId));
        Assert.Equal(HttpStatusCode.NotFound, (await dm.DeleteAsync($"api/v1/meetings/987654/items/{itemId}")).StatusCode);
    }

    [Fact]
    public async Task MeetingCalendar_IsAValidICalendarEvent()
    {
        var meetingId = await ExtraMeetingAsync();
        using var client = await _app.SignedInClientAsync("clinician.uzg@demo.tumourboard.be");

        var response = await client.GetAsync($"meetings/{meetingId}/calendar.ics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        var ics = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("BEGIN:VCALENDAR\r\n", ics);
        Assert.Contains($"UID:meeting-{meetingId}@tumourboard.be", ics);
        Assert.Matches(@"DTSTART:\d{8}T\d{6}Z", ics);
        Assert.All(ics.Split("\r\n"), line => Assert.True(System.Text.Encoding.UTF8.GetByteCount(line) <= 75, line));
    }
}
