using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TumourBoard.Domain.Cases;
using TumourBoard.Domain.Trials;
using TumourBoard.Web.Data;
using TumourBoard.Web.Tests.Infrastructure;

namespace TumourBoard.Web.Tests.Features.Trials;

/// <summary>The trial catalogue through the API, on the demo data: reading, the coordinators' changes, CSV files, matches and referrals.</summary>
public sealed class TrialApiTests(DemoAppFixture fixture) : IClassFixture<DemoAppFixture>
{
    private readonly TumourBoardApp _app = fixture.App;

    private HttpClient As(string? token) => _app.ApiClient(token);

    private static string NewNct() => $"NCT{Random.Shared.Next(10_000_000, 99_999_999)}";

    private static string NewEuCt() => $"2025-5{Random.Shared.Next(10_000, 99_999)}-{Random.Shared.Next(10, 99)}-00";

    private static Dictionary<string, object?> Body(string? euCt, string? nct, string title = "Pan-RAF inhibitor in BRAF-altered low-grade glioma") => new()
    {
        ["euCtNumber"] = euCt,
        ["nctNumber"] = nct,
        ["title"] = title,
        ["phase"] = "I/II",
        ["status"] = "Open",
        ["minAgeYears"] = 0,
        ["minAgeMonths"] = 6,
        ["maxAgeYears"] = 21,
        ["maxAgeMonths"] = 11,
        ["iccc3Codes"] = new[] { "IIIb" },
        ["morphologyCodes"] = new[] { "9421/1" },
        ["markers"] = new[] { "BRAF V600E", "KIAA1549::BRAF" },
        ["sites"] = new[] { "UZL", "cusl" },
        ["contact"] = "+32 16 34 00 00, trials@uzleuven.example",
    };

    private Task<int> TrialCountAsync() => _app.WithDbAsync(db => db.Trials.CountAsync());

    private async Task<int> CreateAsync(Dictionary<string, object?> body)
    {
        using var coordinator = As("demo-coordinator");
        var response = await coordinator.PostAsJsonAsync("api/v1/trials", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    private static async Task<JsonElement> ProblemOf(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<string> ExportAsync()
    {
        using var observer = As("demo-observer");
        var response = await observer.GetAsync("api/v1/trials/export.csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        return Encoding.UTF8.GetString(bytes[3..]);
    }

    private async Task<HttpResponseMessage> ImportAsync(string text, string token = "demo-coordinator", Encoding? encoding = null)
    {
        using var client = As(token);
        var content = new ByteArrayContent((encoding ?? new UTF8Encoding(true)).GetPreamble().Concat((encoding ?? Encoding.UTF8).GetBytes(text)).ToArray());
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
        return await client.PostAsync("api/v1/trials/import", content);
    }

    private static string Header => string.Join(';', TumourBoard.Web.Features.Trials.TrialCsv.Columns);

    [Fact]
    public async Task List_AsObserver_ShowsTheDemoCatalogue_FilteredAndSearched()
    {
        using var observer = As("demo-observer");

        var all = await observer.GetFromJsonAsync<JsonElement>("api/v1/trials");
        var open = await observer.GetFromJsonAsync<JsonElement>("api/v1/trials?status=open");
        var alk = await observer.GetFromJsonAsync<JsonElement>("api/v1/trials?search=alk");
        var badStatus = await observer.GetAsync("api/v1/trials?status=recruiting");

        Assert.Contains(all.EnumerateArray(), t => t.GetProperty("nctNumber").GetString() == "NCT04567890" && t.GetProperty("phase").GetString() == "II");
        Assert.Contains(all.EnumerateArray(), t => t.GetProperty("status").GetString() == "Suspended");
        Assert.All(open.EnumerateArray(), t => Assert.Equal("Open", t.GetProperty("status").GetString()));
        var found = Assert.Single(alk.EnumerateArray());
        Assert.Equal("NCT05876543", found.GetProperty("nctNumber").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, badStatus.StatusCode);
    }

    [Fact]
    public async Task Create_AsCoordinator_StoresTheTrialNormalised_AndAuditsIt()
    {
        var nct = NewNct();

        var id = await CreateAsync(Body(null, nct.ToLowerInvariant()));

        using var clinician = As("demo-clinician.cusl");
        var trial = await clinician.GetFromJsonAsync<JsonElement>($"api/v1/trials/{id}");
        Assert.Equal(nct, trial.GetProperty("nctNumber").GetString());
        Assert.Equal("I/II", trial.GetProperty("phase").GetString());
        Assert.Equal(6, trial.GetProperty("minAgeMonths").GetInt32());
        Assert.Equal(["CUSL", "UZL"], trial.GetProperty("sites").EnumerateArray().Select(s => s.GetString()).Order());
        Assert.Equal("Astrocytomas", trial.GetProperty("diagnoses")[0].GetProperty("name").GetString());
        Assert.True(await _app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "trial.create" && a.ObjectId == id.ToString())));
    }

    [Theory]
    [InlineData("demo-clinician.uzl")]
    [InlineData("demo-datamanager.uzl")]
    [InlineData("demo-observer")]
    [InlineData("demo-admin")]
    public async Task Create_ByAnyoneButACoordinator_Is403_AndStoresNothing(string token)
    {
        var before = await TrialCountAsync();
        using var client = As(token);

        var response = await client.PostAsJsonAsync("api/v1/trials", Body(null, NewNct()));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(before, await TrialCountAsync());
    }

    [Fact]
    public async Task Create_WithAnInvalidNumberAndAgesUpsideDown_IsAProblemNamingEachField_AndStoresNothing()
    {
        var before = await TrialCountAsync();
        var body = Body("2023-50345-21-00", "NCT123", "Upside down");
        body["minAgeYears"] = 18;
        body["maxAgeYears"] = 2;
        body["sites"] = new[] { "UZL", "XYZ" };
        body["iccc3Codes"] = new[] { "XIII" };
        body["phase"] = "III";
        using var coordinator = As("demo-coordinator");

        var response = await coordinator.PostAsJsonAsync("api/v1/trials", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await ProblemOf(response)).GetProperty("errors");
        Assert.Equal("Trial.EuCtInvalid", errors.GetProperty("euCtNumber")[0].GetString());
        Assert.Equal("Trial.NctInvalid", errors.GetProperty("nctNumber")[0].GetString());
        Assert.Equal("Trial.AgeRangeUpsideDown", errors.GetProperty("maxAgeYears")[0].GetString());
        Assert.Equal("Trial.SiteInvalid", errors.GetProperty("sites")[0].GetString());
        Assert.Equal("Trial.Iccc3Invalid", errors.GetProperty("iccc3Codes")[0].GetString());
        Assert.Equal("Case.ChoiceInvalid", errors.GetProperty("phase")[0].GetString());
        Assert.Equal(before, await TrialCountAsync());
    }

    [Fact]
    public async Task Create_WithANumberTheCatalogueHas_IsRefusedAsTaken()
    {
        using var coordinator = As("demo-coordinator");

        var response = await coordinator.PostAsJsonAsync("api/v1/trials", Body(NewEuCt(), "NCT04567890"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Trial.IdentifierTaken", (await ProblemOf(response)).GetProperty("errors").GetProperty("nctNumber")[0].GetString());
    }

    [Fact]
    public async Task Update_OverSomeoneElsesChange_Is409_AndKeepsTheirs()
    {
        var nct = NewNct();
        var id = await CreateAsync(Body(null, nct));
        using var coordinator = As("demo-coordinator");
        var read = await coordinator.GetFromJsonAsync<JsonElement>($"api/v1/trials/{id}");
        var version = read.GetProperty("version").GetUInt32();
        var first = Body(null, nct, "Renamed by the first coordinator");
        first["version"] = version;
        var second = Body(null, nct, "Renamed by the second coordinator");
        second["version"] = version;

        var saved = await coordinator.PutAsJsonAsync($"api/v1/trials/{id}", first);
        var stale = await coordinator.PutAsJsonAsync($"api/v1/trials/{id}", second);

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("Renamed by the first coordinator", await _app.WithDbAsync(db => db.Trials.Where(t => t.Id == id).Select(t => t.Title).SingleAsync()));
    }

    [Fact]
    public async Task Get_AnUnknownTrial_Is404()
    {
        using var observer = As("demo-observer");

        var response = await observer.GetAsync("api/v1/trials/999999");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Import_WithBrokenRows_ImportsNothing_AndListsEveryLineAndReason()
    {
        var before = await TrialCountAsync();
        var good = NewNct();
        var csv = new StringBuilder()
            .Append(Header).Append("\r\n")
            .Append($";{good};A valid trial;I;Open;1;0;17;11;IVa;;ALK;UZL;\"Trial office\r\nUZ Leuven\"\r\n")
            .Append($";NCT123;Bad number;II;Open;1;0;17;11;VI;;;UZL;Trial office\r\n")
            .Append($"{NewEuCt()};;Ages upside down;I/II;Open;18;0;2;0;VI;;;UZG;Trial office\r\n")
            .Append($";{NewNct()};Unknown centre and phase;IV;Open;1;0;17;11;VI;;;UZL, NOPE;Trial office\r\n")
            .Append($";{NewNct()};Too few cells;I;Open\r\n")
            .Append($";{good};Same number again;I;Open;1;0;17;11;VI;;;UZL;Trial office\r\n")
            .ToString();

        var response = await ImportAsync(csv);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ProblemOf(response);
        Assert.Equal("Trials.ImportInvalid", problem.GetProperty("code").GetString());
        var errors = problem.GetProperty("errors").EnumerateArray()
            .Select(e => $"{e.GetProperty("line").GetInt32()} {e.GetProperty("column").GetString()} {e.GetProperty("code").GetString()}").ToList();
        Assert.Equal(
        [
            "4 nct_number Trial.NctInvalid",
            "5 max_age_years Trial.AgeRangeUpsideDown",
            "6 phase Case.ChoiceInvalid",
            "6 sites Trial.SiteInvalid",
            "7  Trials.Csv.FieldCount",
            "8 nct_number Trials.Csv.DuplicateInFile",
        ], errors);
        Assert.All(problem.GetProperty("errors").EnumerateArray(), e => Assert.False(string.IsNullOrWhiteSpace(e.GetProperty("message").GetString())));
        Assert.Equal(before, await TrialCountAsync());
        Assert.False(await _app.WithDbAsync(db => db.Trials.AnyAsync(t => t.NctNumber == good)));
    }

    [Fact]
    public async Task Import_WithAWrongHeaderOrAnOpenQuote_SaysWhere()
    {
        var header = await ImportAsync("title;phase\r\nA trial;I\r\n");
        var quote = await ImportAsync($"{Header}\r\n;{NewNct()};\"Never closed;I;Open;1;0;17;11;VI;;;UZL;Office\r\n");
        var empty = await ImportAsync($"{Header}\r\n");

        Assert.Equal(("1", "Trials.Csv.HeaderInvalid"), await FirstProblemAsync(header));
        Assert.Equal(("2", "Trials.Csv.QuoteUnclosed"), await FirstProblemAsync(quote));
        Assert.Equal(("2", "Trials.Csv.NoRows"), await FirstProblemAsync(empty));

        static async Task<(string, string)> FirstProblemAsync(HttpResponseMessage response)
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var first = (await ProblemOf(response)).GetProperty("errors")[0];
            return (first.GetProperty("line").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture), first.GetProperty("code").GetString()!);
        }
    }

    [Fact]
    public async Task Import_ByAClinician_Is403()
    {
        var response = await ImportAsync($"{Header}\r\n;{NewNct()};A trial;I;Open;1;0;17;11;VI;;;UZL;Office\r\n", "demo-clinician.uzl");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Export_IsASemicolonFileThatSpreadsheetsOpen_WithFormulasNeutralised()
    {
        var nct = NewNct();
        await CreateAsync(Body(null, nct, "=HYPERLINK(\"http://example.org\";\"click\")"));

        var text = await ExportAsync();

        var lines = text.Split("\r\n");
        Assert.Equal(Header, lines[0]);
        var row = Assert.Single(lines, l => l.Contains(nct, StringComparison.Ordinal));
        Assert.Contains("\"'=HYPERLINK(\"\"http://example.org\"\";\"\"click\"\")\"", row, StringComparison.Ordinal);
        Assert.Contains(";'+32 16 34 00 00, trials@uzleuven.example", row.Replace("\"", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains(";I/II;Open;0;6;21;11;IIIb;9421/1;\"BRAF V600E, KIAA1549::BRAF\";\"CUSL, UZL\";", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportThenImport_RoundTrips_AndUpdatesByNumber_AddsNewOnes_LeavesOthersAlone()
    {
        var nct = NewNct();
        var id = await CreateAsync(Body(null, nct, "-1 dose level: a title that starts like a formula"));
        var export = await ExportAsync();
        var before = await _app.WithDbAsync(db => db.Trials.AsNoTracking().OrderBy(t => t.Id).ToListAsync());

        var same = await ImportAsync(export);

        Assert.Equal(HttpStatusCode.OK, same.StatusCode);
        var unchanged = await same.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0, unchanged.GetProperty("added").GetInt32());
        Assert.Equal(0, unchanged.GetProperty("updated").GetInt32());
        Assert.Equal(before.Count, unchanged.GetProperty("unchanged").GetInt32());
        var after = await _app.WithDbAsync(db => db.Trials.AsNoTracking().OrderBy(t => t.Id).ToListAsync());
        Assert.Equal(before.Select(t => t.Snapshot()), after.Select(t => t.Snapshot()), (a, b) => ClinicalTrial.SameContent(a, b));

        // Only the row of our trial, retitled and with an EU CT number added, and one new trial, written with commas.
        var ourRow = export.Split("\r\n").Single(l => l.Contains(nct, StringComparison.Ordinal));
        var euCt = NewEuCt();
        var newNct = NewNct();
        var changed = $"{Header}\r\n{euCt}{ourRow.Replace("\"'-1 dose level: a title that starts like a formula\"", "Retitled", StringComparison.Ordinal).Replace("'-1 dose level: a title that starts like a formula", "Retitled", StringComparison.Ordinal)}\r\n"
            + $";{newNct};Added by the file;II;Suspended;2;0;12;0;VIII;9180/3;;UZA;Office\r\n";

        var partial = await ImportAsync(changed);

        Assert.Equal(HttpStatusCode.OK, partial.StatusCode);
        var result = await partial.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((1, 1, 0), (result.GetProperty("added").GetInt32(), result.GetProperty("updated").GetInt32(), result.GetProperty("unchanged").GetInt32()));
        var ours = await _app.WithDbAsync(db => db.Trials.AsNoTracking().SingleAsync(t => t.Id == id));
        Assert.Equal(("Retitled", euCt), (ours.Title, ours.EuCtNumber));
        Assert.Equal(TrialStatus.Suspended, await _app.WithDbAsync(db => db.Trials.Where(t => t.NctNumber == newNct).Select(t => t.Status).SingleAsync()));
        Assert.Equal(before.Count + 1, await TrialCountAsync());
        Assert.True(await _app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "trial.import")));
    }

    [Fact]
    public async Task Import_ACommaSeparatedWindows1252File_IsRead()
    {
        var nct = NewNct();
        var csv = string.Join(',', TumourBoard.Web.Features.Trials.TrialCsv.Columns) + "\r\n"
            + $",{nct},Essai de phase précoce: néphroblastome,I,Open,1,0,17,11,\"VI, VIa.1\",,,\"CUSL, HUDERF\",Bureau des essais\r\n";
        var windows1252 = CodePages(1252);

        var response = await ImportAsync(csv, encoding: windows1252);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var trial = await _app.WithDbAsync(db => db.Trials.AsNoTracking().SingleAsync(t => t.NctNumber == nct));
        Assert.Equal("Essai de phase précoce: néphroblastome", trial.Title);
        Assert.Equal(["VI", "VIa.1"], trial.Iccc3Codes);
        Assert.Equal(2, trial.SiteCentreIds.Length);

        static Encoding CodePages(int codePage)
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding(codePage);
        }
    }

    [Fact]
    public async Task StatusChange_ByTheCoordinator_TakesTheTrialOutOfTheMatches()
    {
        var nct = NewNct();
        var body = Body(null, nct);
        body["iccc3Codes"] = new[] { "IVa" };
        body["markers"] = Array.Empty<string>();
        var id = await CreateAsync(body);
        var caseId = await NeuroblastomaCaseAsync(["ALK"]);
        using var coordinator = As("demo-coordinator");
        using var observer = As("demo-observer");

        var openMatches = await observer.GetFromJsonAsync<JsonElement>($"api/v1/cases/{caseId}/trials");
        var refused = await observer.PutAsJsonAsync($"api/v1/trials/{id}/status", new { status = "Closed" });
        var closed = await coordinator.PutAsJsonAsync($"api/v1/trials/{id}/status", new { status = "Closed" });
        var closedMatches = await observer.GetFromJsonAsync<JsonElement>($"api/v1/cases/{caseId}/trials");

        Assert.Contains(openMatches.EnumerateArray(), m => m.GetProperty("trialId").GetInt32() == id);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, closed.StatusCode);
        Assert.DoesNotContain(closedMatches.EnumerateArray(), m => m.GetProperty("trialId").GetInt32() == id);
        Assert.True(await _app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "trial.status" && a.ObjectId == id.ToString())));
    }

    [Fact]
    public async Task Matches_OfANeuroblastomaWithAlk_NameTheAlkTrial_WithWhyItMatches()
    {
        var caseId = await NeuroblastomaCaseAsync(["alk"]);
        using var observer = As("demo-observer");

        var matches = await observer.GetFromJsonAsync<JsonElement>($"api/v1/cases/{caseId}/trials");

        var alk = Assert.Single(matches.EnumerateArray(), m => m.GetProperty("nctNumber").GetString() == "NCT05876543");
        var reasons = alk.GetProperty("reasons");
        Assert.Equal(4, reasons.GetProperty("age").GetProperty("caseAgeYears").GetInt32());
        Assert.Equal(17, reasons.GetProperty("age").GetProperty("maxAgeYears").GetInt32());
        Assert.Equal("Iccc3", reasons.GetProperty("diagnosis").GetProperty("kind").GetString());
        Assert.Equal("IVa", reasons.GetProperty("diagnosis").GetProperty("code").GetString());
        Assert.Equal(["ALK"], reasons.GetProperty("matchedMarkers").EnumerateArray().Select(m => m.GetString()));
        // The NTRK basket trial takes neuroblastoma too, but this case carries markers and not NTRK.
        Assert.DoesNotContain(matches.EnumerateArray(), m => m.GetProperty("euCtNumber").GetString() == "2023-504411-29-00");
    }

    [Fact]
    public async Task Matches_OfAnotherCentresDraft_Are404_AndForAnAdmin403()
    {
        var draft = await NeuroblastomaCaseAsync([], submit: false);
        using var other = As("demo-clinician.cusl");
        using var admin = As("demo-admin");

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"api/v1/cases/{draft}/trials")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync($"api/v1/cases/{draft}/trials")).StatusCode);
    }

    [Fact]
    public async Task Referral_ToACatalogueTrial_IsLinked_AndOneOutsideTheCatalogueKeepsItsNumber()
    {
        var linked = await RecommendTrialAsync("NCT05876543");
        var outside = await RecommendTrialAsync("NCT09999998");

        var (linkedId, linkedText) = await ReferralOfAsync(linked.ItemId);
        var (outsideId, outsideText) = await ReferralOfAsync(outside.ItemId);
        var catalogueId = await _app.WithDbAsync(db => db.Trials.Where(t => t.NctNumber == "NCT05876543").Select(t => t.Id).SingleAsync());
        Assert.Equal((catalogueId, "NCT05876543"), (linkedId, linkedText));
        Assert.Equal((null, "NCT09999998"), (outsideId, outsideText));

        using var observer = As("demo-observer");
        var minutes = await observer.GetFromJsonAsync<JsonElement>($"api/v1/meetings/{linked.MeetingId}/minutes");
        Assert.Contains("NCT05876543 — ALK inhibitor with chemotherapy", minutes.GetRawText(), StringComparison.Ordinal);
        var other = await observer.GetFromJsonAsync<JsonElement>($"api/v1/meetings/{outside.MeetingId}/minutes");
        Assert.Contains("\"NCT09999998\"", other.GetRawText(), StringComparison.Ordinal);

        Task<(int?, string?)> ReferralOfAsync(int itemId) => _app.WithDbAsync(db => db.AgendaItems.Where(i => i.Id == itemId)
            .Select(i => new ValueTuple<int?, string?>(i.Recommendation!.TrialId, i.Recommendation.TrialReferral)).SingleAsync());
    }

    [Fact]
    public async Task Referral_NamedByTheChair_OverridesTheOption_AndAnInvalidNumberRecordsNothing()
    {
        var refused = await RecommendTrialAsync("NCT09999997", namedTrial: "NCT-not-a-number");
        var named = await RecommendTrialAsync("NCT09999997", namedTrial: "2024-512345-18-00");

        Assert.Equal(HttpStatusCode.BadRequest, refused.Recorded.StatusCode);
        Assert.Equal("Trial.IdentifierInvalid", (await ProblemOf(refused.Recorded)).GetProperty("errors").GetProperty("trial")[0].GetString());
        Assert.False(await _app.WithDbAsync(db => db.AgendaItems.AnyAsync(i => i.Id == refused.ItemId && i.Recommendation != null)));
        var rhabdomyosarcomaTrial = await _app.WithDbAsync(db => db.Trials.Where(t => t.EuCtNumber == "2024-512345-18-00").Select(t => t.Id).SingleAsync());
        Assert.Equal((rhabdomyosarcomaTrial, "2024-512345-18-00"), await _app.WithDbAsync(db => db.AgendaItems.Where(i => i.Id == named.ItemId)
            .Select(i => new ValueTuple<int?, string?>(i.Recommendation!.TrialId, i.Recommendation.TrialReferral)).SingleAsync()));
    }

    [Fact]
    public async Task DemoData_HeldMeetingsReferral_IsLinkedToItsCatalogueTrial()
    {
        var linked = await _app.WithDbAsync(db => db.AgendaItems
            .Where(i => i.Recommendation != null && i.Recommendation.TrialReferral == "NCT04567890"
                && db.Meetings.Any(m => m.Id == i.MeetingId && m.Title == DemoSeeder.HeldMeetingTitle))
            .Select(i => i.Recommendation!.TrialId).SingleAsync());

        Assert.Equal(await _app.WithDbAsync(db => db.Trials.Where(t => t.NctNumber == "NCT04567890").Select(t => (int?)t.Id).SingleAsync()), linked);
    }

    /// <summary>A 4 y 2 m old's adrenal neuroblastoma (ICCC-3 IVa) of UZL, submitted unless told otherwise.</summary>
    private async Task<int> NeuroblastomaCaseAsync(string[] markers, bool submit = true, string? trial = null)
    {
        using var clinician = As("demo-clinician.uzl");
        var created = await clinician.PostAsJsonAsync("api/v1/cases", new
        {
            ageYears = 4, ageMonths = 2, sex = "Female", diagnosisLabel = "Neuroblastoma, relapse", morphology = "9500/3", topography = "C74.9",
            diseaseStatus = "Relapse", markerTags = markers, question = "Second-line treatment?",
            options = new object[] { new { label = "Enrol in the trial", trial }, new { label = "Standard relapse chemotherapy" } }, consentConfirmed = true,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        if (submit)
            Assert.Equal(HttpStatusCode.OK, (await clinician.PostAsync($"api/v1/cases/{id}/submit", null)).StatusCode);
        return id;
    }

    /// <summary>A meeting discusses one case and the chair records the option that names <paramref name="trial"/>.</summary>
    private async Task<(int MeetingId, int ItemId)> RecommendTrialAsync(string trial)
    {
        var (meetingId, itemId, recorded) = await RecommendTrialAsync(trial, namedTrial: null);
        Assert.Equal(HttpStatusCode.NoContent, recorded.StatusCode);
        using var coordinator = As("demo-coordinator");
        Assert.Equal(HttpStatusCode.NoContent, (await coordinator.PostAsync($"api/v1/meetings/{meetingId}/close", null)).StatusCode);
        return (meetingId, itemId);
    }

    /// <summary>The same, with the chair naming <paramref name="namedTrial"/> as the referral; the meeting stays open.</summary>
    private async Task<(int MeetingId, int ItemId, HttpResponseMessage Recorded)> RecommendTrialAsync(string trial, string? namedTrial)
    {
        var caseId = await NeuroblastomaCaseAsync(["ALK"], trial: trial);
        using var coordinator = As("demo-coordinator");
        var meeting = await coordinator.PostAsJsonAsync("api/v1/meetings", new { startsAt = DateTimeOffset.UtcNow.AddDays(Random.Shared.Next(300, 400)).AddMinutes(Random.Shared.Next(0, 1000)), durationMinutes = 60 });
        var meetingId = (await meeting.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var item = await coordinator.PostAsJsonAsync($"api/v1/meetings/{meetingId}/items", new { caseId });
        var itemId = (await item.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        await coordinator.PostAsync($"api/v1/meetings/{meetingId}/publish", null);
        await coordinator.PostAsync($"api/v1/meetings/{meetingId}/start", null);
        await coordinator.PostAsync($"api/v1/meetings/{meetingId}/items/{itemId}/voting/open", null);
        await coordinator.PostAsync($"api/v1/meetings/{meetingId}/items/{itemId}/voting/close", null);
        var optionId = await _app.WithDbAsync(db => db.Set<TreatmentOption>().Where(o => EF.Property<int>(o, "CaseId") == caseId && o.Position == 1).Select(o => o.Id).SingleAsync());
        var recorded = await coordinator.PostAsJsonAsync($"api/v1/meetings/{meetingId}/items/{itemId}/recommendation",
            new { optionId, rationale = "Eligible for the trial's relapse cohort", consensus = "Unanimous", trial = namedTrial });
        return (meetingId, itemId, recorded);
    }
}
