using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(TumourBoard.EndToEnd.Tests.BrowserFixture))]
[assembly: AssemblyFixture(typeof(TumourBoard.Web.Tests.Infrastructure.PostgresCluster))]

namespace TumourBoard.EndToEnd.Tests;

/// <summary>
/// Debian's Chromium, driven by Playwright, shared by the whole run. Playwright downloads nothing: it launches the
/// browser installed at /usr/bin/chromium (`make test` installs it when missing).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = default!;

    public async ValueTask InitializeAsync()
    {
        var executable = Environment.GetEnvironmentVariable("TB_CHROMIUM") ?? "/usr/bin/chromium";
        if (!File.Exists(executable))
            throw new InvalidOperationException($"Chromium not found at {executable}; `make test` installs Debian's chromium.");
        // The app under test shares two cores with the build and the other tests: waits are generous, never retried.
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>A fresh browser context (its own cookies), as a new person at their own computer.</summary>
    public async Task<IPage> NewPageAsync(Uri baseAddress, string locale = "en-GB")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            Locale = locale,
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
            await Browser.DisposeAsync();
        _playwright?.Dispose();
    }
}
