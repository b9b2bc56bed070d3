using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using TumourBoard.Domain.Meetings;
using TumourBoard.Web.Data;
using TumourBoard.Web.Features.FollowUps;
using TumourBoard.Web.Features.Notifications;
using TumourBoard.Web.Tests.Documents;
using TumourBoard.Web.Tests.Infrastructure;
using UglyToad.PdfPig;

namespace TumourBoard.Web.Tests.Features.FollowUps;

public sealed class FollowUpApiTests(DemoAppFixture fixture) : IClassFixture<DemoAppFixture>
{
    private readonly TumourBoardApp _app = fixture.App;

    private HttpClient As(string token) => _app.ApiClient(token);

    private static async Task<JsonElement> JsonOf(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    private static async Task<string?> CodeOf(HttpResponseMessage response) =>
        (await JsonOf(response)).TryGetProperty("code", out var code) ? code.GetString() : null;

    private static JsonElement Milestone(JsonElement followUp, string milestone) =>
        followUp.GetProperty("milestones").EnumerateArray().Single(m => m.GetProperty("milestone").GetString() == milestone);

    /// <summary>A case of UZL submitted, put on a meeting, voted on and recommended: discussed now, or <paramref name="daysAgo"/> days ago.</summary>
    private async Task<int> DiscussedCaseAsync(string? trial = null, int daysAgo = 0)
    {
        using var clinician = As("demo-clinician.uzl");
        using var coordinator = As("demo-coordinator");
        var created = await clinician.PostAsJsonAsync("api/v1/cases", new
        {
            ageYears = 7, sex = "Female", diagnosisLabel = "Ewing sarcoma of the pelvis", diseaseStatus = "NewDiagnosis", question = "Surgery or radiotherapy for local control?",
            options = new object[] { new { label = "Surgery" }, new { label = "Radiotherapy within a trial", trial } }, consentConfirmed = true,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var caseId = (await JsonOf(created)).GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await clinician.PostAsync($"api/v1/cases/{caseId}/submit", null)).StatusCode);
        var meeting = await coordinator.PostAsJsonAsync("api/v1/meetings", new { startsAt = DateTimeOffset.UtcNow.AddDays(Random.Shared.Next(500, 900)).AddMinutes(Random.Shared.Next(0, 1000)), durationMinutes = 60 });
        var meetingId = (await JsonOf(meeting)).GetProperty("id").GetInt32();
        var itemId = (await JsonOf(await coordinator.PostAsJsonAsync($"api/v1/meetings/{meetingId}/items", new { caseId }))).GetProperty("id").GetInt32();
        var options = (await JsonOf(await clinician.GetAsync($"api/v1/cases/{caseId}"))).GetProperty("options").EnumerateArray().Select(o => o.GetProperty("id").GetInt32()).ToArray();
        await coordinator.PostAsync($"api/v1/meetings/{meetingId}/publish", null);
        await coordinator.PostAsync($"api/v1/meetings/{meetingId}/start", null);
        await coordinator.PostAsync($"api/v1/meetings/{meetingId}/items/{itemId}/voting/open", null);
        await clinician.PutAsJsonAsync($"api/v1/meetings/{meetingId}/items/{itemId}/vote", new { optionId = options[1] });
        await coordinator.PostAsync($"api/v1/meetings/{meetingId}/items/{itemId}/voting/close", null);
        var recorded = await coordinator.PostAsJsonAsync($"api/v1/meetings/{meetingId}/items/{itemId}/recommendation",
            new { optionId = options[1], rationale = "Preserves function.", consensus = "Unanimous" });
        Assert.Equal(HttpStatusCode.NoContent, recorded.StatusCode);
        if (daysAgo > 0)
        {
            // The board discussed it earlier: what is due counts from the day the recommendation was recorded.
            await _app.WithDbAsync(db => db.Database.ExecuteSqlAsync(
                $"""UPDATE agenda_items SET "RecommendationRecordedAtUtc" = "RecommendationRecordedAtUtc" - make_interval(days => {daysAgo}) WHERE "Id" = {itemId}"""));
        }
        return caseId;
    }

    /// <summary>The codes of the cases of the demo's two held meetings, by the first words of their diagnosis.</summary>
    private Task<Dictionary<string, string>> DemoCaseCodesAsync() => _app.WithDbAsync(db => db.AgendaItems
        .Where(i => db.Meetings.Any(m => m.Id == i.MeetingId && (m.Title == DemoSeeder.HeldMeetingTitle || m.Title == DemoSeeder.EarlierMeetingTitle)))
        .Join(db.Cases, i => i.CaseId, c => c.Id, (i, c) => new { c.Code, c.DiagnosisLabel }).ToDictionaryAsync(c => c.DiagnosisLabel.Split(',')[0], c => c.Code));

    private Task<int> EntriesAsync(int caseId) =>
        _app.WithDbAsync(db => db.FollowUpEntries.CountAsync(e => db.FollowUps.Any(f => f.Id == e.FollowUpId && f.CaseId == caseId)));

    private static object Implemented => new { implementation = new { outcome = "Implemented" } };

    [Fact]
    public async Task Report_BySubmittingCentre_IsInForceWithItsAuthor_AndAudited()
    {
        var caseId = await DiscussedCaseAsync();
        using var dataManager = As("demo-datamanager.uzl");

        var response = await dataManager.PutAsJsonAsync($"api/v1/cases/{caseId}/follow-up", new
        {
            implementation = new { outcome = "NotImplemented", reason = "PatientOrFamilyChoice", detail = "The family preferred treatment closer to home." },
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var followUp = await JsonOf(response);
        var implementation = Milestone(followUp, "Implementation");
        Assert.Equal("Reported", implementation.GetProperty("state").GetString());
        Assert.Equal("PatientOrFamilyChoice", implementation.GetProperty("current").GetProperty("reason").GetString());
        Assert.Equal("Data manager UZL", implementation.GetProperty("current").GetProperty("reportedBy").GetString());
        Assert.Equal("Upcoming", Milestone(followUp, "Response3Months").GetProperty("state").GetString());
        Assert.Equal(DateOnly.FromDateTime(BoardTime.ToLocal(DateTime.UtcNow)).ToString("yyyy-MM-dd"), followUp.GetProperty("discussion").GetProperty("discussedOn").GetString());
        Assert.Single(followUp.GetProperty("history").EnumerateArray());
        Assert.True(await _app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "follow-up.report" && a.ObjectType == "case" && a.ObjectId == caseId.ToString())));
    }

    [Fact]
    public async Task Correction_WithoutAReason_IsRefused_AndWithOne_KeepsThePreviousValueInTheHistory()
    {
        var caseId = await DiscussedCaseAsync();
        using var clinician = As("demo-clinician.uzl");
        Assert.Equal(HttpStatusCode.OK, (await clinician.PutAsJsonAsync($"api/v1/cases/{caseId}/follow-up", Implemented)).StatusCode);
        var corrected = new { outcome = "NotImplemented", reason = "NotEligible" };

        var refused = await clinician.PutAsJsonAsync($"api/v1/cases/{caseId}/follow-up", new { implementation = corrected });
        var accepted = await clinician.PutAsJsonAsync($"api/v1/cases/{caseId}/follow-up", new { implementation = corrected, correctionReason = "Reported for the wrong case." });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("FollowUp.CorrectionReasonRequired", (await JsonOf(refused)).GetProperty("errors").GetProperty("correctionReason")[0].GetString());
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var history = (await JsonOf(accepted)).GetProperty("history").EnumerateArray().ToList();
        Assert.Equal(["Reported", "Corrected"], history.Select(e => e.GetProperty("kind").GetString()));
        Assert.Equal(["Implemented", "NotImplemented"], history.Select(e => e.GetProperty("outcome").GetString()));
        Assert.True(await _app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "follow-up.correct" && a.ObjectId == caseId.ToString())));
    }

    [Fact]
    public async Task SameReportTwice_AddsNothingTheSecondTime()
    {
        var caseId = await DiscussedCaseAsync();
        using var clinician = As("demo-clinician.uzl");

        var first = await clinician.PutAsJsonAsync($"api/v1/cases/{caseId}/follow-up", Implemented);
        var second = await clinician.PutAsJsonAsync($"api/v1/cases/{caseId}/follow-up", Implemented);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(1, await EntriesAsync(caseId));
    }

    [Fact]
    public async Task Report_ForACaseNotDiscussed_IsRefusedWithAProblem_AndStoresNothing()
    {
        using var clinician = As("demo-clinician.uzl");
        var created = await clinician.PostAsJsonAsync("api/v1/cases", new
        {
            ageYears = 7, sex = "Female", diagnosisLabel = "Ewing sarcoma", diseaseStatus = "NewDiagnosis", question = "Local control?",
            options = new[] { new { label = "Surgery" } }, consentConfirmed = true,
        });
        var caseId = (await JsonOf(created)).GetProperty("id").GetInt32();
        await clinician.PostAsync($"api/v1/cases/{caseId}/submit", null);

        var put = await clinician.PutAsJsonAsync($"api/v1/cases/{caseId}/follow-up", Implemented);
        var get = await clinician.GetAsync($"api/v1/cases/{caseId}/follow-up");

        Assert.Equal(HttpStatusCode.Conflict, put.StatusCode);
        Assert.Equal("application/problem+json", put.Content.Headers.ContentType?.MediaType);
        Assert.Equal("FollowUp.CaseNotDiscussed", await CodeOf(put));
        Assert.Equal(HttpStatusCode.Conflict, get.StatusCode);
        Assert.False(await _app.WithDbAsync(db => db.FollowUps.AnyAsync(f => f.CaseId == caseId)));
    }

    [Fact]
    public async Task Report_WithOneBadPart_IsRefusedAtThatField_AndStoresNoPart()
    {
        var caseId = await DiscussedCaseAsync();
        using var clinician = As("demo-clinician.uzl");
        var tomorrow = DateOnly.FromDateTime(BoardTime.ToLocal(DateTime.UtcNow)).AddDays(1);

        var response = await clinician.PutAsJsonAsync($"api/v1/cases/{caseId}/follow-up", new
        {
            implementation = new { outcome = "Implemented" },
            responses = new[] { new { milestone = "Response3Months", response = "Deceased", assessedOn = tomorrow.ToString("yyyy-MM-dd") } },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("FollowUp.AssessedInFuture", (await JsonOf(response)).GetProperty("errors").GetProperty("responses[0].assessedOn")[0].GetString());
        Assert.False(await _app.WithDbAsync(db => db.FollowUps.AnyAsync(f => f.CaseId == caseId)));
    }

    [Fact]
    public async Task Report_WithIdentifyingDataInTheDetail_Is422_AndStoresNothing()
    {
        var caseId = await DiscussedCaseAsync();
        using var clinician = As("demo-clinician.uzl");

        var response = await clinician.PutAsJsonAsync($"api/v1/cases/{caseId}/follow-up", new
        {
            implementation = new { outcome = "NotImplemented", reason = "Other", detail = "Mother called from 0475 12 34 56 to refuse." },
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("implementation.detail", (await JsonOf(response)).GetProperty("findings")[0].GetProperty("field").GetString());
        Assert.Equal(0, await EntriesAsync(caseId));
    }

    [Fact]
    public async Task Enrolment_IsAccepted_OnlyWhenTheRecommendationReferredATrial()
    {
        var withTrial = await DiscussedCaseAsync(trial: "NCT04567890");
        var without = await DiscussedCaseAsync();
        using var clinician = As("demo-clinician.uzl");
        var enrolled = new { implementation = new { outcome = "EnrolledInTrial" } };

        var accepted = await clinician.PutAsJsonAsync($"api/v1/cases/{withTrial}/follow-up", enrolled);
        var refused = await clinician.PutAsJsonAsync($"api/v1/cases/{without}/follow-up", enrolled);

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal("NCT04567890", (await JsonOf(accepted)).GetProperty("discussion").GetProperty("trialReferral").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("FollowUp.NoTrialReferred", (await JsonOf(refused)).GetProperty("errors").GetProperty("implementation.outcome")[0].GetString());
    }

    [Fact]
    public async Task Report_OnTopOfAnotherOne_WithTheVersionRead_IsRefusedAsStale()
    {
        var caseId = await DiscussedCaseAsync();
        using var clinician = As("demo-clinician.uzl");
        using var dataManager = As("demo-datamanager.uzl");
        var read = await JsonOf(await clinician.PutAsJsonAsync($"api/v1/cases/{caseId}/follow-up", Implemented));
        var version = read.GetProperty("version").GetUInt32();

        var first = await dataManager.PutAsJsonAsync($"api/v1/cases/{caseId}/follow-up", new { implementation = new { outcome = "NotImplemented", reason = "ClinicalChange" }, correctionReason = "Progression", version });
        var second = await clinician.PutAsJsonAsync($"api/v1/cases/{caseId}/follow-up", new { implementation = new { outcome = "NotImplemented", reason = "NotEligible" }, correctionReason = "Not eligible", version });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("Concurrency.Changed", await CodeOf(second));
        Assert.Equal(2, await EntriesAsync(caseId));
    }

    [Fact]
    public async Task Report_ReadWhileNothingWasReported_AfterSomeoneReported_IsRefusedAsStale()
    {
        var caseId = await DiscussedCaseAsync();
        using var clinician = As("demo-clinician.uzl");
        using var dataManager = As("demo-datamanager.uzl");
        var version = (await JsonOf(await clinician.GetAsync($"api/v1/cases/{caseId}/follow-up"))).GetProperty("version").GetUInt32();

        var first = await dataManager.PutAsJsonAsync($"api/v1/cases/{caseId}/follow-up", new { implementation = new { outcome = "Implemented" }, version });
        var second = await clinician.PutAsJsonAsync($"api/v1/cases/{caseId}/follow-up", new { implementation = new { outcome = "NotImplemented", reason = "NotEligible" }, version });

        Assert.Equal(0u, version);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("Concurrency.Changed", await CodeOf(second));
        Assert.Equal(1, await EntriesAsync(caseId));
    }

    [Theory]
    [InlineData("demo-clinician.cusl", HttpStatusCode.OK, HttpStatusCode.Forbidden)]
    [InlineData("demo-observer", HttpStatusCode.OK, HttpStatusCode.Forbidden)]
    [InlineData("demo-coordinator", HttpStatusCode.OK, HttpStatusCode.Forbidden)]
    [InlineData("demo-datamanager.uzg", HttpStatusCode.OK, HttpStatusCode.Forbidden)]
    [InlineData("demo-admin", HttpStatusCode.Forbidden, HttpStatusCode.Forbidden)]
    public async Task OthersThanTheSubmittingCentre_ReadButDoNotReport(string token, HttpStatusCode read, HttpStatusCode report)
    {
        var caseId = await DiscussedCaseAsync();
        using var client = As(token);

        var get = await client.GetAsync($"api/v1/cases/{caseId}/follow-up");
        var put = await client.PutAsJsonAsync($"api/v1/cases/{caseId}/follow-up", Implemented);

        Assert.Equal(read, get.StatusCode);
        Assert.Equal(report, put.StatusCode);
        Assert.Equal(0, await EntriesAsync(caseId));
        if (read == HttpStatusCode.OK)
            Assert.False((await JsonOf(get)).GetProperty("canReport").GetBoolean());
    }

    [Fact]
    public async Task Due_ListsTheImplementationOfACaseDiscussedFiveWeeksAgo_AsOverdue_UntilItIsReported()
    {
        var caseId = await DiscussedCaseAsync(daysAgo: 35);
        using var clinician = As("demo-clinician.uzl");
        async Task<List<JsonElement>> DueOfCase() => (await JsonOf(await clinician.GetAsync("api/v1/follow-ups/due"))).EnumerateArray()
            .Where(d => d.GetProperty("caseId").GetInt32() == caseId).ToList();

        var before = Assert.Single(await DueOfCase());
        await clinician.PutAsJsonAsync($"api/v1/cases/{caseId}/follow-up", Implemented);
        var after = await DueOfCase();

        Assert.Equal(("Implementation", "Overdue"), (before.GetProperty("milestone").GetString(), before.GetProperty("state").GetString()));
        Assert.Equal("UZL", before.GetProperty("centreCode").GetString());
        Assert.Empty(after);
    }

    [Fact]
    public async Task Due_OfAnotherCentre_IsNamedByItsCode_AndAnUnknownCodeIsNotFound()
    {
        var caseId = await DiscussedCaseAsync(daysAgo: 2);
        using var cusl = As("demo-clinician.cusl");

        var own = await JsonOf(await cusl.GetAsync("api/v1/follow-ups/due"));
        var uzl = await JsonOf(await cusl.GetAsync("api/v1/follow-ups/due?centre=uzl"));
        var unknown = await cusl.GetAsync("api/v1/follow-ups/due?centre=XYZ");

        Assert.DoesNotContain(own.EnumerateArray(), d => d.GetProperty("caseId").GetInt32() == caseId);
        Assert.Contains(uzl.EnumerateArray(), d => d.GetProperty("caseId").GetInt32() == caseId && d.GetProperty("state").GetString() == "Due");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("FollowUp.CentreNotFound", await CodeOf(unknown));
    }

    [Fact]
    public async Task DemoData_HasFollowUpsReported_Due_AndOneOverdue_ThatSurfaceAtTheNextMeeting()
    {
        using var clinician = As("demo-clinician.uzl");
        var lastWeek = await _app.WithDbAsync(db => db.Meetings.SingleAsync(m => m.Title == DemoSeeder.HeldMeetingTitle));
        var next = await _app.WithDbAsync(db => db.Meetings.Where(m => m.StartsAtUtc > lastWeek.StartsAtUtc && m.Status != MeetingStatus.Cancelled)
            .OrderBy(m => m.StartsAtUtc).FirstAsync());
        var codes = await DemoCaseCodesAsync();

        var due = (await JsonOf(await clinician.GetAsync("api/v1/follow-ups/due"))).EnumerateArray()
            .Select(d => (d.GetProperty("caseCode").GetString(), d.GetProperty("milestone").GetString(), d.GetProperty("state").GetString())).ToList();
        var section = await JsonOf(await clinician.GetAsync($"api/v1/meetings/{next.Id}/follow-ups"));

        Assert.Contains((codes["Wilms tumour"], "Response3Months", "Overdue"), due);
        Assert.Contains((codes["Osteosarcoma of the distal femur"], "Implementation", "Due"), due);
        Assert.DoesNotContain(due, d => d.Item1 == codes["High-risk neuroblastoma"] && d.Item2 == "Response3Months");
        var reported = section.GetProperty("reported").EnumerateArray()
            .Select(r => (r.GetProperty("caseCode").GetString(), r.GetProperty("entry").GetProperty("milestone").GetString())).ToList();
        Assert.Contains((codes["High-risk neuroblastoma"], "Response3Months"), reported);
        Assert.Contains((codes["Embryonal rhabdomyosarcoma of the bladder and prostate region"], "Implementation"), reported);
        Assert.DoesNotContain(reported, r => r.Item1 == codes["Hepatoblastoma"]);
        // Other tests of this class add cases discussed weeks ago; of the demo's cases, one follow-up is overdue.
        var overdue = section.GetProperty("overdue").EnumerateArray().Select(o => (o.GetProperty("caseCode").GetString(), o.GetProperty("milestone").GetString()))
            .Where(o => codes.ContainsValue(o.Item1!)).ToList();
        Assert.Equal([(codes["Wilms tumour"], "Response3Months")], overdue);
    }

    [Fact]
    public async Task Report_SurfacesInTheFollowUpSectionOfTheNextMeeting()
    {
        var caseId = await DiscussedCaseAsync(daysAgo: 3);
        using var clinician = As("demo-clinician.uzl");
        using var observer = As("demo-observer");
        await clinician.PutAsJsonAsync($"api/v1/cases/{caseId}/follow-up", Implemented);
        var lastWeek = await _app.WithDbAsync(db => db.Meetings.SingleAsync(m => m.Title == DemoSeeder.HeldMeetingTitle));
        var next = await _app.WithDbAsync(db => db.Meetings.Where(m => m.StartsAtUtc > DateTime.UtcNow && m.Status != MeetingStatus.Cancelled).OrderBy(m => m.StartsAtUtc).FirstAsync());

        var section = await JsonOf(await observer.GetAsync($"api/v1/meetings/{next.Id}/follow-ups"));

        var entry = Assert.Single(section.GetProperty("reported").EnumerateArray(), r => r.GetProperty("caseId").GetInt32() == caseId);
        Assert.Equal("Implemented", entry.GetProperty("entry").GetProperty("outcome").GetString());
        Assert.Equal("Clinician UZL", entry.GetProperty("entry").GetProperty("reportedBy").GetString());
        Assert.True(section.GetProperty("sinceUtc").GetDateTime() >= lastWeek.StartsAtUtc);
    }

    [Fact]
    public async Task FollowUpEntries_CannotBeChangedOrDeletedInTheDatabase()
    {
        var caseId = await DiscussedCaseAsync();
        using var clinician = As("demo-clinician.uzl");
        await clinician.PutAsJsonAsync($"api/v1/cases/{caseId}/follow-up", Implemented);

        var update = await Assert.ThrowsAsync<PostgresException>(() => _app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE follow_up_entries SET \"Outcome\" = 'NotImplemented'")));
        var delete = await Assert.ThrowsAsync<PostgresException>(() => _app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("DELETE FROM follow_up_entries")));

        Assert.Contains("append-only", update.MessageText);
        Assert.Contains("append-only", delete.MessageText);
        Assert.Equal(1, await EntriesAsync(caseId));
    }

    [Fact]
    public async Task MinutesOfLastWeeksMeeting_PrintTheFollowUpSectionAsTheBoardWasShownIt()
    {
        using var coordinator = As("demo-coordinator");
        var lastWeek = await _app.WithDbAsync(db => db.Meetings.SingleAsync(m => m.Title == DemoSeeder.HeldMeetingTitle));
        var codes = await DemoCaseCodesAsync();

        var record = (await JsonOf(await coordinator.GetAsync($"api/v1/meetings/{lastWeek.Id}/minutes"))).GetProperty("record").GetProperty("followUps");
        var pdf = await coordinator.GetByteArrayAsync($"api/v1/meetings/{lastWeek.Id}/minutes.pdf");

        // Reported between the earlier meeting and last week's: the implementations, the hepatoblastoma's correction and 3-month response;
        // the neuroblastoma's 3-month response came three days ago, after last week's meeting, when it was overdue.
        var reported = record.GetProperty("reported").EnumerateArray().Select(r => (r.GetProperty("caseCode").GetString(), r.GetProperty("entry").GetProperty("kind").GetString())).ToList();
        Assert.Contains((codes["Hepatoblastoma"], "Corrected"), reported);
        Assert.Contains((codes["Wilms tumour"], "Reported"), reported);
        Assert.DoesNotContain(record.GetProperty("reported").EnumerateArray(), r => r.GetProperty("entry").GetProperty("milestone").GetString() == "Response3Months"
            && r.GetProperty("caseCode").GetString() == codes["High-risk neuroblastoma"]);
        var overdue = record.GetProperty("overdue").EnumerateArray().Select(o => o.GetProperty("caseCode").GetString()).ToList();
        Assert.Contains(codes["High-risk neuroblastoma"], overdue);
        Assert.Contains(codes["Wilms tumour"], overdue);
        // Written next to the tests, to be looked at (pdftoppm -png) while developing, like the minutes tests' PDFs.
        Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "pdfs"));
        await File.WriteAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "pdfs", "minutes-with-follow-ups.pdf"), pdf);
        using var document = PdfDocument.Open(pdf);
        var text = PdfReading.WithoutSpaces(string.Join("\n", document.GetPages().Select(PdfReading.PageText)));
        Assert.Contains(PdfReading.WithoutSpaces("Follow-up of earlier recommendations"), text);
        Assert.Contains(PdfReading.WithoutSpaces("Enrolment confirmed by the trial centre after screening."), text);
        Assert.Contains(PdfReading.WithoutSpaces("Corrected: Enrolled in the referred trial"), text);
    }

    [Fact]
    public async Task Reminder_TellsTheSubmittingCentresCliniciansAndDataManagers_OnceForEachMilestoneDue()
    {
        var caseId = await DiscussedCaseAsync(daysAgo: 1);
        await using var scope = _app.Services.CreateAsyncScope();
        var reminder = scope.ServiceProvider.GetRequiredService<FollowUpService>();

        var first = await reminder.NotifyDueAsync(DateTime.UtcNow);
        var second = await reminder.NotifyDueAsync(DateTime.UtcNow);

        Assert.True(first >= 1);
        Assert.Equal(0, second);
        var told = await _app.WithDbAsync(db => db.Notifications.Where(n => n.CaseId == caseId).Select(n => new { n.UserId, n.Kind, n.Milestone }).ToListAsync());
        var reporters = await _app.WithDbAsync(db => db.Users
            .Where(u => u.IsActive && u.CentreId == db.Cases.Where(c => c.Id == caseId).Select(c => c.CentreId).First()
                && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && (r.Name == "Clinician" || r.Name == "DataManager"))))
            .Select(u => u.Id).ToListAsync());
        Assert.Equal(reporters.Order(), told.Select(t => t.UserId).Order());
        Assert.All(told, t => Assert.Equal((NotificationKind.FollowUpDue, (TumourBoard.Domain.FollowUps.Milestone?)TumourBoard.Domain.FollowUps.Milestone.Implementation), (t.Kind, t.Milestone)));
        var clinician = await _app.ActorAsync("clinician.uzl@demo.tumourboard.be");
        var latest = await scope.ServiceProvider.GetRequiredService<NotificationService>().LatestAsync(clinician, 100);
        var code = await _app.WithDbAsync(db => db.Cases.Where(c => c.Id == caseId).Select(c => c.Code).SingleAsync());
        Assert.Contains(latest, n => n.Kind == NotificationKind.FollowUpDue && n.CaseId == caseId && n.CaseCode == code);
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheFollowUpEndpoints()
    {
        using var anonymous = _app.ApiClient(null);

        var document = await anonymous.GetStringAsync("openapi/v1.json");

        Assert.Contains("/api/v1/cases/{id}/follow-up", document);
        Assert.Contains("/api/v1/follow-ups/due", document);
        Assert.Contains("/api/v1/meetings/{id}/follow-ups", document);
        Assert.Contains("FollowUpReportRequest", document);
    }
}
