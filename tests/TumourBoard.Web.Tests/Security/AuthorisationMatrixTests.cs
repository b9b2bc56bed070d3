using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TumourBoard.Domain.Cases;
using TumourBoard.Web.Tests.Infrastructure;

namespace TumourBoard.Web.Tests.Security;

/// <summary>
/// Who may do what, asked of the running application: every API endpoint, download and page, for every role, with
/// one's own centre and another's. Each row states the expected answer per caller; a route the application serves
/// without a row here fails <see cref="EveryRoute_HasARowInTheMatrix"/>.
/// </summary>
public sealed class AuthorisationMatrixTests(AuthorisationMatrixTests.World world) : IClassFixture<AuthorisationMatrixTests.World>
{
    /// <summary>The callers, in the order they are tried: refusals first, so that an allowed change cannot hide one.</summary>
    public static readonly string[] Callers = ["anon", "obs", "adm", "oth", "cli", "dm", "coo"];

    // The demo observer belongs to UZL, like the drafts below: it reads its own centre's drafts and writes none.
    private static readonly Dictionary<string, (string Email, string Token)> Accounts = new()
    {
        ["obs"] = ("observer@demo.tumourboard.be", "demo-observer"),
        ["adm"] = ("admin@demo.tumourboard.be", "demo-admin"),
        ["oth"] = ("clinician.cusl@demo.tumourboard.be", "demo-clinician.cusl"),
        ["cli"] = ("clinician.uzl@demo.tumourboard.be", "demo-clinician.uzl"),
        ["dm"] = ("datamanager.uzl@demo.tumourboard.be", "demo-datamanager.uzl"),
        ["coo"] = ("coordinator@demo.tumourboard.be", "demo-coordinator"),
    };

    /// <summary>
    /// Expected answers: ok (2xx), pass (allowed in: 2xx, or 400/409/422 for the state or the body), 401, 403, 404;
    /// for pages: page (200), login (sent to sign in), denied (sent to the access-denied page).
    /// </summary>
    public sealed record Row(string Route, Func<World, HttpRequestMessage> Request, string Expected)
    {
        public override string ToString() => Route;
    }

    private static HttpRequestMessage Get(string path) => new(HttpMethod.Get, path);

    private static HttpRequestMessage Send(HttpMethod method, string path, object? body = null) =>
        new(method, path) { Content = body is null ? null : JsonContent.Create(body) };

    private static readonly object CaseBody = new
    {
        ageYears = 4, sex = "Female", diagnosisLabel = "Neuroblastoma", diseaseStatus = "NewDiagnosis", question = "Induction?",
        options = new[] { new { label = "Standard induction" } }, consentConfirmed = true,
    };

    private static readonly object TrialBody = new
    {
        nctNumber = "NCT07000001", title = "Matrix trial", phase = "I", minAgeYears = 1, maxAgeYears = 17, iccc3Codes = new[] { "VI" }, sites = new[] { "UZL" }, contact = "Trial office",
    };

    private static readonly object DemoTrialBody = new
    {
        euCtNumber = "2023-500812-37-00", nctNumber = "NCT04567890", title = "Maintenance with a multi-kinase inhibitor after complete resection of relapsed osteosarcoma",
        phase = "II", minAgeYears = 6, maxAgeYears = 29, maxAgeMonths = 11, iccc3Codes = new[] { "VIIIa" }, morphologyCodes = new[] { "9180/3" },
        sites = new[] { "UZL", "UZG", "CUSL", "HUDERF" }, contact = "Demo data, fictional trial: trials@demo.tumourboard.be",
    };

    private static HttpRequestMessage Csv(string path, string text) =>
        new(HttpMethod.Post, path) { Content = new StringContent(text, Encoding.UTF8, "text/csv") };

    public static readonly Row[] Api =
    [
        new("GET /api/v1/centres", _ => Get("api/v1/centres"), "anon=401 obs=ok adm=ok oth=ok cli=ok dm=ok coo=ok"),
        new("GET /api/v1/presenters", _ => Get("api/v1/presenters"), "anon=401 obs=ok adm=ok oth=ok cli=ok dm=ok coo=ok"),
        new("GET /api/v1/cases/", _ => Get("api/v1/cases"), "anon=401 obs=ok adm=403 oth=ok cli=ok dm=ok coo=ok"),
        new("GET /api/v1/cases/{id:int}", w => Get($"api/v1/cases/{w.DraftId}"), "anon=401 obs=ok adm=404 oth=404 cli=ok dm=ok coo=404"),
        new("GET /api/v1/cases/{id:int} submitted", w => Get($"api/v1/cases/{w.SubmittedId}"), "anon=401 obs=ok adm=403 oth=ok cli=ok dm=ok coo=ok"),
        new("POST /api/v1/cases/", _ => Send(HttpMethod.Post, "api/v1/cases", CaseBody), "anon=401 obs=403 adm=403 oth=ok cli=ok dm=ok coo=403"),
        new("PUT /api/v1/cases/{id:int}", w => Send(HttpMethod.Put, $"api/v1/cases/{w.DraftId}", CaseBody), "anon=401 obs=403 adm=404 oth=404 cli=ok dm=ok coo=404"),
        new("POST /api/v1/cases/{id:int}/submit", w => Send(HttpMethod.Post, $"api/v1/cases/{w.SecondDraftId}/submit"), "anon=401 obs=403 adm=404 oth=404 cli=pass dm=pass coo=403"),
        new("GET /api/v1/meetings/", _ => Get("api/v1/meetings"), "anon=401 obs=ok adm=403 oth=ok cli=ok dm=ok coo=ok"),
        new("GET /api/v1/meetings/{id:int}", w => Get($"api/v1/meetings/{w.PlannedId}"), "anon=401 obs=ok adm=403 oth=ok cli=ok dm=ok coo=ok"),
        new("POST /api/v1/meetings/", _ => Send(HttpMethod.Post, "api/v1/meetings", new { startsAt = DateTimeOffset.UtcNow.AddDays(500), durationMinutes = 60 }), "anon=401 obs=403 adm=403 oth=403 cli=403 dm=403 coo=ok"),
        new("POST /api/v1/meetings/{id:int}/items", w => Send(HttpMethod.Post, $"api/v1/meetings/{w.PlannedId}/items", new { caseId = w.SubmittedId }), "anon=401 obs=403 adm=403 oth=403 cli=403 dm=pass coo=pass"),
        new("PUT /api/v1/meetings/{id:int}/items/order", w => Send(HttpMethod.Put, $"api/v1/meetings/{w.PlannedId}/items/order", Array.Empty<int>()), "anon=401 obs=403 adm=403 oth=403 cli=403 dm=pass coo=pass"),
        new("DELETE /api/v1/meetings/{id:int}/items/{itemId:int}", w => Send(HttpMethod.Delete, $"api/v1/meetings/{w.PlannedId}/items/999999"), "anon=401 obs=403 adm=403 oth=403 cli=403 dm=404 coo=404"),
        new("POST /api/v1/meetings/{id:int}/publish", w => Send(HttpMethod.Post, $"api/v1/meetings/{w.PlannedId}/publish"), "anon=401 obs=403 adm=403 oth=403 cli=403 dm=403 coo=pass"),
        new("POST /api/v1/meetings/{id:int}/join", w => Send(HttpMethod.Post, $"api/v1/meetings/{w.ClosedId}/join"), "anon=401 obs=ok adm=403 oth=ok cli=ok dm=ok coo=ok"),
        new("GET /api/v1/meetings/{id:int}/room", w => Get($"api/v1/meetings/{w.ClosedId}/room"), "anon=401 obs=ok adm=403 oth=ok cli=ok dm=ok coo=ok"),
        new("POST /api/v1/meetings/{id:int}/start", w => Send(HttpMethod.Post, $"api/v1/meetings/{w.ClosedId}/start"), "anon=401 obs=403 adm=403 oth=403 cli=403 dm=403 coo=pass"),
        new("PUT /api/v1/meetings/{id:int}/current", w => Send(HttpMethod.Put, $"api/v1/meetings/{w.ClosedId}/current", new { itemId = w.DiscussedItemId }), "anon=401 obs=403 adm=403 oth=403 cli=403 dm=403 coo=pass"),
        new("POST /api/v1/meetings/{id:int}/items/{itemId:int}/options", w => Send(HttpMethod.Post, $"api/v1/meetings/{w.ClosedId}/items/{w.DiscussedItemId}/options", new { label = "Another" }), "anon=401 obs=403 adm=403 oth=403 cli=403 dm=403 coo=pass"),
        new("POST /api/v1/meetings/{id:int}/items/{itemId:int}/voting/open", w => Send(HttpMethod.Post, $"api/v1/meetings/{w.ClosedId}/items/{w.DiscussedItemId}/voting/open"), "anon=401 obs=403 adm=403 oth=403 cli=403 dm=403 coo=pass"),
        new("POST /api/v1/meetings/{id:int}/items/{itemId:int}/voting/close", w => Send(HttpMethod.Post, $"api/v1/meetings/{w.ClosedId}/items/{w.DiscussedItemId}/voting/close"), "anon=401 obs=403 adm=403 oth=403 cli=403 dm=403 coo=pass"),
        new("PUT /api/v1/meetings/{id:int}/items/{itemId:int}/vote", w => Send(HttpMethod.Put, $"api/v1/meetings/{w.ClosedId}/items/{w.DiscussedItemId}/vote", new { abstain = true }), "anon=401 obs=pass adm=403 oth=pass cli=pass dm=pass coo=pass"),
        new("GET /api/v1/meetings/{id:int}/items/{itemId:int}/tally", w => Get($"api/v1/meetings/{w.ClosedId}/items/{w.DiscussedItemId}/tally"), "anon=401 obs=ok adm=403 oth=ok cli=ok dm=ok coo=ok"),
        new("POST /api/v1/meetings/{id:int}/items/{itemId:int}/recommendation", w => Send(HttpMethod.Post, $"api/v1/meetings/{w.ClosedId}/items/{w.DiscussedItemId}/recommendation", new { text = "x", rationale = "y", consensus = "Majority" }), "anon=401 obs=403 adm=403 oth=403 cli=403 dm=403 coo=pass"),
        new("POST /api/v1/meetings/{id:int}/close", w => Send(HttpMethod.Post, $"api/v1/meetings/{w.ClosedId}/close"), "anon=401 obs=403 adm=403 oth=403 cli=403 dm=403 coo=pass"),
        new("GET /api/v1/meetings/{id:int}/minutes", w => Get($"api/v1/meetings/{w.ClosedId}/minutes"), "anon=401 obs=ok adm=403 oth=ok cli=ok dm=ok coo=ok"),
        new("PUT /api/v1/meetings/{id:int}/minutes/items/{itemId:int}", w => Send(HttpMethod.Put, $"api/v1/meetings/{w.ClosedId}/minutes/items/{w.DiscussedItemId}", new { summary = "Discussed." }), "anon=401 obs=403 adm=403 oth=403 cli=403 dm=403 coo=ok"),
        new("GET /api/v1/exports/registry.csv", _ => Get("api/v1/exports/registry.csv?centre=UZL"), "anon=401 obs=403 adm=403 oth=403 cli=ok dm=ok coo=ok"),
        new("GET /api/v1/figures", _ => Get("api/v1/figures"), "anon=401 obs=403 adm=403 oth=403 cli=403 dm=403 coo=ok"),
        new("GET /api/v1/figures/{figure}.csv", _ => Get("api/v1/figures/cases-per-centre.csv"), "anon=401 obs=403 adm=403 oth=403 cli=403 dm=403 coo=ok"),
        new("GET /api/v1/meetings/{id:int}/minutes.pdf", w => Get($"api/v1/meetings/{w.ClosedId}/minutes.pdf"), "anon=401 obs=403 adm=403 oth=ok cli=ok dm=ok coo=ok"),
        new("GET /api/v1/meetings/{id:int}/items/{itemId:int}/letter.pdf", w => Get($"api/v1/meetings/{w.ClosedId}/items/{w.DiscussedItemId}/letter.pdf"), "anon=401 obs=403 adm=403 oth=ok cli=ok dm=ok coo=ok"),
        new("POST /api/v1/meetings/{id:int}/minutes/finalise", w => Send(HttpMethod.Post, $"api/v1/meetings/{w.ClosedId}/minutes/finalise"), "anon=401 obs=403 adm=403 oth=403 cli=403 dm=403 coo=ok"),
        new("POST /api/v1/meetings/{id:int}/minutes/corrections", w => Send(HttpMethod.Post, $"api/v1/meetings/{w.ClosedId}/minutes/corrections", new { reason = "Typo" }), "anon=401 obs=403 adm=403 oth=403 cli=403 dm=403 coo=ok"),
        new("GET /api/v1/trials/", _ => Get("api/v1/trials"), "anon=401 obs=ok adm=403 oth=ok cli=ok dm=ok coo=ok"),
        new("GET /api/v1/trials/{id:int}", w => Get($"api/v1/trials/{w.TrialId}"), "anon=401 obs=ok adm=403 oth=ok cli=ok dm=ok coo=ok"),
        new("POST /api/v1/trials/", _ => Send(HttpMethod.Post, "api/v1/trials", TrialBody), "anon=401 obs=403 adm=403 oth=403 cli=403 dm=403 coo=ok"),
        new("PUT /api/v1/trials/{id:int}", w => Send(HttpMethod.Put, $"api/v1/trials/{w.TrialId}", DemoTrialBody), "anon=401 obs=403 adm=403 oth=403 cli=403 dm=403 coo=ok"),
        new("PUT /api/v1/trials/{id:int}/status", w => Send(HttpMethod.Put, $"api/v1/trials/{w.TrialId}/status", new { status = "Open" }), "anon=401 obs=403 adm=403 oth=403 cli=403 dm=403 coo=ok"),
        new("GET /api/v1/trials/export.csv", _ => Get("api/v1/trials/export.csv"), "anon=401 obs=ok adm=403 oth=ok cli=ok dm=ok coo=ok"),
        new("POST /api/v1/trials/import", _ => Csv("api/v1/trials/import", "nct_number;eu_ct_number;title;phase;status;min_age_years;min_age_months;max_age_years;max_age_months;iccc3;morphology;markers;sites;contact\r\nNCT07000002;;Imported by the matrix;II;Open;1;0;17;11;VI;;;UZL;Trial office\r\n"),
            "anon=401 obs=403 adm=403 oth=403 cli=403 dm=403 coo=ok"),
        new("GET /api/v1/cases/{id:int}/trials", w => Get($"api/v1/cases/{w.SubmittedId}/trials"), "anon=401 obs=ok adm=403 oth=ok cli=ok dm=ok coo=ok"),
        new("GET /api/v1/cases/{id:int}/follow-up", w => Get($"api/v1/cases/{w.DiscussedCaseId}/follow-up"), "anon=401 obs=ok adm=403 oth=ok cli=ok dm=ok coo=ok"),
        new("PUT /api/v1/cases/{id:int}/follow-up", w => Send(HttpMethod.Put, $"api/v1/cases/{w.DiscussedCaseId}/follow-up", new { implementation = new { outcome = "Implemented" } }), "anon=401 obs=403 adm=403 oth=403 cli=ok dm=ok coo=403"),
        new("GET /api/v1/follow-ups/due", _ => Get("api/v1/follow-ups/due"), "anon=401 obs=ok adm=403 oth=ok cli=ok dm=ok coo=ok"),
        new("GET /api/v1/meetings/{id:int}/follow-ups", w => Get($"api/v1/meetings/{w.ClosedId}/follow-ups"), "anon=401 obs=ok adm=403 oth=ok cli=ok dm=ok coo=ok"),
        new("GET /api/v1/meetings/{id:int}/fhir", w => Get($"api/v1/meetings/{w.ClosedId}/fhir"), "anon=401 obs=403 adm=403 oth=ok cli=ok dm=ok coo=ok"),
        new("GET /api/v1/profile/", _ => Get("api/v1/profile"), "anon=401 obs=ok adm=ok oth=ok cli=ok dm=ok coo=ok"),
        new("PUT /api/v1/profile/riziv", _ => Send(HttpMethod.Put, "api/v1/profile/riziv", new { rizivNumber = "1-23456-25-901" }), "anon=401 obs=pass adm=pass oth=pass cli=pass dm=pass coo=pass"),
        new("DELETE /api/v1/profile/riziv", _ => Send(HttpMethod.Delete, "api/v1/profile/riziv"), "anon=401 obs=ok adm=ok oth=ok cli=ok dm=ok coo=ok"),
        new("POST /api/v1/minutes/verify", _ => new HttpRequestMessage(HttpMethod.Post, "api/v1/minutes/verify") { Content = new ByteArrayContent(Encoding.ASCII.GetBytes("%PDF-1.4 not really")) }, "anon=401 obs=ok adm=403 oth=ok cli=ok dm=ok coo=ok"),
    ];

    public static readonly Row[] Browser =
    [
        new("GET /", _ => Get(""), "anon=login obs=page adm=page oth=page cli=page dm=page coo=page"),
        new("GET /cases", _ => Get("cases"), "anon=login obs=page adm=denied oth=page cli=page dm=page coo=page"),
        new("GET /cases/new", _ => Get("cases/new"), "anon=login obs=denied adm=denied oth=page cli=page dm=page coo=denied"),
        new("GET /cases/{Id:int}", w => Get($"cases/{w.SubmittedId}"), "anon=login obs=page adm=denied oth=page cli=page dm=page coo=page"),
        new("GET /cases/{Id:int}/edit", w => Get($"cases/{w.DraftId}/edit"), "anon=login obs=denied adm=denied oth=page cli=page dm=page coo=denied"),
        new("GET /meetings", _ => Get("meetings"), "anon=login obs=page adm=denied oth=page cli=page dm=page coo=page"),
        new("GET /meetings/new", _ => Get("meetings/new"), "anon=login obs=denied adm=denied oth=denied cli=denied dm=denied coo=page"),
        new("GET /meetings/schedule", _ => Get("meetings/schedule"), "anon=login obs=denied adm=denied oth=denied cli=denied dm=denied coo=page"),
        new("GET /meetings/moc-rules", _ => Get("meetings/moc-rules"), "anon=login obs=denied adm=denied oth=denied cli=denied dm=denied coo=page"),
        new("GET /meetings/{Id:int}", w => Get($"meetings/{w.PlannedId}"), "anon=login obs=page adm=denied oth=page cli=page dm=page coo=page"),
        new("GET /meetings/{Id:int}/room", w => Get($"meetings/{w.ClosedId}/room"), "anon=login obs=page adm=denied oth=page cli=page dm=page coo=page"),
        new("GET /meetings/{Id:int}/minutes", w => Get($"meetings/{w.ClosedId}/minutes"), "anon=login obs=page adm=denied oth=page cli=page dm=page coo=page"),
        new("GET /minutes/verify", _ => Get("minutes/verify"), "anon=login obs=page adm=denied oth=page cli=page dm=page coo=page"),
        new("GET /tokens", _ => Get("tokens"), "anon=login obs=page adm=page oth=page cli=page dm=page coo=page"),
        new("GET /sessions", _ => Get("sessions"), "anon=login obs=page adm=page oth=page cli=page dm=page coo=page"),
        new("GET /admin/centres", _ => Get("admin/centres"), "anon=login obs=denied adm=page oth=denied cli=denied dm=denied coo=denied"),
        new("GET /admin/users", _ => Get("admin/users"), "anon=login obs=denied adm=page oth=denied cli=denied dm=denied coo=denied"),
        new("GET /admin/audit", _ => Get("admin/audit"), "anon=login obs=denied adm=page oth=denied cli=denied dm=denied coo=denied"),
        new("GET /admin/audit.csv", _ => Get("admin/audit.csv"), "anon=login obs=403 adm=ok oth=403 cli=403 dm=403 coo=403"),
        new("GET /exports", _ => Get("exports"), "anon=login obs=denied adm=denied oth=page cli=page dm=page coo=page"),
        new("GET /exports/registry.csv", _ => Get("exports/registry.csv?centre=UZL"), "anon=login obs=403 adm=403 oth=403 cli=ok dm=ok coo=ok"),
        new("GET /figures", _ => Get("figures"), "anon=login obs=denied adm=denied oth=denied cli=denied dm=denied coo=page"),
        new("GET /figures/{figure}.csv", _ => Get("figures/attendance.csv"), "anon=login obs=403 adm=403 oth=403 cli=403 dm=403 coo=ok"),
        new("GET /meetings/{id:int}/calendar.ics", w => Get($"meetings/{w.PlannedId}/calendar.ics"), "anon=login obs=ok adm=403 oth=ok cli=ok dm=ok coo=ok"),
        new("GET /meetings/{id:int}/minutes.pdf", w => Get($"meetings/{w.ClosedId}/minutes.pdf"), "anon=login obs=403 adm=403 oth=ok cli=ok dm=ok coo=ok"),
        new("GET /meetings/{id:int}/items/{itemId:int}/letter.pdf", w => Get($"meetings/{w.ClosedId}/items/{w.DiscussedItemId}/letter.pdf"), "anon=login obs=403 adm=403 oth=ok cli=ok dm=ok coo=ok"),
        new("GET /trials", _ => Get("trials"), "anon=login obs=page adm=denied oth=page cli=page dm=page coo=page"),
        new("GET /trials/new", _ => Get("trials/new"), "anon=login obs=denied adm=denied oth=denied cli=denied dm=denied coo=page"),
        new("GET /trials/{Id:int}", w => Get($"trials/{w.TrialId}"), "anon=login obs=page adm=denied oth=page cli=page dm=page coo=page"),
        new("GET /trials/{Id:int}/edit", w => Get($"trials/{w.TrialId}/edit"), "anon=login obs=denied adm=denied oth=denied cli=denied dm=denied coo=page"),
        new("GET /trials/export.csv", _ => Get("trials/export.csv"), "anon=login obs=ok adm=403 oth=ok cli=ok dm=ok coo=ok"),
        new("GET /meetings/{id:int}/fhir.json", w => Get($"meetings/{w.ClosedId}/fhir.json"), "anon=login obs=403 adm=403 oth=ok cli=ok dm=ok coo=ok"),
        new("GET /Account/Manage", _ => Get("Account/Manage"), "anon=login obs=page adm=page oth=page cli=page dm=page coo=page"),
        new("GET /Account/Manage/ChangePassword", _ => Get("Account/Manage/ChangePassword"), "anon=login obs=page adm=page oth=page cli=page dm=page coo=page"),
        new("GET /Account/Manage/TwoFactor", _ => Get("Account/Manage/TwoFactor"), "anon=login obs=page adm=page oth=page cli=page dm=page coo=page"),
    ];

    /// <summary>Routes open to everyone, or not a door to data: sign-in and error pages, health, static files, the live connection.</summary>
    private static readonly string[] Public =
    [
        "GET,POST /Account/AccessDenied", "GET,POST /Account/ForgotPassword", "GET,POST /Account/ForgotPasswordConfirmation", "GET,POST /Account/Lockout",
        "GET,POST /Account/Login", "GET,POST /Account/LoginWith2fa", "GET,POST /Account/LoginWithRecoveryCode", "GET,POST /Account/ResetPassword",
        "GET,POST /Account/ResetPasswordConfirmation", "POST /Account/Logout", "GET,POST /Error", "GET,POST /not-found", "GET /Preferences/Culture",
        "GET /calendar/{token}.ics", "* /health/live", "* /health/ready", "GET,HEAD /{**path:file}",
        "* /_blazor", "* /_blazor/disconnect/", "* /_blazor/initializers/", "* /_blazor/negotiate", "* /hubs/meeting", "* /hubs/meeting/negotiate",
    ];

    public static TheoryData<Row, string> ApiCases() => Cases(Api);

    public static TheoryData<Row, string> BrowserCases() => Cases(Browser);

    private static TheoryData<Row, string> Cases(Row[] rows)
    {
        var data = new TheoryData<Row, string>();
        foreach (var row in rows)
            foreach (var caller in Callers)
                data.Add(row, caller);
        return data;
    }

    [Theory]
    [MemberData(nameof(ApiCases))]
    public async Task Api_AnswersEachCallerAsTheMatrixSays(Row row, string caller)
    {
        using var client = world.App.ApiClient(caller == "anon" ? null : Accounts[caller].Token);
        using var request = row.Request(world);

        var response = await client.SendAsync(request);

        AssertOutcome(row, caller, response);
    }

    [Theory]
    [MemberData(nameof(BrowserCases))]
    public async Task Browser_AnswersEachCallerAsTheMatrixSays(Row row, string caller)
    {
        var client = await world.BrowserAsync(caller == "anon" ? null : Accounts[caller].Email);
        using var request = row.Request(world);

        var response = await client.SendAsync(request);

        AssertOutcome(row, caller, response);
    }

    /// <summary>The hub's methods: ok (answered), pass (refused for the state, not the caller), denied (refused for the caller), 401.</summary>
    public static readonly (string Method, Func<World, HubConnection, Task> Call, string Expected)[] Hub =
    [
        ("JoinMeeting", (w, hub) => hub.InvokeAsync<JsonElement>("JoinMeeting", w.ClosedId), "anon=401 obs=ok adm=denied oth=ok cli=ok dm=ok coo=ok"),
        ("GetTally", (w, hub) => hub.InvokeAsync<JsonElement>("GetTally", w.ClosedId, w.DiscussedItemId), "anon=401 obs=ok adm=denied oth=ok cli=ok dm=ok coo=ok"),
        ("CastVote", (w, hub) => hub.InvokeAsync<JsonElement>("CastVote", w.ClosedId, w.DiscussedItemId, (int?)null), "anon=401 obs=denied adm=denied oth=pass cli=pass dm=denied coo=pass"),
        ("LeaveMeeting", (w, hub) => hub.InvokeAsync("LeaveMeeting", w.ClosedId), "anon=401 obs=ok adm=ok oth=ok cli=ok dm=ok coo=ok"),
    ];

    public static TheoryData<string, string> HubCases()
    {
        var data = new TheoryData<string, string>();
        foreach (var (method, _, _) in Hub)
            foreach (var caller in Callers)
                data.Add(method, caller);
        return data;
    }

    [Theory]
    [MemberData(nameof(HubCases))]
    public async Task Hub_AnswersEachCallerAsTheMatrixSays(string method, string caller)
    {
        var (_, call, expectations) = Hub.Single(h => h.Method == method);
        var expected = expectations.Split(' ').Select(p => p.Split('=')).Single(p => p[0] == caller)[1];
        await using var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(world.App.BaseAddress, "hubs/meeting"), o =>
            {
                o.AccessTokenProvider = () => Task.FromResult(caller == "anon" ? null : (string?)Accounts[caller].Token);
                o.Transports = Microsoft.AspNetCore.Http.Connections.HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
            })
            .Build();

        string actual;
        try
        {
            await hub.StartAsync();
            await call(world, hub);
            actual = "ok";
        }
        catch (System.Net.WebSockets.WebSocketException e) when (e.Message.Contains("'401'", StringComparison.Ordinal))
        {
            actual = "401";
        }
        catch (Microsoft.AspNetCore.SignalR.HubException e)
        {
            actual = e.Message.Contains("Access.Denied", StringComparison.Ordinal) || e.Message.Contains("Voting.NotAVoter", StringComparison.Ordinal) ? "denied" : "pass";
        }

        Assert.True(expected == actual, $"{method} as {caller}: expected {expected}, got {actual}");
    }

    [Fact]
    public void EveryHubMethod_HasARowInTheMatrix()
    {
        var methods = typeof(TumourBoard.Web.Features.LiveBoard.MeetingHub).GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName && m.Name != nameof(Microsoft.AspNetCore.SignalR.Hub.OnDisconnectedAsync)).Select(m => m.Name);

        Assert.Equal(methods.Order(), Hub.Select(h => h.Method).Order());
    }

    [Fact]
    public void EveryRoute_HasARowInTheMatrix()
    {
        var served = world.App.Services.GetRequiredService<IEnumerable<EndpointDataSource>>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Select(e => $"{string.Join(",", e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"])} /{e.RoutePattern.RawText?.TrimStart('/')}")
            .Where(route => !route.Contains("/_content/", StringComparison.Ordinal) && !route.Contains("/_framework/", StringComparison.Ordinal)
                && !route.StartsWith("GET /openapi", StringComparison.Ordinal) && !IsStaticAsset(route))
            .Distinct();
        var known = Api.Concat(Browser).Select(r => r.Route.Split(' ')[1]).ToHashSet();

        var missing = served.Where(route => !Public.Contains(route) && !known.Contains(route.Split(' ')[1])).ToList();

        Assert.True(missing.Count == 0, "Routes without a row in the authorisation matrix:\n" + string.Join("\n", missing));
    }

    private static bool IsStaticAsset(string route) =>
        route.StartsWith("GET,HEAD /", StringComparison.Ordinal) && route != "GET,HEAD /{**path:file}";

    private static void AssertOutcome(Row row, string caller, HttpResponseMessage response)
    {
        var expected = row.Expected.Split(' ').Select(p => p.Split('=')).Single(p => p[0] == caller)[1];
        var status = (int)response.StatusCode;
        var location = response.Headers.Location?.OriginalString ?? "";
        var actual = status switch
        {
            >= 200 and < 300 when expected is "page" => "page",
            >= 200 and < 300 => expected == "pass" ? "pass" : "ok",
            400 or 409 or 422 when expected == "pass" => "pass",
            302 when location.Contains("Account/Login", StringComparison.OrdinalIgnoreCase) => "login",
            302 when location.Contains("Account/AccessDenied", StringComparison.OrdinalIgnoreCase) => "denied",
            _ => status.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        Assert.True(expected == actual, $"{row.Route} as {caller}: expected {expected}, got {actual} ({status} {location})");
    }

    /// <summary>One application with its cases and meetings: a draft of UZL, a submitted case, a planned meeting, a closed one with minutes and a discussed case.</summary>
    public sealed class World(PostgresCluster cluster) : IAsyncLifetime
    {
        public TumourBoardApp App { get; private set; } = default!;

        public int DraftId { get; private set; }

        public int SecondDraftId { get; private set; }

        public int SubmittedId { get; private set; }

        public int PlannedId { get; private set; }

        public int ClosedId { get; private set; }

        public int DiscussedItemId { get; private set; }

        /// <summary>A trial of the demo catalogue.</summary>
        public int TrialId { get; private set; }
        /// <summary>The UZL case the closed meeting discussed, whose follow-up UZL reports.</summary>
        public int DiscussedCaseId { get; private set; }

        public async ValueTask InitializeAsync()
        {
            App = await TumourBoardApp.StartAsync(cluster);
            TrialId = await App.WithDbAsync(db => db.Trials.Where(t => t.NctNumber == "NCT04567890").Select(t => t.Id).SingleAsync());
            using var clinician = App.ApiClient("demo-clinician.uzl");
            using var coordinator = App.ApiClient("demo-coordinator");
            async Task<int> CreateAsync() => (await (await clinician.PostAsJsonAsync("api/v1/cases", CaseBody)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
            async Task<int> IdOf(HttpResponseMessage r) => (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
            DraftId = await CreateAsync();
            SecondDraftId = await CreateAsync();
            SubmittedId = await CreateAsync();
            await clinician.PostAsync($"api/v1/cases/{SubmittedId}/submit", null);
            var discussedCase = DiscussedCaseId = await CreateAsync();
            await clinician.PostAsync($"api/v1/cases/{discussedCase}/submit", null);

            PlannedId = await IdOf(await coordinator.PostAsJsonAsync("api/v1/meetings", new { startsAt = DateTimeOffset.UtcNow.AddDays(400), durationMinutes = 60 }));
            ClosedId = await IdOf(await coordinator.PostAsJsonAsync("api/v1/meetings", new { startsAt = DateTimeOffset.UtcNow.AddDays(401), durationMinutes = 60 }));
            DiscussedItemId = await IdOf(await coordinator.PostAsJsonAsync($"api/v1/meetings/{ClosedId}/items", new { caseId = discussedCase }));
            await coordinator.PostAsync($"api/v1/meetings/{ClosedId}/publish", null);
            await coordinator.PostAsync($"api/v1/meetings/{ClosedId}/start", null);
            await coordinator.PostAsync($"api/v1/meetings/{ClosedId}/items/{DiscussedItemId}/voting/open", null);
            await clinician.PutAsJsonAsync($"api/v1/meetings/{ClosedId}/items/{DiscussedItemId}/vote", new { abstain = true });
            await coordinator.PostAsync($"api/v1/meetings/{ClosedId}/items/{DiscussedItemId}/voting/close", null);
            var recorded = await coordinator.PostAsJsonAsync($"api/v1/meetings/{ClosedId}/items/{DiscussedItemId}/recommendation", new { text = "Standard induction", rationale = "Protocol", consensus = "Unanimous" });
            var closed = await coordinator.PostAsync($"api/v1/meetings/{ClosedId}/close", null);
            if (recorded.StatusCode != HttpStatusCode.NoContent || closed.StatusCode != HttpStatusCode.NoContent
                || await App.WithDbAsync(db => db.Cases.Where(c => c.Id == discussedCase).Select(c => c.Status).SingleAsync()) != CaseStatus.Discussed)
                throw new InvalidOperationException("The matrix's closed meeting could not be prepared.");
        }

        private readonly Dictionary<string, HttpClient> _browsers = [];

        /// <summary>One signed-in browser per caller for the whole matrix: sign-ins are rate limited per address, as they should be.</summary>
        public async Task<HttpClient> BrowserAsync(string? email)
        {
            var key = email ?? "";
            if (!_browsers.TryGetValue(key, out var client))
                _browsers[key] = client = email is null ? App.CreateBrowserlikeClient() : await App.SignedInClientAsync(email);
            return client;
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var client in _browsers.Values)
                client.Dispose();
            await App.DisposeAsync();
        }
    }
}
