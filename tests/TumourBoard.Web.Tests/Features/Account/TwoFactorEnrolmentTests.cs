using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using TumourBoard.Domain.People;
using TumourBoard.Web.Data;
using TumourBoard.Web.Infrastructure;
using TumourBoard.Web.Tests.Infrastructure;

namespace TumourBoard.Web.Tests.Features.Account;

public sealed class TwoFactorEnrolmentTests(PostgresCluster cluster)
{
    private Task<TumourBoardApp> StartAsync() =>
        TumourBoardApp.StartAsync(cluster, services => services.Configure<SignInRules>(o => o.TwoFactorRequiredFor = "Admin,Coordinator"));

    [Fact]
    public async Task Coordinator_WithoutASecondFactor_IsSentToSetItUp_FromEveryPage()
    {
        await using var app = await StartAsync();
        var coordinator = await app.CreateUserAsync(Roles.Coordinator, centreCode: null);
        using var client = app.CreateBrowserlikeClient();
        Assert.Equal(HttpStatusCode.Redirect, (await app.PostLoginAsync(client, coordinator.Email!)).StatusCode);

        foreach (var path in new[] { "", "meetings", "cases", "admin/audit", "meetings/1/minutes.pdf" })
        {
            var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/Account/Manage/TwoFactor?required=true", response.Headers.Location?.OriginalString);
        }
        var setup = await client.GetStringAsync("Account/Manage/TwoFactor?required=true");
        Assert.Contains("data-testid=\"twofactor-required\"", setup);
        Assert.DoesNotContain("disable-2fa", setup);
    }

    [Fact]
    public async Task Coordinator_WithASecondFactor_AndClinicians_GoWhereTheyAsk()
    {
        await using var app = await StartAsync();
        var clinician = await app.CreateUserAsync(Roles.Clinician);
        var coordinator = await app.CreateUserAsync(Roles.Coordinator, centreCode: null);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            await users.SetTwoFactorEnabledAsync(await users.FindByIdAsync(coordinator.Id.ToString()) ?? throw new InvalidOperationException(), true);
        }

        using var clinicianClient = await app.SignedInClientAsync(clinician.Email!);
        Assert.Equal(HttpStatusCode.OK, (await clinicianClient.GetAsync("meetings")).StatusCode);
        using var coordinatorClient = app.CreateBrowserlikeClient();
        var signIn = await app.PostLoginAsync(coordinatorClient, coordinator.Email!);
        Assert.Contains("Account/LoginWith2fa", signIn.Headers.Location?.OriginalString ?? "", StringComparison.OrdinalIgnoreCase);
    }
}
