using Microsoft.Playwright;
using TumourBoard.Web.Tests.Infrastructure;

namespace TumourBoard.EndToEnd.Tests;

/// <summary>What a person does on the pages, shared by the browser tests.</summary>
public static class Pages
{
    public static async Task SignInAsync(this IPage page, string email, string password = TumourBoardApp.DemoPassword)
    {
        // The first page of a freshly started app waits for its warm-up (the event listener, the PDF fonts).
        await page.GotoAsync("Account/Login", new PageGotoOptions { Timeout = 60_000 });
        await page.GetByTestId("login-email").FillAsync(email);
        await page.GetByTestId("login-password").FillAsync(password);
        await page.GetByTestId("login-submit").ClickAsync();
        await page.WaitForInteractiveAsync();
    }

    /// <summary>Clicks on prerendered markup are lost until the circuit connects; this waits for it.</summary>
    public static Task WaitForInteractiveAsync(this IPage page) =>
        page.GetByTestId("interactive").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });

    /// <summary>The input or text area of a form field marked with a test id, wherever the component put the id.</summary>
    public static ILocator Field(this IPage page, string testId) =>
        page.Locator($"input[data-testid='{testId}'], textarea[data-testid='{testId}'], [data-testid='{testId}'] input, [data-testid='{testId}'] textarea").First;

    /// <summary>Saves a screenshot next to the test output, for people to look at what the test saw.</summary>
    public static async Task ScreenshotAsync(this IPage page, string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }
}
