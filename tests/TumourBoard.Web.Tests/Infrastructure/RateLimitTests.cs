using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TumourBoard.Domain.Cases;
using TumourBoard.Web.Infrastructure;

namespace TumourBoard.Web.Tests.Infrastructure;

public sealed class RateLimitTests(PostgresCluster cluster)
{
    private Task<TumourBoardApp> StartAsync(Action<RateLimitOptions> limits) =>
        TumourBoardApp.StartAsync(cluster, services => services.Configure(limits));

    [Fact]
    public async Task SignInAttempts_OverTheLimit_Answer429WithRetryAfter()
    {
        await using var app = await StartAsync(o => o.SignInAttemptsPerMinute = 3);
        using var client = app.CreateBrowserlikeClient();

        for (var i = 0; i < 3; i++)
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await app.PostLoginAsync(client, "clinician.uzl@demo.tumourboard.be", "Wrong-password-1")).StatusCode);
        var refused = await app.PostLoginAsync(client, "clinician.uzl@demo.tumourboard.be");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(int.Parse(refused.Headers.GetValues("Retry-After").Single()) is > 0 and <= 60);
        Assert.Equal("RateLimit.Exceeded", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task ApiCalls_OverTheLimitOfOneToken_Answer429_WhileAnotherTokenCarriesOn()
    {
        await using var app = await StartAsync(o => o.ApiRequestsPerMinute = 5);
        using var busy = app.ApiClient("demo-clinician.uzl");
        using var other = app.ApiClient("demo-clinician.cusl");

        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.OK, (await busy.GetAsync("api/v1/centres")).StatusCode);
        var refused = await busy.GetAsync("api/v1/centres");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.Contains("Retry-After"));
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("api/v1/centres")).StatusCode);
    }

    [Fact]
    public async Task MadeUpTokens_FromOneAddress_MeetTheAddresssLimit()
    {
        await using var app = await StartAsync(o => o.ApiRequestsPerMinute = 2);
        var statuses = new List<HttpStatusCode>();

        for (var i = 0; i < 11; i++)
        {
            using var client = app.ApiClient($"made-up-{Guid.NewGuid():N}");
            statuses.Add((await client.GetAsync("api/v1/centres")).StatusCode);
        }

        Assert.All(statuses.Take(10), s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[10]);
    }

    [Fact]
    public async Task CaseSubmissions_OverTheLimitOfOnePerson_AreRefusedAndLeaveTheCaseADraft()
    {
        await using var app = await StartAsync(o => o.SubmissionsPerHour = 2);
        using var clinician = app.ApiClient("demo-clinician.uzl");
        var statuses = new List<HttpStatusCode>();
        int lastCase = 0;
        for (var i = 0; i < 3; i++)
        {
            var created = await clinician.PostAsJsonAsync("api/v1/cases", new
            {
                ageYears = 6, sex = "Male", diagnosisLabel = "Medulloblastoma", diseaseStatus = "NewDiagnosis",
                question = "Craniospinal dose?", options = new[] { new { label = "Standard dose" } }, consentConfirmed = true,
            });
            lastCase = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
            statuses.Add((await clinician.PostAsync($"api/v1/cases/{lastCase}/submit", null)).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(CaseStatus.Draft, await app.WithDbAsync(db => db.Cases.Where(c => c.Id == lastCase).Select(c => c.Status).SingleAsync()));
    }
}
