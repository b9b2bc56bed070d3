using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace TumourBoard.Web.Tests.Security;

/// <summary>
/// Hostile input at every API endpoint that takes a body, and at ids in paths: every answer is a 4xx with a
/// ProblemDetails body, never a 500, and nothing is stored.
/// </summary>
public sealed class HostileInputTests(AuthorisationMatrixTests.World world) : IClassFixture<AuthorisationMatrixTests.World>
{
    private static readonly (string Name, Func<HttpContent> Body)[] Bodies =
    [
        ("truncated JSON", () => Json("{\"ageYears\": 4, \"sex\": \"Fem")),
        ("malformed JSON", () => Json("{ageYears: 4,,}")),
        ("wrong types", () => Json("{\"ageYears\": \"four\", \"options\": 7, \"itemId\": \"x\", \"startsAt\": true, \"summary\": []}")),
        ("huge numbers", () => Json("{\"ageYears\": 99999999999999999999999, \"itemId\": 1e400, \"caseId\": 99999999999999999999, \"optionId\": 1e400, \"durationMinutes\": -2147483649, \"version\": 1e400}")),
        ("deeply nested JSON", () => Json(new string('[', 5000) + new string(']', 5000))),
        ("an array instead of an object", () => Json("[1, 2, 3]")),
        ("null", () => Json("null")),
        ("not JSON at all", () => new StringContent("<xml>hello</xml>", Encoding.UTF8, "application/xml")),
        ("10 MB", () => Json("{\"question\": \"" + new string('a', 10 * 1024 * 1024) + "\"}")),
    ];

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    public static TheoryData<string, string> BodyCases()
    {
        var data = new TheoryData<string, string>();
        // The endpoints that read a body (the ids in their paths do not matter to know that).
        var unprepared = new AuthorisationMatrixTests.World(null!);
        foreach (var row in AuthorisationMatrixTests.Api.Where(r => r.Request(unprepared).Content is not null))
            foreach (var (name, _) in Bodies)
                data.Add(row.Route, name);
        return data;
    }

    [Theory]
    [MemberData(nameof(BodyCases))]
    public async Task HostileBody_IsRefusedWithAProblem_AndStoresNothing(string route, string body)
    {
        var row = AuthorisationMatrixTests.Api.Single(r => r.Route == route);
        using var template = row.Request(world);
        // The caller allowed in, so that the body itself is what is judged.
        using var client = world.App.ApiClient(route.Contains("minutes") || route.Contains("trials", StringComparison.Ordinal) || route.Contains("meetings/", StringComparison.Ordinal) && !route.Contains("/vote")
            ? "demo-coordinator" : "demo-clinician.uzl");
        using var request = new HttpRequestMessage(template.Method, template.RequestUri) { Content = Bodies.Single(b => b.Name == body).Body() };
        // Asking before sending, as a client with a large body should: the server can refuse it unread.
        request.Headers.ExpectContinue = true;
        var before = await CountsAsync();

        var response = await client.SendAsync(request);

        var status = (int)response.StatusCode;
        Assert.True(status is >= 400 and < 500, $"{route} with {body}: {status}");
        if (status >= 400 && status != 413)
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await CountsAsync());
    }

    public static TheoryData<string, string> HostileCsvFiles() => new()
    {
        { "binary noise", "\u0000\u0001\u0002PK\u0003\u0004" },
        { "a quote never closed", "eu_ct_number;nct_number;title\r\n\"" + new string('x', 5000) },
        { "a formula and a huge cell", string.Join(';', TumourBoard.Web.Features.Trials.TrialCsv.Columns) + "\r\n;NCT07000099;=cmd|' /C calc'!A0;I;Open;1;0;17;11;VI;;;UZL;" + new string('a', 100_000) + "\r\n" },
        { "10 000 empty-looking rows", string.Join(';', TumourBoard.Web.Features.Trials.TrialCsv.Columns) + "\r\n" + string.Concat(Enumerable.Repeat(";;;\r\n", 10_000)) },
        { "3000 rows", string.Join(';', TumourBoard.Web.Features.Trials.TrialCsv.Columns) + "\r\n" + string.Concat(Enumerable.Range(0, 3000).Select(i => $";NCT{10_000_000 + i};T;I;Open;1;0;17;11;VI;;;UZL;O\r\n")) },
        { "3 MB", new string(';', 3 * 1024 * 1024) },
    };

    [Theory]
    [MemberData(nameof(HostileCsvFiles))]
    public async Task HostileCsvFile_IsRefusedWithAProblem_AndImportsNothing(string name, string text)
    {
        using var client = world.App.ApiClient("demo-coordinator");
        var before = await CountsAsync();

        var response = await client.PostAsync("api/v1/trials/import", new StringContent(text, Encoding.UTF8, "text/csv"));

        var status = (int)response.StatusCode;
        Assert.True(status is 400 or 413, $"{name}: {status}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await CountsAsync());
    }

    [Theory]
    [InlineData("api/v1/cases/..%2F..%2Fetc%2Fpasswd")]
    [InlineData("api/v1/cases/1%00")]
    [InlineData("api/v1/cases/-1")]
    [InlineData("api/v1/cases/99999999999999999999")]
    [InlineData("api/v1/meetings/1;DROP TABLE cases/minutes.pdf")]
    [InlineData("api/v1/meetings/%EF%BC%91/room")]
    [InlineData("api/v1/trials/1%27%20OR%201=1")]
    [InlineData("api/v1/cases/-1/trials")]
    [InlineData("api/v1/cases/1e400/follow-up")]
    [InlineData("api/v1/follow-ups/due?centre=UZL'%3B%20DROP%20TABLE%20follow_ups%3B--")]
    [InlineData("api/v1/follow-ups/due?centre=%00")]
    public async Task HostileId_InAPath_IsNotFoundOrBadRequest(string path)
    {
        using var client = world.App.ApiClient("demo-coordinator");

        var response = await client.GetAsync(path);

        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.NotFound, HttpStatusCode.BadRequest });
        Assert.True(await world.App.WithDbAsync(db => db.Cases.AnyAsync()));
    }

    [Theory]
    [InlineData("{\"implementation\": {\"outcome\": \"Cured\"}}")]
    [InlineData("{\"implementation\": {\"outcome\": 7}}")]
    [InlineData("{\"implementation\": {}}")]
    [InlineData("{\"responses\": [null]}")]
    [InlineData("{\"responses\": [{\"milestone\": \"Response3Months\", \"response\": \"StableDisease\", \"assessedOn\": \"2026-02-30\"}]}")]
    [InlineData("{\"responses\": [{\"milestone\": \"Implementation\", \"response\": \"Deceased\", \"assessedOn\": \"2020-01-01\"}]}")]
    [InlineData("{\"withdrawals\": [\"Implementation\", \"Implementation\"], \"correctionReason\": \"x\"}")]
    [InlineData("{\"withdrawals\": [\"Response24Months\"]}")]
    [InlineData("{\"correctionReason\": \"Only a reason\"}")]
    [InlineData("{\"implementation\": {\"outcome\": \"NotImplemented\", \"reason\": \"Other\", \"detail\": \"Rijksregisternummer ８５０７３０ ０３３ ２８\"}}")]
    public async Task HostileFollowUpReport_IsRefusedWithAProblem_AndStoresNothing(string body)
    {
        using var client = world.App.ApiClient("demo-clinician.uzl");
        var before = await CountsAsync();

        var response = await client.PutAsync($"api/v1/cases/{world.DiscussedCaseId}/follow-up", Json(body));

        Assert.True((int)response.StatusCode is 400 or 422, $"{body}: {(int)response.StatusCode}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await CountsAsync());
    }

    [Theory]
    [InlineData("question", "Relapse? \u202Egnp.exe\u202C right-to-left override")]
    [InlineData("question", "Relapse with z\u200Bero-width\u200D joiners")]
    [InlineData("question", "Homoglyph Ηodgkin (Greek Eta)")]
    [InlineData("question", "'; DROP TABLE cases; --")]
    [InlineData("question", "<script>alert('x')</script><img src=x onerror=alert(1)>")]
    public async Task TrickyButHarmlessText_IsStoredAsWritten(string field, string text)
    {
        using var client = world.App.ApiClient("demo-clinician.uzl");
        var created = await client.PostAsJsonAsync("api/v1/cases", new Dictionary<string, object?>
        {
            ["ageYears"] = 4, ["sex"] = "Female", ["diagnosisLabel"] = "Hodgkin lymphoma", ["diseaseStatus"] = "NewDiagnosis",
            [field] = text, ["options"] = new[] { new { label = "Standard" } }, ["consentConfirmed"] = true,
        });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        Assert.Equal(text.Normalize(NormalizationForm.FormC), await world.App.WithDbAsync(db => db.Cases.Where(c => c.Id == id).Select(c => c.Question).SingleAsync()));
        Assert.True(await world.App.WithDbAsync(db => db.Cases.AnyAsync()));
    }

    [Theory]
    [InlineData("1-23456-26-901", "check digits off by one")]
    [InlineData("123456259", "nine digits")]
    [InlineData("1-23456-25-9O1", "a letter O for a zero")]
    [InlineData("１２３４５６２５９０１", "full-width digits")]
    [InlineData("1-23456-25-901; DROP TABLE users", "SQL after a valid number")]
    [InlineData("<script>alert(1)</script>", "markup")]
    public async Task InvalidRizivNumber_IsRefusedWithAProblem_AndStoresNothing(string number, string _)
    {
        using var client = world.App.ApiClient("demo-clinician.uzl");
        var before = await CountsAsync();

        var response = await client.PutAsJsonAsync("api/v1/profile/riziv", new { rizivNumber = number });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Riziv.NumberInvalid", problem.GetProperty("code").GetString());
        Assert.DoesNotContain(number, problem.GetProperty("title").GetString());
        Assert.Equal(before, await CountsAsync());
    }

    [Theory]
    [InlineData("Rijksregisternummer ８５０７３０ ０３３ ２８")]
    [InlineData("NISS 85.07.30-033.28")]
    [InlineData("Mother called from 0475 12 34 56")]
    public async Task IdentifyingData_HiddenInFullWidthDigitsOrPlain_IsRefused(string text)
    {
        using var client = world.App.ApiClient("demo-clinician.uzl");
        var before = await CountsAsync();

        var response = await client.PostAsJsonAsync("api/v1/cases", new
        {
            ageYears = 4, sex = "Female", diagnosisLabel = "Hodgkin lymphoma", diseaseStatus = "NewDiagnosis", question = text,
            options = new[] { new { label = "Standard" } }, consentConfirmed = true,
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(before, await CountsAsync());
    }

    private Task<string> CountsAsync() => world.App.WithDbAsync(async db =>
        $"{await db.Cases.CountAsync()}/{await db.Meetings.CountAsync()}/{await db.AgendaItems.CountAsync()}/{await db.Votes.CountAsync()}/{await db.Trials.CountAsync()}/{await db.Trials.MaxAsync(t => t.UpdatedAtUtc)}/{await db.FollowUpEntries.CountAsync()}/{await db.Users.CountAsync(u => u.RizivNumber != null)}");
}
