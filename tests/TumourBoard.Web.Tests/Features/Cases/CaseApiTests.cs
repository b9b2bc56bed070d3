using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using TumourBoard.Web.Tests.Infrastructure;

namespace TumourBoard.Web.Tests.Features.Cases;

public sealed class CaseApiTests(DemoAppFixture fixture) : IClassFixture<DemoAppFixture>
{
    private readonly TumourBoardApp _app = fixture.App;

    private HttpClient ClientFor(string? token) => _app.ApiClient(token);

    private static object ValidCase(string history = "Relapse in the bone marrow in 09/2026 after induction.", string? localReference = "EPD 77-001") => new
    {
        ageYears = 9,
        ageMonths = 4,
        sex = "Male",
        diagnosisLabel = "B-cell precursor ALL, second relapse",
        morphology = "9811/3",
        topography = "C42.1",
        diagnosisMonth = 3,
        diagnosisYear = 2024,
        diseaseStatus = "Relapse",
        stage = "High risk",
        history,
        question = "Is CAR-T cell therapy within a trial preferable to a second transplant?",
        options = new object[]
        {
            new { label = "CAR-T within a trial", trial = "NCT03590171" },
            new { label = "Second allogeneic transplant", detail = "After blinatumomab bridging" },
        },
        urgency = "Urgent",
        consentConfirmed = true,
        localReference,
    };

    private async Task<int> CreateAsync(string token, object? body = null)
    {
        using var client = ClientFor(token);
        var response = await client.PostAsJsonAsync("api/v1/cases", body ?? ValidCase());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    [Fact]
    public async Task Api_WithoutToken_Answers401()
    {
        using var client = ClientFor(null);

        var response = await client.GetAsync("api/v1/centres");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Theory]
    [InlineData("demo-nobody")]
    [InlineData("tb_abcdefghijklmnopqrstuvwxyz")]
    public async Task Api_WithUnknownToken_Answers401(string token)
    {
        using var client = ClientFor(token);

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("api/v1/cases")).StatusCode);
    }

    [Fact]
    public async Task Api_WithLoginCookieInsteadOfToken_Answers401()
    {
        using var client = await _app.SignedInClientAsync("clinician.uzl@demo.tumourboard.be");

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("api/v1/cases")).StatusCode);
    }

    [Fact]
    public async Task Centres_WithDemoToken_ListsTheCentres()
    {
        using var client = ClientFor("demo-clinician.uzl");

        var centres = await client.GetFromJsonAsync<JsonElement>("api/v1/centres");

        Assert.Contains(centres.EnumerateArray(), c => c.GetProperty("code").GetString() == "HUDERF");
    }

    [Fact]
    public async Task CreateCase_Valid_Answers201WithCodeAndLocation()
    {
        using var client = ClientFor("demo-clinician.uzl");

        var response = await client.PostAsJsonAsync("api/v1/cases", ValidCase());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Matches(@"^BSPHO-\d{4}-\d{4}$", body.GetProperty("code").GetString());
        Assert.Equal("Draft", body.GetProperty("status").GetString());
        Assert.Equal($"/api/v1/cases/{body.GetProperty("id").GetInt32()}", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task CreateCase_WithIdentifyingData_Answers422WithEveryFindingAndStoresNothing()
    {
        using var client = ClientFor("demo-clinician.uzg");
        var before = await _app.WithDbAsync(db => db.Cases.CountAsync());
        var history = "Seen by Dr Peeters on 12/03/2015; mother Anna, phone 0475/12.34.56, NISS 85.07.30-033.28.";

        var response = await client.PostAsJsonAsync("api/v1/cases", ValidCase(history));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var findings = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("findings").EnumerateArray().ToList();
        var kinds = findings.Select(f => f.GetProperty("kind").GetString()).ToHashSet();
        Assert.Superset(new HashSet<string?> { "Date", "Name", "Phone", "NationalNumber" }, kinds);
        Assert.All(findings, f => Assert.Equal("history", f.GetProperty("field").GetString()));
        var date = findings.Single(f => f.GetProperty("kind").GetString() == "Date");
        Assert.Equal("12/03/2015", history.Substring(date.GetProperty("start").GetInt32(), date.GetProperty("length").GetInt32()));
        Assert.DoesNotContain("Peeters", history.Substring(date.GetProperty("start").GetInt32(), date.GetProperty("length").GetInt32()));
        Assert.Equal(before, await _app.WithDbAsync(db => db.Cases.CountAsync()));
    }

    [Theory]
    [InlineData("{\"ageYears\": 9, \"sex\": ")]
    [InlineData("not json at all")]
    [InlineData("{\"ageYears\": \"nine\", \"sex\": \"Male\"}")]
    [InlineData("{\"ageYears\": 99999999999999999999}")]
    [InlineData("{\"sex\": \"Robot\"}")]
    [InlineData("[]")]
    public async Task CreateCase_WithMalformedBody_Answers400ProblemAndStoresNothing(string json)
    {
        using var client = ClientFor("demo-datamanager.uza");
        var before = await _app.WithDbAsync(db => db.Cases.CountAsync());

        var response = await client.PostAsync("api/v1/cases", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await _app.WithDbAsync(db => db.Cases.CountAsync()));
    }

    [Fact]
    public async Task CreateCase_WithMissingFields_Answers400NamingEachField()
    {
        using var client = ClientFor("demo-datamanager.uza");

        var response = await client.PostAsJsonAsync("api/v1/cases", new { ageYears = 4, sex = "Female", diseaseStatus = "NewDiagnosis" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("diagnosisLabel", out _));
        Assert.True(errors.TryGetProperty("question", out _));
        Assert.True(errors.TryGetProperty("options", out _));
    }

    [Fact]
    public async Task CreateCase_WithANulCharacter_Answers400NamingTheField()
    {
        using var client = ClientFor("demo-datamanager.uza");

        var response = await client.PostAsJsonAsync("api/v1/cases", ValidCase(history: "abc\0def"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("history", out _));
    }

    [Theory]
    [InlineData("GET", "api/v1/nothing-here", HttpStatusCode.NotFound)]
    [InlineData("GET", "api/v1/cases/abc", HttpStatusCode.NotFound)]
    [InlineData("DELETE", "api/v1/cases/1", HttpStatusCode.MethodNotAllowed)]
    public async Task Api_UnknownRouteWithAValidToken_AnswersItsOwnStatus(string method, string path, HttpStatusCode expected)
    {
        using var client = ClientFor("demo-clinician.uzl");

        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(expected, response.StatusCode);
    }

    [Theory]
    [InlineData("submitted", HttpStatusCode.OK)]
    [InlineData("", HttpStatusCode.OK)]
    [InlineData("Bogus", HttpStatusCode.BadRequest)]
    public async Task ListCases_StatusFilter_IsReadWithoutRegardToCase(string status, HttpStatusCode expected)
    {
        using var client = ClientFor("demo-clinician.uzl");

        var response = await client.GetAsync($"api/v1/cases?status={status}");

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task CreateCase_WithOversizeBody_Answers413()
    {
        using var client = ClientFor("demo-datamanager.uza");
        var huge = new string('a', 2 * 1024 * 1024);

        var response = await client.PostAsync("api/v1/cases", new StringContent($"{{\"history\":\"{huge}\"}}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task CreateCase_ByAnObserver_Answers403()
    {
        using var client = ClientFor("demo-observer");

        var response = await client.PostAsJsonAsync("api/v1/cases", ValidCase());

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Draft_OfAnotherCentre_IsNotFoundAndNotListed()
    {
        var id = await CreateAsync("demo-clinician.uzb");
        using var other = ClientFor("demo-clinician.cusl");

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"api/v1/cases/{id}")).StatusCode);
        var listed = await other.GetFromJsonAsync<JsonElement>("api/v1/cases");
        Assert.DoesNotContain(listed.EnumerateArray(), c => c.GetProperty("id").GetInt32() == id);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync($"api/v1/cases/{id}/submit", null)).StatusCode);
    }

    [Fact]
    public async Task SubmittedCase_IsReadByEveryCentre_ButTheLocalReferenceOnlyByItsOwn()
    {
        var id = await CreateAsync("demo-clinician.uzb");
        using var own = ClientFor("demo-datamanager.uzb");
        var submitted = await own.PostAsync($"api/v1/cases/{id}/submit", null);
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        Assert.Equal("Submitted", (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());

        using var other = ClientFor("demo-clinician.suhopl");
        var seen = await other.GetFromJsonAsync<JsonElement>($"api/v1/cases/{id}");
        var ownView = await own.GetFromJsonAsync<JsonElement>($"api/v1/cases/{id}");

        Assert.Equal(JsonValueKind.Null, seen.GetProperty("localReference").ValueKind);
        Assert.Equal("EPD 77-001", ownView.GetProperty("localReference").GetString());
        Assert.Equal("Ia.1", seen.GetProperty("iccc3").GetProperty("subgroup").GetString());
        var listed = await other.GetFromJsonAsync<JsonElement>("api/v1/cases?status=Submitted");
        Assert.Contains(listed.EnumerateArray(), c => c.GetProperty("id").GetInt32() == id);
    }

    [Fact]
    public async Task Submit_WithoutConsent_Answers400AndStaysDraft()
    {
        using var client = ClientFor("demo-clinician.uzl");
        var body = JsonSerializer.SerializeToNode(ValidCase())!;
        body["consentConfirmed"] = false;
        var id = await CreateAsync("demo-clinician.uzl", body);

        var response = await client.PostAsync($"api/v1/cases/{id}/submit", null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Draft", (await client.GetFromJsonAsync<JsonElement>($"api/v1/cases/{id}")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Cases_ForAnAdmin_AreForbidden()
    {
        using var client = ClientFor("demo-admin");

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("api/v1/cases")).StatusCode);
    }

    [Fact]
    public async Task LocalReference_IsEncryptedAtRest()
    {
        var id = await CreateAsync("demo-clinician.uza");

        var stored = await _app.WithDbAsync(db => db.Cases.Where(c => c.Id == id).Select(c => c.ProtectedLocalReference).SingleAsync());

        Assert.NotNull(stored);
        Assert.DoesNotContain("EPD 77-001", stored);
    }

    [Fact]
    public async Task CaseActions_AreAudited_WithoutCaseText()
    {
        var id = await CreateAsync("demo-clinician.huderf");
        using var client = ClientFor("demo-clinician.huderf");
        await client.PostAsync($"api/v1/cases/{id}/submit", null);
        await client.GetAsync($"api/v1/cases/{id}");

        var entries = await _app.WithDbAsync(db => db.AuditEntries.Where(a => a.ObjectType == "case" && a.ObjectId == id.ToString()).ToListAsync());

        Assert.Equal(["case.create", "case.submit", "case.view"], entries.OrderBy(e => e.Id).Select(e => e.Action).ToArray());
        Assert.All(entries, e => Assert.DoesNotContain("CAR-T", e.Action + e.ObjectId + e.ObjectType));
    }

    [Fact]
    public async Task AuditTable_RefusesUpdateAndDelete()
    {
        await CreateAsync("demo-clinician.uzg");
        var connectionString = Microsoft.Extensions.Configuration.ConfigurationExtensions.GetConnectionString(_app.Services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>(), "TumourBoard");
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();

        var update = await Assert.ThrowsAsync<PostgresException>(async () =>
            await new NpgsqlCommand("UPDATE audit_entries SET \"Action\" = 'tampered'", connection).ExecuteNonQueryAsync());
        var delete = await Assert.ThrowsAsync<PostgresException>(async () =>
            await new NpgsqlCommand("DELETE FROM audit_entries", connection).ExecuteNonQueryAsync());

        Assert.Contains("append-only", update.MessageText);
        Assert.Contains("append-only", delete.MessageText);
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheCaseEndpoints()
    {
        using var client = ClientFor(null);

        var document = await client.GetStringAsync("openapi/v1.json");

        Assert.Contains("/api/v1/cases", document);
        Assert.Contains("/api/v1/cases/{id}/submit", document);
        Assert.Contains("bearer", document);
    }

    [Fact]
    public async Task Presenters_ForADataManager_AreTheCliniciansOfTheirCentre()
    {
        using var client = ClientFor("demo-datamanager.uzl");

        var presenters = await client.GetFromJsonAsync<JsonElement>("api/v1/presenters");

        Assert.Contains(presenters.EnumerateArray(), p => p.GetProperty("name").GetString() == "Clinician UZL");
        Assert.DoesNotContain(presenters.EnumerateArray(), p => p.GetProperty("name").GetString() == "Clinician UZG");
    }
}
