using System.Net;
using Microsoft.EntityFrameworkCore;
using TumourBoard.Domain.Common;
using TumourBoard.Web.Tests.Infrastructure;

namespace TumourBoard.Web.Tests.Features.Preferences;

public sealed class CultureTests(DemoAppFixture fixture) : IClassFixture<DemoAppFixture>
{
    private readonly TumourBoardApp _app = fixture.App;

    [Fact]
    public async Task ChooseFrench_SignedIn_ShowsFrenchAndKeepsTheChoiceForNextSignIn()
    {
        var user = await _app.CreateUserAsync(TumourBoard.Domain.People.Roles.Clinician);
        using var client = await _app.SignedInClientAsync(user.Email!);

        var response = await client.GetAsync("/Preferences/Culture?culture=fr-BE&returnUrl=%2F");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await client.GetStringAsync("/");

        Assert.Contains("Tableau de bord", page);
        Assert.Contains("lang=\"fr\"", page);
        var stored = await _app.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.PreferredLanguage).SingleAsync());
        Assert.Equal(BoardLanguage.French, stored);

        using var fresh = await _app.SignedInClientAsync(user.Email!);
        Assert.Contains("Tableau de bord", await fresh.GetStringAsync("/"));
    }

    [Fact]
    public async Task LoginPage_InDutch_ShowsDutchLabels()
    {
        using var client = _app.CreateBrowserlikeClient();

        await client.GetAsync("/Preferences/Culture?culture=nl-BE&returnUrl=%2FAccount%2FLogin");
        var page = await client.GetStringAsync("/Account/Login");

        Assert.Contains("Aanmelden", page);
        Assert.Contains("Wachtwoord", page);
    }

    [Theory]
    [InlineData("de-DE")]
    [InlineData("")]
    [InlineData("<script>")]
    public async Task ChooseCulture_Unsupported_IsRefusedWithProblem(string culture)
    {
        using var client = _app.CreateBrowserlikeClient();

        var response = await client.GetAsync($"/Preferences/Culture?culture={Uri.EscapeDataString(culture)}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ChooseCulture_WithForeignReturnUrl_StaysOnTheSite()
    {
        using var client = _app.CreateBrowserlikeClient();

        var response = await client.GetAsync("/Preferences/Culture?culture=fr-BE&returnUrl=https%3A%2F%2Fevil.example%2F");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }
}
