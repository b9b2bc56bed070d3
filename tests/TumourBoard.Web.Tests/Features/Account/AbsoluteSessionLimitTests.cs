using System.Net;
using Microsoft.Extensions.DependencyInjection;
using TumourBoard.Web.Infrastructure;
using TumourBoard.Web.Tests.Infrastructure;

namespace TumourBoard.Web.Tests.Features.Account;

public sealed class AbsoluteSessionLimitTests(PostgresCluster cluster)
{
    [Fact]
    public async Task ActiveSession_EndsAtTheAbsoluteLimit_EvenThoughItIsUsedAllTheTime()
    {
        // The limit is 12 hours in production; two seconds here, so the test waits for it instead of faking the clock.
        await using var app = await TumourBoardApp.StartAsync(cluster, services => services.Configure<SignInRules>(o => o.AbsoluteSessionLimit = TimeSpan.FromSeconds(2)));
        using var client = await app.SignedInClientAsync("clinician.uzl@demo.tumourboard.be");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("meetings")).StatusCode);

        await Task.Delay(TimeSpan.FromSeconds(2.5));
        var after = await client.GetAsync("meetings");

        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains("Account/Login", after.Headers.Location?.OriginalString);
    }
}
