using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TumourBoard.Domain;
using TumourBoard.Domain.People;
using TumourBoard.Web.Features.Account;
using TumourBoard.Web.Features.Admin;
using TumourBoard.Web.Features.Sessions;
using TumourBoard.Web.Infrastructure;
using TumourBoard.Web.Tests.Infrastructure;

namespace TumourBoard.Web.Tests.Features.Sessions;

public sealed class SessionTests(DemoAppFixture fixture) : IClassFixture<DemoAppFixture>, IDisposable
{
    private readonly TumourBoardApp _app = fixture.App;
    private readonly IServiceScope _scope = fixture.App.Services.CreateScope();

    private SessionService Sessions => _scope.ServiceProvider.GetRequiredService<SessionService>();

    public void Dispose() => _scope.Dispose();

    private static readonly string Firefox = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0";

    private async Task<(Actor Actor, string Email)> NewPersonAsync(string role = Roles.Clinician)
    {
        var user = await _app.CreateUserAsync(role);
        return (await _app.ActorAsync(user.Email!), user.Email!);
    }

    private Task<List<SignInSession>> SessionsOfAsync(Guid userId) =>
        _app.WithDbAsync(db => db.SignInSessions.AsNoTracking().Where(s => s.UserId == userId).OrderBy(s => s.StartedAtUtc).ToListAsync());

    private static async Task<bool> IsSignedInAsync(HttpClient client) => (await client.GetAsync("meetings")).StatusCode == HttpStatusCode.OK;

    [Fact]
    public async Task SignIn_StartsASession_NamingTheBrowser_ListedAsTheCurrentOne()
    {
        var (actor, email) = await NewPersonAsync();
        using var client = _app.CreateBrowserlikeClient();
        client.DefaultRequestHeaders.UserAgent.ParseAdd(Firefox);
        await _app.PostLoginAsync(client, email);

        var session = Assert.Single(await SessionsOfAsync(actor.UserId));
        Assert.Equal("Firefox · Windows", session.Client);
        Assert.Equal("127.0.0.1", session.ClientAddress);
        Assert.Null(session.EndedAtUtc);
        var rows = await Sessions.ListAsync(actor, session.Id);
        Assert.True(Assert.Single(rows).IsCurrent);
    }

    [Fact]
    public async Task RevokedSession_IsSignedOutAtItsNextRequest_WhileTheOtherStays()
    {
        var (actor, email) = await NewPersonAsync();
        using var first = await _app.SignedInClientAsync(email);
        using var second = await _app.SignedInClientAsync(email);
        Assert.True(await IsSignedInAsync(second));
        var sessions = await SessionsOfAsync(actor.UserId);
        Assert.Equal(2, sessions.Count);

        await Sessions.RevokeAsync(actor, sessions[1].Id);

        Assert.False(await IsSignedInAsync(second));
        Assert.True(await IsSignedInAsync(first));
        var revoked = (await SessionsOfAsync(actor.UserId))[1];
        Assert.Equal(SessionEndReason.Revoked, revoked.EndReason);
        var audited = await _app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "session.revoke" && a.ObjectId == revoked.Id.ToString() && a.UserId == actor.UserId));
        Assert.True(audited);
    }

    [Fact]
    public async Task RevokeOthers_EndsEverySessionButTheCurrentOne()
    {
        var (actor, email) = await NewPersonAsync();
        using var current = await _app.SignedInClientAsync(email);
        using var laptop = await _app.SignedInClientAsync(email);
        using var phone = await _app.SignedInClientAsync(email);
        var currentId = (await SessionsOfAsync(actor.UserId))[0].Id;

        var ended = await Sessions.RevokeOthersAsync(actor, currentId);

        Assert.Equal(2, ended);
        Assert.True(await IsSignedInAsync(current));
        Assert.False(await IsSignedInAsync(laptop));
        Assert.False(await IsSignedInAsync(phone));
        Assert.Single(await Sessions.ListAsync(actor, currentId));
    }

    [Fact]
    public async Task SomeoneElsesSession_CannotBeRevoked()
    {
        var (owner, email) = await NewPersonAsync();
        var (other, _) = await NewPersonAsync();
        using var client = await _app.SignedInClientAsync(email);
        var session = Assert.Single(await SessionsOfAsync(owner.UserId));

        var refused = await Assert.ThrowsAsync<DomainException>(() => Sessions.RevokeAsync(other, session.Id));

        Assert.Equal("Session.NotFound", refused.Code);
        Assert.True(await IsSignedInAsync(client));
    }

    [Fact]
    public async Task Logout_EndsTheSessionOnTheServer_SoACopyOfTheCookieNoLongerWorks()
    {
        var (actor, email) = await NewPersonAsync();
        var jar = new CookieContainer();
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = jar }) { BaseAddress = _app.BaseAddress };
        await _app.PostLoginAsync(client, email);
        var cookies = jar.GetCookieHeader(_app.BaseAddress);
        var page = await client.GetStringAsync("/Account/Manage/ChangePassword");
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;

        await client.PostAsync("Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token) }));

        Assert.Equal(SessionEndReason.SignedOut, Assert.Single(await SessionsOfAsync(actor.UserId)).EndReason);
        using var replay = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = _app.BaseAddress };
        var request = new HttpRequestMessage(HttpMethod.Get, "meetings");
        request.Headers.Add("Cookie", cookies);
        Assert.Equal(HttpStatusCode.Redirect, (await replay.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task DeactivatedAccount_HasItsSessionsEnded()
    {
        var (actor, email) = await NewPersonAsync();
        using var client = await _app.SignedInClientAsync(email);
        var admin = await _app.ActorAsync("admin@demo.tumourboard.be");
        await using var scope = _app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserAdminService>();
        var row = (await users.ListAsync(admin)).Single(u => u.Id == actor.UserId);

        await users.SetActiveAsync(admin, actor.UserId, false, row.Version);

        Assert.Equal(SessionEndReason.AccountDeactivated, Assert.Single(await SessionsOfAsync(actor.UserId)).EndReason);
        Assert.False(await IsSignedInAsync(client));
    }

    [Fact]
    public async Task ConnectedPage_LosesItsSignIn_WhenItsSessionIsRevoked()
    {
        var (actor, email) = await NewPersonAsync();
        using var client = await _app.SignedInClientAsync(email);
        var session = Assert.Single(await SessionsOfAsync(actor.UserId));
        var user = await _app.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == actor.UserId));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, actor.UserId.ToString()),
            new Claim("AspNet.Identity.SecurityStamp", user.SecurityStamp!),
            new Claim(SessionService.ClaimType, session.Id.ToString()),
        ], "test"));
        await using var scope = _app.Services.CreateAsyncScope();
        using var provider = ActivatorUtilities.CreateInstance<RevalidatingAuthenticationStateProvider>(scope.ServiceProvider);

        Assert.True(await provider.ValidateAsync(new AuthenticationState(principal)));
        await Sessions.RevokeAsync(actor, session.Id);
        Assert.False(await provider.ValidateAsync(new AuthenticationState(principal)));
    }
}
