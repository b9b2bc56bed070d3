using System.Net;
using Microsoft.EntityFrameworkCore;
using TumourBoard.Domain.People;
using TumourBoard.Web.Tests.Infrastructure;

namespace TumourBoard.Web.Tests.Features.Account;

public sealed class SignInTests(DemoAppFixture fixture) : IClassFixture<DemoAppFixture>
{
    private readonly TumourBoardApp _app = fixture.App;

    public static TheoryData<string> DemoAccounts()
    {
        var data = new TheoryData<string> { "coordinator@demo.tumourboard.be", "admin@demo.tumourboard.be", "observer@demo.tumourboard.be" };
        foreach (var code in new[] { "uzl", "uzg", "uzb", "uza", "cusl", "huderf", "suhopl" })
        {
            data.Add($"clinician.{code}@demo.tumourboard.be");
            data.Add($"datamanager.{code}@demo.tumourboard.be");
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(DemoAccounts))]
    public async Task SignIn_EveryDemoAccount_ReachesTheDashboard(string email)
    {
        using var client = _app.CreateBrowserlikeClient();

        var login = await _app.PostLoginAsync(client, email);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var dashboard = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.Contains("data-testid=\"dashboard-title\"", await dashboard.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SignIn_WrongPassword_StaysOnLoginWithMessage()
    {
        using var client = _app.CreateBrowserlikeClient();

        var response = await _app.PostLoginAsync(client, "clinician.uzl@demo.tumourboard.be", "Not-the-password-1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("E-mail address or password is wrong.", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task SignIn_FiveWrongPasswords_LocksTheAccount()
    {
        var user = await _app.CreateUserAsync(Roles.DataManager);
        using var client = _app.CreateBrowserlikeClient();
        for (var i = 0; i < 5; i++)
            await _app.PostLoginAsync(client, user.Email!, "Not-the-password-1");

        var response = await _app.PostLoginAsync(client, user.Email!);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.EndsWith("/Account/Lockout", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task SignIn_DeactivatedUser_IsRefused()
    {
        var user = await _app.CreateUserAsync(Roles.Clinician);
        await DeactivateAsync(user.Email!);
        using var client = _app.CreateBrowserlikeClient();

        var response = await _app.PostLoginAsync(client, user.Email!);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("This account is deactivated", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Clinician_OpeningAnAdminPage_IsRefused()
    {
        using var client = await _app.SignedInClientAsync("clinician.uzl@demo.tumourboard.be");

        var response = await client.GetAsync("/admin/users");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/AccessDenied", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Admin_OpeningAnAdminPage_IsServed()
    {
        using var client = await _app.SignedInClientAsync("admin@demo.tumourboard.be");

        var response = await client.GetAsync("/admin/users");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/meetings")]
    [InlineData("/admin/centres")]
    [InlineData("/Account/Manage")]
    public async Task AnonymousRequest_ToAnyPage_IsSentToLogin(string path)
    {
        using var client = _app.CreateBrowserlikeClient();

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/Login", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task UnknownAddress_SignedIn_ShowsTheAppsNotFoundPage()
    {
        using var client = await _app.SignedInClientAsync("coordinator@demo.tumourboard.be");

        var response = await client.GetAsync("/no/such/page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Logout_EndsTheSession()
    {
        using var client = await _app.SignedInClientAsync("observer@demo.tumourboard.be");
        // The sign-out form sits in the user menu, rendered when opened; any page form carries the same antiforgery token.
        var page = await client.GetStringAsync("/Account/Manage/ChangePassword");
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;

        var logout = await client.PostAsync("Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token) }));

        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Logout_WithoutAntiforgeryToken_IsRefusedAndTheSessionStays()
    {
        using var client = await _app.SignedInClientAsync("observer@demo.tumourboard.be");

        var logout = await client.PostAsync("Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string>()));

        Assert.Equal(HttpStatusCode.BadRequest, logout.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
    }

    private async Task DeactivateAsync(string email) =>
        await _app.WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Email == email);
            user.Deactivate();
            user.SecurityStamp = Guid.NewGuid().ToString();
            return await db.SaveChangesAsync();
        });
}
