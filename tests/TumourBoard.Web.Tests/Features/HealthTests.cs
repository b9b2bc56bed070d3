using System.Net;
using TumourBoard.Web.Tests.Infrastructure;

namespace TumourBoard.Web.Tests.Features;

public sealed class HealthTests(DemoAppFixture fixture) : IClassFixture<DemoAppFixture>
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_WithoutSignIn_IsHealthy(string path)
    {
        using var client = fixture.App.CreateBrowserlikeClient();

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"status\":\"Healthy\"", await response.Content.ReadAsStringAsync());
    }
}
