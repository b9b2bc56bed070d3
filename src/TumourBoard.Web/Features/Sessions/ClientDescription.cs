namespace TumourBoard.Web.Features.Sessions;

/// <summary>
/// Names a browser and its operating system from a User-Agent header ("Firefox · Windows"), for people to recognise
/// their sessions; product names read the same in every language. Empty when neither is recognised.
/// </summary>
public static class ClientDescription
{
    public static string Of(string? userAgent) =>
        string.IsNullOrWhiteSpace(userAgent)
            ? ""
            : string.Join(" · ", new[] { BrowserOf(userAgent), SystemOf(userAgent) }.OfType<string>());

    // Order matters: Edge and Opera also say Chrome, Chrome also says Safari.
    private static string? BrowserOf(string ua) =>
        ua.Contains("Edg/", StringComparison.Ordinal) ? "Edge"
        : ua.Contains("OPR/", StringComparison.Ordinal) ? "Opera"
        : ua.Contains("Firefox/", StringComparison.Ordinal) ? "Firefox"
        : ua.Contains("Chrome/", StringComparison.Ordinal) || ua.Contains("Chromium/", StringComparison.Ordinal) ? "Chrome"
        : ua.Contains("Safari/", StringComparison.Ordinal) ? "Safari"
        : null;

    private static string? SystemOf(string ua) =>
        ua.Contains("iPhone", StringComparison.Ordinal) || ua.Contains("iPad", StringComparison.Ordinal) ? "iOS"
        : ua.Contains("Android", StringComparison.Ordinal) ? "Android"
        : ua.Contains("Windows", StringComparison.Ordinal) ? "Windows"
        : ua.Contains("Mac OS X", StringComparison.Ordinal) || ua.Contains("Macintosh", StringComparison.Ordinal) ? "macOS"
        : ua.Contains("CrOS", StringComparison.Ordinal) ? "ChromeOS"
        : ua.Contains("Linux", StringComparison.Ordinal) ? "Linux"
        : null;
}
