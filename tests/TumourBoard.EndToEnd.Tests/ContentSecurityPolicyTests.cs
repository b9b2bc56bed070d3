using Microsoft.Playwright;
using TumourBoard.Web.Tests.Infrastructure;

namespace TumourBoard.EndToEnd.Tests;

public sealed class ContentSecurityPolicyTests(BrowserFixture browser, DemoAppFixture app) : IClassFixture<DemoAppFixture>
{
    [Theory]
    [InlineData("coordinator@demo.tumourboard.be", new[] { "", "cases", "meetings", "tokens", "minutes/verify", "Account/Manage" })]
    [InlineData("clinician.uzl@demo.tumourboard.be", new[] { "cases/new" })]
    [InlineData("admin@demo.tumourboard.be", new[] { "admin/centres", "admin/users", "admin/audit" })]
    public async Task Pages_RunUnderThePolicy_WithoutAViolation(string email, string[] paths)
    {
        var page = await browser.NewPageAsync(app.App.BaseAddress);
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
                violations.Add($"{page.Url}: {message.Text[..Math.Min(400, message.Text.Length)]}");
        };
        await page.SignInAsync(email);

        foreach (var path in paths)
        {
            var response = await page.GotoAsync(path);
            Assert.Contains("script-src 'self'", (await response!.AllHeadersAsync())["content-security-policy"]);
            if (!path.StartsWith("Account/", StringComparison.Ordinal))
                await page.WaitForInteractiveAsync();
        }

        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }
}
