using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TumourBoard.Domain.Cases;
using TumourBoard.Domain.Common;
using TumourBoard.Domain.Meetings;
using TumourBoard.Web.Features.Meetings;
using TumourBoard.Web.Features.Minutes;
using TumourBoard.Web.Tests.Documents;
using TumourBoard.Web.Tests.Infrastructure;
using UglyToad.PdfPig;

namespace TumourBoard.Web.Tests.Features.Minutes;

public sealed class MinutesTests(DemoAppFixture fixture) : IClassFixture<DemoAppFixture>
{
    private readonly TumourBoardApp _app = fixture.App;

    private HttpClient As(string token) => _app.ApiClient(token);

    private static async Task<string?> CodeOf(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).TryGetProperty("code", out var code) ? code.GetString() : null;

    private sealed record HeldMeeting(int MeetingId, IReadOnlyList<(int ItemId, string CaseCode, int[] Options)> Discussed, string DeferredCode);

    /// <summary>A meeting held from start to close: two cases voted on and recommended, a third not reached.</summary>
    private async Task<HeldMeeting> HeldMeetingAsync(BoardLanguage language = BoardLanguage.English, bool close = true)
    {
        using var clinician = As("demo-clinician.uzl");
        using var coordinator = As("demo-coordinator");
        var meeting = await coordinator.PostAsJsonAsync("api/v1/meetings", new
        {
            startsAt = DateTimeOffset.UtcNow.AddDays(Random.Shared.Next(300, 400)).AddMinutes(Random.Shared.Next(0, 1000)), durationMinutes = 90,
            title = "Board of the test",
        });
        Assert.Equal(HttpStatusCode.Created, meeting.StatusCode);
        var meetingId = (await meeting.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var items = new List<(int, string, int[])>();
        string[] questions = ["Brentuximab-based salvage or trial?", "Proton therapy après résection incomplète ?", "Haplo-identieke transplantatie of chemotherapie?"];
        foreach (var question in questions)
        {
            var created = await clinician.PostAsJsonAsync("api/v1/cases", new
            {
                ageYears = 9, ageMonths = 4, sex = "Female", diagnosisLabel = "Hodgkin lymphoma, relapse", diseaseStatus = "Relapse", morphology = "9650/3", topography = "C77.1",
                question, options = new[] { new { label = "Standard salvage", trial = (string?)null }, new { label = "Early-phase trial", trial = (string?)"NCT04567890" } },
                consentConfirmed = true,
            });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var body = await created.Content.ReadFromJsonAsync<JsonElement>();
            var caseId = body.GetProperty("id").GetInt32();
            await clinician.PostAsync($"api/v1/cases/{caseId}/submit", null);
            var item = await coordinator.PostAsJsonAsync($"api/v1/meetings/{meetingId}/items", new { caseId });
            var options = await _app.WithDbAsync(db => db.Set<TreatmentOption>().Where(o => EF.Property<int>(o, "CaseId") == caseId).OrderBy(o => o.Position).Select(o => o.Id).ToArrayAsync());
            items.Add(((await item.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32(), body.GetProperty("code").GetString()!, options));
        }
        if (language != BoardLanguage.English)
        {
            await _app.WithDbAsync(async db =>
            {
                await db.Database.ExecuteSqlRawAsync("UPDATE meetings SET \"Language\" = {0} WHERE \"Id\" = {1}", language.ToString(), meetingId);
                return 0;
            });
        }
        Assert.Equal(HttpStatusCode.OK, (await coordinator.PostAsync($"api/v1/meetings/{meetingId}/publish", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await coordinator.PostAsync($"api/v1/meetings/{meetingId}/start", null)).StatusCode);
        using var cusl = As("demo-clinician.cusl");
        foreach (var (itemId, _, options) in items.Take(2))
        {
            await coordinator.PutAsJsonAsync($"api/v1/meetings/{meetingId}/current", new { itemId });
            Assert.Equal(HttpStatusCode.NoContent, (await coordinator.PostAsync($"api/v1/meetings/{meetingId}/items/{itemId}/voting/open", null)).StatusCode);
            var firstVote = await clinician.PutAsJsonAsync($"api/v1/meetings/{meetingId}/items/{itemId}/vote", new { optionId = options[1] });
            Assert.True(firstVote.StatusCode == HttpStatusCode.OK, await firstVote.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.OK, (await cusl.PutAsJsonAsync($"api/v1/meetings/{meetingId}/items/{itemId}/vote", new { optionId = options[1] })).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await coordinator.PutAsJsonAsync($"api/v1/meetings/{meetingId}/items/{itemId}/vote", new { abstain = true })).StatusCode);
            await coordinator.PostAsync($"api/v1/meetings/{meetingId}/items/{itemId}/voting/close", null);
            var recorded = await coordinator.PostAsJsonAsync($"api/v1/meetings/{meetingId}/items/{itemId}/recommendation",
                new { optionId = options[1], rationale = "Résultats encourageants; ölçü and ß kept", consensus = "Majority", dissent = "One centre prefers standard salvage first." });
            Assert.Equal(HttpStatusCode.NoContent, recorded.StatusCode);
        }
        if (close)
            Assert.Equal(HttpStatusCode.NoContent, (await coordinator.PostAsync($"api/v1/meetings/{meetingId}/close", null)).StatusCode);
        return new HeldMeeting(meetingId, items.Take(2).ToList(), items[2].Item2);
    }

    // Each PDF a test reads is also written next to the tests, to be looked at (pdftoppm -png) while developing.
    private static PdfDocument Open(byte[] pdf, [System.Runtime.CompilerServices.CallerMemberName] string test = "")
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "pdfs");
        Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(folder, $"{test}-{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf))[..8]}.pdf"), pdf);
        return PdfDocument.Open(pdf);
    }

    [Fact]
    public async Task DemoData_HasAMeetingHeldLastWeek_WithTwoRecommendationsAndDraftMinutes_SeededOnce()
    {
        await using (var scope = _app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<TumourBoard.Web.Data.DemoSeeder>().SeedAsync();
        var held = await _app.WithDbAsync(db => db.Meetings.Where(m => m.Title == TumourBoard.Web.Data.DemoSeeder.HeldMeetingTitle).Select(m => new { m.Id, m.Status, m.StartsAtUtc }).ToListAsync());
        var meeting = Assert.Single(held);
        Assert.Equal(MeetingStatus.Closed, meeting.Status);
        Assert.True(meeting.StartsAtUtc < DateTime.UtcNow.AddDays(-6));
        Assert.Equal(DayOfWeek.Tuesday, BoardTime.ToLocal(meeting.StartsAtUtc).DayOfWeek);
        using var observer = As("demo-observer");

        var minutes = await (await observer.GetAsync($"api/v1/meetings/{meeting.Id}/minutes")).Content.ReadFromJsonAsync<JsonElement>();

        var record = minutes.GetProperty("record");
        Assert.Equal("Draft", record.GetProperty("status").GetString());
        var cases = record.GetProperty("cases").EnumerateArray().ToList();
        Assert.Equal(2, cases.Count);
        Assert.All(cases, c => Assert.True(c.GetProperty("recommendation").GetProperty("quorumMet").GetBoolean()));
        Assert.Equal(5, record.GetProperty("attendees").GetArrayLength());
        Assert.Contains("eligibility window", cases[0].GetProperty("summary").GetString());
    }

    [Fact]
    public async Task ClosedMeeting_HasDraftMinutes_WhosePdfHoldsEveryCaseTallyRecommendationAndAttendee_MarkedDraft()
    {
        var held = await HeldMeetingAsync();
        using var dataManager = As("demo-datamanager.uzl");

        var response = await dataManager.GetAsync($"api/v1/meetings/{held.MeetingId}/minutes.pdf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith("-draft.pdf", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        using var pdf = Open(await response.Content.ReadAsByteArrayAsync());
        var text = string.Join("\n", pdf.GetPages().Select(PdfReading.PageText));
        var compact = PdfReading.WithoutSpaces(text);
        foreach (var (_, code, _) in held.Discussed)
            Assert.Contains(code, compact);
        Assert.Contains(held.DeferredCode, compact);
        Assert.Contains(PdfReading.WithoutSpaces("Not reached at the meeting"), compact);
        Assert.Contains(PdfReading.WithoutSpaces("Votes cast: 3, of which abstentions: 1. Centres represented among the voters: 2."), compact);
        Assert.Contains(PdfReading.WithoutSpaces("Résultats encourageants; ölçü and ß kept"), compact);
        Assert.Contains("NCT04567890", compact);
        var attendees = await _app.WithDbAsync(db => db.Attendances.Where(a => a.MeetingId == held.MeetingId)
            .Join(db.Users, a => a.UserId, u => u.Id, (_, u) => u.DisplayName).Distinct().ToListAsync());
        Assert.Equal(3, attendees.Count);
        Assert.All(attendees, name => Assert.Contains(PdfReading.WithoutSpaces(name), compact));
        var pages = pdf.GetPages().ToList();
        Assert.All(pages, page =>
        {
            Assert.Contains("DRAFT", PdfReading.PageText(page));
            Assert.Contains(PdfReading.WithoutSpaces($"Page {page.Number} of {pages.Count}"), PdfReading.WithoutSpaces(PdfReading.PageText(page)));
            Assert.All(page.Letters, l => Assert.True(l.BoundingBox.Left >= 0 && l.BoundingBox.Right <= page.Width
                && l.BoundingBox.Bottom >= 0 && l.BoundingBox.Top <= page.Height, $"'{l.Value}' drawn outside page {page.Number}"));
        });
    }

    [Fact]
    public async Task EditFinaliseCorrect_KeepsEveryVersionReadable_AndVerifiesEachPdf()
    {
        var held = await HeldMeetingAsync();
        using var coordinator = As("demo-coordinator");
        var (itemId, code, _) = held.Discussed[0];
        var edit = await coordinator.PutAsJsonAsync($"api/v1/meetings/{held.MeetingId}/minutes/items/{itemId}", new
        {
            summary = "The board weighed response rates against the trial's eligibility window.",
            followUps = new[] { new { action = "Send the trial's screening form", owner = "UZ Leuven data manager", dueDate = "2027-01-15" } },
        });
        Assert.Equal(HttpStatusCode.NoContent, edit.StatusCode);

        var finalised = await coordinator.PostAsync($"api/v1/meetings/{held.MeetingId}/minutes/finalise", null);
        Assert.Equal(HttpStatusCode.OK, finalised.StatusCode);
        var first = await finalised.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, first.GetProperty("number").GetInt32());
        Assert.Equal(MeetingStatus.MinutesFinalised, await _app.WithDbAsync(db => db.Meetings.Where(m => m.Id == held.MeetingId).Select(m => m.Status).SingleAsync()));

        var frozen = await coordinator.PutAsJsonAsync($"api/v1/meetings/{held.MeetingId}/minutes/items/{itemId}", new { summary = "Changed afterwards" });
        Assert.Equal(HttpStatusCode.Conflict, frozen.StatusCode);
        Assert.Equal("Minutes.Finalised", await CodeOf(frozen));
        var v1 = await coordinator.GetByteArrayAsync($"api/v1/meetings/{held.MeetingId}/minutes.pdf");
        Assert.Equal(first.GetProperty("sha256").GetString(), Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(v1)));
        using (var pdf = Open(v1))
        {
            var text = PdfReading.WithoutSpaces(string.Concat(pdf.GetPages().Select(PdfReading.PageText)));
            Assert.Contains(PdfReading.WithoutSpaces("eligibility window"), text);
            Assert.Contains(PdfReading.WithoutSpaces("UZ Leuven data manager"), text);
            Assert.DoesNotContain("DRAFT", text);
        }

        Assert.Equal(HttpStatusCode.BadRequest, (await coordinator.PostAsJsonAsync($"api/v1/meetings/{held.MeetingId}/minutes/corrections", new { reason = " " })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await coordinator.PostAsJsonAsync($"api/v1/meetings/{held.MeetingId}/minutes/corrections", new { reason = "Follow-up owner corrected" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await coordinator.PutAsJsonAsync($"api/v1/meetings/{held.MeetingId}/minutes/items/{itemId}", new
        {
            summary = "The board weighed response rates against the trial's eligibility window.",
            followUps = new[] { new { action = "Send the trial's screening form", owner = "CUSL research nurse", dueDate = "2027-01-15" } },
        })).StatusCode);
        var second = await (await coordinator.PostAsync($"api/v1/meetings/{held.MeetingId}/minutes/finalise", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, second.GetProperty("number").GetInt32());

        var again = await coordinator.GetByteArrayAsync($"api/v1/meetings/{held.MeetingId}/minutes.pdf?version=1");
        Assert.Equal(v1, again);
        var latest = await coordinator.GetAsync($"api/v1/meetings/{held.MeetingId}/minutes.pdf");
        Assert.Equal("minutes-" + BoardTime.ToLocal(await _app.WithDbAsync(db => db.Meetings.Where(m => m.Id == held.MeetingId).Select(m => m.StartsAtUtc).SingleAsync())).ToString("yyyy-MM-dd") + ".pdf",
            latest.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var v2 = await latest.Content.ReadAsByteArrayAsync();
        using (var pdf = Open(v2))
            Assert.Contains(PdfReading.WithoutSpaces("This version corrects version 1: Follow-up owner corrected"), PdfReading.WithoutSpaces(string.Concat(pdf.GetPages().Select(PdfReading.PageText))));
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync($"api/v1/meetings/{held.MeetingId}/minutes.pdf?version=3")).StatusCode);

        using var clinician = As("demo-clinician.cusl");
        var verifiedOld = await Verify(clinician, v1);
        Assert.True(verifiedOld.GetProperty("isFinalisedVersion").GetBoolean());
        Assert.Equal(1, verifiedOld.GetProperty("versionNumber").GetInt32());
        Assert.False(verifiedOld.GetProperty("isLatestVersion").GetBoolean());
        Assert.True((await Verify(clinician, v2)).GetProperty("isLatestVersion").GetBoolean());
        var tampered = (byte[])v2.Clone();
        tampered[tampered.Length / 2] ^= 1;
        Assert.False((await Verify(clinician, tampered)).GetProperty("isFinalisedVersion").GetBoolean());
    }

    private static async Task<JsonElement> Verify(HttpClient client, byte[] pdf)
    {
        using var content = new ByteArrayContent(pdf);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        var response = await client.PostAsync("api/v1/minutes/verify", content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task FinalisedMinutes_RenderedAgainFromTheRecord_AreByteIdentical()
    {
        var held = await HeldMeetingAsync(BoardLanguage.French);
        using var coordinator = As("demo-coordinator");
        var first = await (await coordinator.PostAsync($"api/v1/meetings/{held.MeetingId}/minutes/finalise", null)).Content.ReadFromJsonAsync<JsonElement>();
        var stored = await coordinator.GetByteArrayAsync($"api/v1/meetings/{held.MeetingId}/minutes.pdf");

        // The same record rendered again with the version's date: the document is a function of the record.
        await using var scope = _app.Services.CreateAsyncScope();
        var view = await scope.ServiceProvider.GetRequiredService<MinutesService>().GetAsync(await _app.ActorAsync("coordinator@demo.tumourboard.be"), held.MeetingId);
        var sha = first.GetProperty("sha256").GetString();
        var finalisedAt = await _app.WithDbAsync(db => db.MinutesVersions.Where(v => v.Sha256 == sha).Select(v => v.FinalisedAtUtc).SingleAsync());
        var rendered = _app.Services.GetRequiredService<MinutesDocument>().Minutes(view.Record with { FinalisedBy = view.Versions[0].FinalisedBy }, finalisedAt);

        Assert.Equal(stored, rendered);
        using var pdf = Open(stored);
        var text = PdfReading.WithoutSpaces(string.Concat(pdf.GetPages().Select(PdfReading.PageText)));
        Assert.Contains(PdfReading.WithoutSpaces("Procès-verbal"), text);
        Assert.Contains(PdfReading.WithoutSpaces("Non abordé pendant la réunion"), text);
        Assert.Contains(PdfReading.WithoutSpaces("Proton therapy après résection incomplète ?"), text);
        Assert.StartsWith("Procès-verbal", pdf.Information.Title);
    }

    [Fact]
    public async Task Letter_ForARecommendedCase_IsOnePageWithTheRecommendation_InTheMeetingsLanguage()
    {
        var held = await HeldMeetingAsync(BoardLanguage.Dutch);
        using var clinician = As("demo-clinician.uzl");
        var (itemId, code, _) = held.Discussed[1];

        var response = await clinician.GetAsync($"api/v1/meetings/{held.MeetingId}/items/{itemId}/letter.pdf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"recommendation-{code}.pdf", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        using var pdf = Open(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(1, pdf.NumberOfPages);
        var text = PdfReading.WithoutSpaces(PdfReading.PageText(pdf.GetPage(1)));
        Assert.Contains(code, text);
        Assert.Contains(PdfReading.WithoutSpaces("Aanbeveling van het overleg"), text);
        Assert.Contains(PdfReading.WithoutSpaces("Early-phase trial"), text);
        Assert.Contains("NCT04567890", text);
        Assert.Contains(PdfReading.WithoutSpaces("Proton therapy après résection incomplète ?"), text);
        Assert.Contains(PdfReading.WithoutSpaces("Vraag aan het overleg"), text);
    }

    [Fact]
    public async Task Refusals_ChangeNothing()
    {
        var open = await HeldMeetingAsync(close: false);
        using var coordinator = As("demo-coordinator");
        using var observer = As("demo-observer");
        using var clinician = As("demo-clinician.uzl");

        var notClosed = await coordinator.GetAsync($"api/v1/meetings/{open.MeetingId}/minutes.pdf");
        Assert.Equal(HttpStatusCode.Conflict, notClosed.StatusCode);
        Assert.Equal("Minutes.MeetingNotClosed", await CodeOf(notClosed));
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync("api/v1/meetings/999999/minutes.pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await coordinator.PostAsync($"api/v1/meetings/{open.MeetingId}/close", null)).StatusCode);

        Assert.Equal(HttpStatusCode.Forbidden, (await observer.GetAsync($"api/v1/meetings/{open.MeetingId}/minutes.pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await observer.GetAsync($"api/v1/meetings/{open.MeetingId}/items/{open.Discussed[0].ItemId}/letter.pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await observer.GetAsync($"api/v1/meetings/{open.MeetingId}/minutes")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await clinician.PostAsync($"api/v1/meetings/{open.MeetingId}/minutes/finalise", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await clinician.PutAsJsonAsync($"api/v1/meetings/{open.MeetingId}/minutes/items/{open.Discussed[0].ItemId}", new { summary = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync($"api/v1/meetings/{open.MeetingId}/minutes.pdf?version=1")).StatusCode);

        var identifying = await coordinator.PutAsJsonAsync($"api/v1/meetings/{open.MeetingId}/minutes/items/{open.Discussed[0].ItemId}",
            new { summary = "Mother Mrs Janssens called about the date of birth 12/03/2015." });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, identifying.StatusCode);
        var noAction = await coordinator.PutAsJsonAsync($"api/v1/meetings/{open.MeetingId}/minutes/items/{open.Discussed[0].ItemId}",
            new { summary = "ok", followUps = new[] { new { action = " ", owner = "x" } } });
        Assert.Equal(HttpStatusCode.BadRequest, noAction.StatusCode);
        var notDiscussed = await coordinator.PutAsJsonAsync($"api/v1/meetings/{open.MeetingId}/minutes/items/999999", new { summary = "ok" });
        Assert.Equal(HttpStatusCode.Conflict, notDiscussed.StatusCode);
        var stored = await _app.WithDbAsync(db => db.Database.SqlQuery<string>($"SELECT \"Cases\"::text AS \"Value\" FROM minutes WHERE \"MeetingId\" = {open.MeetingId}").SingleAsync());
        Assert.DoesNotContain("Janssens", stored);
        Assert.DoesNotContain("\"ok\"", stored);

        using var empty = new ByteArrayContent([]);
        empty.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        Assert.Equal(HttpStatusCode.BadRequest, (await clinician.PostAsync("api/v1/minutes/verify", empty)).StatusCode);
        using var huge = new ByteArrayContent(new byte[MinutesService.MaxVerifiedFileBytes + 1]);
        huge.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        // Asking before sending, as a well-behaved client does with a large body: the server refuses without reading it.
        using var hugeRequest = new HttpRequestMessage(HttpMethod.Post, "api/v1/minutes/verify") { Content = huge };
        hugeRequest.Headers.ExpectContinue = true;
        var tooLarge = await clinician.SendAsync(hugeRequest);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
    }

    [Fact]
    public async Task MeetingsSecretary_EditsTheNarrative_ButDoesNotFinalise_AndTheVotesStayAsRecorded()
    {
        var held = await HeldMeetingAsync(close: false);
        var secretaryId = await _app.WithDbAsync(db => db.Users.Where(u => u.Email == "datamanager.uzl@demo.tumourboard.be").Select(u => u.Id).SingleAsync());
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<MeetingService>().AssignRolesAsync(
                await _app.ActorAsync("coordinator@demo.tumourboard.be"), held.MeetingId, null, secretaryId, null);
        }
        using var coordinator = As("demo-coordinator");
        Assert.Equal(HttpStatusCode.NoContent, (await coordinator.PostAsync($"api/v1/meetings/{held.MeetingId}/close", null)).StatusCode);
        using var secretary = As("demo-datamanager.uzl");
        var before = await (await secretary.GetAsync($"api/v1/meetings/{held.MeetingId}/minutes")).Content.ReadFromJsonAsync<JsonElement>();

        var edit = await secretary.PutAsJsonAsync($"api/v1/meetings/{held.MeetingId}/minutes/items/{held.Discussed[0].ItemId}", new
        {
            summary = "Written by the meeting's secretary.",
            followUps = new[] { new { action = "Book the MIBG scan", owner = "UZL nuclear medicine", dueDate = "2027-02-01" } },
        });

        Assert.Equal(HttpStatusCode.NoContent, edit.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await secretary.PostAsync($"api/v1/meetings/{held.MeetingId}/minutes/finalise", null)).StatusCode);
        var after = (await (await secretary.GetAsync($"api/v1/meetings/{held.MeetingId}/minutes")).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("record");
        var first = after.GetProperty("cases")[0];
        Assert.Equal("Written by the meeting's secretary.", first.GetProperty("summary").GetString());
        Assert.Equal("Draft", after.GetProperty("status").GetString());
        // The narrative is all that changed: options, tallies and recommendations are the room's.
        static string Recorded(JsonElement record) => string.Join("|", record.GetProperty("cases").EnumerateArray().Select(c =>
            $"{c.GetProperty("options")}{c.GetProperty("votesCast")}{c.GetProperty("abstentions")}{c.GetProperty("centresRepresented")}{c.GetProperty("recommendation")}"));
        Assert.Equal(Recorded(before.GetProperty("record")), Recorded(after));
    }

    [Fact]
    public async Task HostileNarrative_VeryLongSummaryUnbrokenWordRightToLeftAndEmoji_LaysOutWithoutLoss()
    {
        var held = await HeldMeetingAsync();
        using var coordinator = As("demo-coordinator");
        var longWord = new string('x', 300);
        var sentence = "The board reviewed the imaging and the molecular findings again in detail. ";
        var tail = longWord + " שלום עולם مرحبا 🧒🏽🎗️ fin.";
        var repeats = (20_000 - tail.Length) / sentence.Length;
        var summary = string.Concat(Enumerable.Repeat(sentence, repeats)) + tail;
        Assert.True(summary.Length <= 20_000);

        var edit = await coordinator.PutAsJsonAsync($"api/v1/meetings/{held.MeetingId}/minutes/items/{held.Discussed[0].ItemId}", new { summary });
        Assert.Equal(HttpStatusCode.NoContent, edit.StatusCode);
        var bytes = await coordinator.GetByteArrayAsync($"api/v1/meetings/{held.MeetingId}/minutes.pdf");

        using var pdf = Open(bytes);
        Assert.True(pdf.NumberOfPages >= 4);
        var body = PdfReading.BodyTextWithoutSpaces(pdf);
        Assert.Contains(longWord, body);
        Assert.Contains("fin.", body);
        Assert.Contains("🧒🏽🎗", body);
        Assert.Equal(repeats, CountOf(body, PdfReading.WithoutSpaces(sentence)));
        Assert.All(pdf.GetPages(), page => Assert.All(page.Letters, l => Assert.True(l.BoundingBox.Right <= page.Width && l.BoundingBox.Left >= 0)));
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
            count++;
        return count;
    }
}
