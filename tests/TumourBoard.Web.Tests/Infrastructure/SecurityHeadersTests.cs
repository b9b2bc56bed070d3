using TumourBoard.Web.Infrastructure;

namespace TumourBoard.Web.Tests.Infrastructure;

public sealed class SecurityHeadersTests(DemoAppFixture fixture) : IClassFixture<DemoAppFixture>
{
    private readonly TumourBoardApp _app = fixture.App;

    [Theory]
    [InlineData("Account/Login")]
    [InlineData("api/v1/centres")]
    [InlineData("health/live")]
    [InlineData("no-such-page")]
    public async Task EveryResponse_CarriesThePolicyAndForbidsFramingAndSniffing(string path)
    {
        using var client = _app.CreateBrowserlikeClient();

        var response = await client.GetAsync(path);

        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
        Assert.Contains("frame-ancestors 'none'", SecurityHeaders.ContentSecurityPolicy);
        Assert.DoesNotContain("unsafe-eval", SecurityHeaders.ContentSecurityPolicy);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    [Fact]
    public async Task SignInCookie_IsHttpOnlyAndSameSite()
    {
        using var client = _app.CreateBrowserlikeClient();
        var response = await _app.PostLoginAsync(client, "clinician.uzl@demo.tumourboard.be");

        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("TumourBoard.Auth=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
    }
}
