using System.Net;
using Microsoft.Extensions.DependencyInjection;
using TumourBoard.Web.Infrastructure;
using TumourBoard.Web.Tests.Infrastructure;

namespace TumourBoard.Web.Tests.Features.Sessions;

/// <summary>
/// The limits are 30 minutes idle and 12 hours in production; two seconds here, so the tests wait for them instead of
/// faking the clock.
/// </summary>
public sealed class SessionLimitTests(PostgresCluster cluster)
{
    private async Task<HttpResponseMessage> RequestAfterTheLimitAsync(Action<SignInRules> limit, bool activeMeanwhile)
    {
        await using var app = await TumourBoardApp.StartAsync(cluster, services => services.Configure(limit));
        using var client = await app.SignedInClientAsync("clinician.uzl@demo.tumourboard.be");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("meetings")).StatusCode);
        for (var waited = 0; waited < 5; waited++)
        {
            await Task.Delay(TimeSpan.FromSeconds(0.5));
            if (activeMeanwhile)
                await client.GetAsync("meetings");
        }
        return await client.GetAsync("meetings");
    }

    [Fact]
    public async Task ActiveSession_EndsAtTheAbsoluteLimit_EvenThoughItIsUsedAllTheTime()
    {
        var after = await RequestAfterTheLimitAsync(o => o.AbsoluteSessionLimit = TimeSpan.FromSeconds(2), activeMeanwhile: true);

        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains("Account/Login", after.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task IdleSession_IsSignedOut_AfterTheIdleTimeout()
    {
        var after = await RequestAfterTheLimitAsync(o => o.IdleTimeout = TimeSpan.FromSeconds(2), activeMeanwhile: false);

        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains("Account/Login", after.Headers.Location?.OriginalString);
    }
}
