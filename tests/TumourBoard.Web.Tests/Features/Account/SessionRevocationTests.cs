using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using TumourBoard.Domain.People;
using TumourBoard.Web.Features.Admin;
using TumourBoard.Web.Tests.Infrastructure;

namespace TumourBoard.Web.Tests.Features.Account;

/// <summary>Runs the app with the sign-in cookie re-validated at every request, as it is after the one-minute interval.</summary>
public sealed class SessionRevocationTests(PostgresCluster cluster) : IAsyncLifetime
{
    private TumourBoardApp _app = default!;

    public async ValueTask InitializeAsync() =>
        _app = await TumourBoardApp.StartAsync(cluster, s => s.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero));

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Request_AfterAdminDeactivatesTheUser_IsSentToLogin()
    {
        using var client = await _app.SignedInClientAsync("clinician.uzb@demo.tumourboard.be");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        var admin = await AdminActorAsync();
        await using var scope = _app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserAdminService>();
        var row = (await users.ListAsync(admin)).Single(u => u.Email == "clinician.uzb@demo.tumourboard.be");

        await users.SetActiveAsync(admin, row.Id, active: false, row.Version);
        var response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/Login", response.Headers.Location!.ToString());
    }

    private async Task<Actor> AdminActorAsync()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var admin = await scope.ServiceProvider.GetRequiredService<UserManager<TumourBoard.Web.Data.AppUser>>().FindByEmailAsync("admin@demo.tumourboard.be");
        return new Actor(admin!.Id, Roles.Admin, null, admin.Discipline);
    }
}
