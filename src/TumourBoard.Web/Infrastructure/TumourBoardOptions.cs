namespace TumourBoard.Web.Infrastructure;

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>Apply pending EF Core migrations when the app starts.</summary>
    public bool MigrateOnStartup { get; set; } = true;
}

public sealed class SeedOptions
{
    public const string Section = "Seed";

    /// <summary>Create the demo centres, accounts and meetings (idempotent). Development only.</summary>
    public bool DemoData { get; set; }

    public string? DemoPassword { get; set; }
}

public sealed class MailOptions
{
    public const string Section = "Mail";

    /// <summary>Sender address of every message.</summary>
    public string From { get; set; } = "tumourboard@localhost";

    /// <summary>SMTP server; when empty, messages are written as .eml files to <see cref="PickupDirectory"/>.</summary>
    public string? SmtpHost { get; set; }

    public int SmtpPort { get; set; } = 587;

    public bool SmtpUseTls { get; set; } = true;

    public string? SmtpUser { get; set; }

    public string? SmtpPassword { get; set; }

    public string PickupDirectory { get; set; } = ".data/mail";
}

public sealed class AppOptions
{
    public const string Section = "App";

    /// <summary>The address users reach the app at, used for links in e-mails and calendar feeds.</summary>
    public string PublicBaseUrl { get; set; } = "http://127.0.0.1:5080";

    /// <summary>Addresses of the reverse proxies whose X-Forwarded-For and X-Forwarded-Proto are believed (loopback always is).</summary>
    public string[] TrustedProxies { get; set; } = [];
}

public sealed class LiveBoardOptions
{
    public const string Section = "LiveBoard";

    /// <summary>Voting mode of new meetings: Open (tallies visible live) or Blind (only the count until closed).</summary>
    public TumourBoard.Domain.LiveBoard.VotingMode VotingMode { get; set; }

    /// <summary>Quorum of new meetings: centres represented, physicians and distinct disciplines present.</summary>
    public int QuorumMinCentres { get; set; } = TumourBoard.Domain.LiveBoard.QuorumRules.Default.MinCentres;

    public int QuorumMinPhysicians { get; set; } = TumourBoard.Domain.LiveBoard.QuorumRules.Default.MinPhysicians;

    public int QuorumMinDisciplines { get; set; } = TumourBoard.Domain.LiveBoard.QuorumRules.Default.MinDisciplines;

    /// <summary>How often each instance refreshes the room connections it holds open, in seconds.</summary>
    public int HeartbeatSeconds { get; set; } = 15;

    /// <summary>
    /// A room connection not refreshed for this long no longer counts as present, in seconds: its instance died, or its
    /// leaving could not be written. At least twice <see cref="HeartbeatSeconds"/>.
    /// </summary>
    public int PresenceTimeoutSeconds { get; set; } = 45;

    public TumourBoard.Domain.LiveBoard.QuorumRules Quorum => new(QuorumMinCentres, QuorumMinPhysicians, QuorumMinDisciplines);
}

/// <summary>How often a client may try: sign-in attempts per address, API calls per token, case submissions per person.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Sign-in attempts (password, second factor, recovery code) per client address and minute.</summary>
    public int SignInAttemptsPerMinute { get; set; } = 10;

    /// <summary>API and hub requests per access token (or per client address without one) and minute.</summary>
    public int ApiRequestsPerMinute { get; set; } = 1200;

    /// <summary>Case submissions per person and hour, in the app and through the API together.</summary>
    public int SubmissionsPerHour { get; set; } = 30;
}

/// <summary>Sign-in rules beyond Identity's own.</summary>
public sealed class SignInRules
{
    public const string Section = "SignIn";

    /// <summary>
    /// Roles that must use two-factor authentication, separated by commas: their members are sent to set it up before
    /// anything else. "Admin,Coordinator" by default; the Development settings make it empty so that the demo accounts
    /// sign in with their password alone. (A list, not an array: configuration layers cannot empty an array.)
    /// </summary>
    public string TwoFactorRequiredFor { get; set; } = $"{TumourBoard.Domain.People.Roles.Admin},{TumourBoard.Domain.People.Roles.Coordinator}";

    public bool RequiresTwoFactor(System.Security.Claims.ClaimsPrincipal user) =>
        TwoFactorRequiredFor.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Any(user.IsInRole);

    /// <summary>How long a sign-in lasts at most, however active its user.</summary>
    public TimeSpan AbsoluteSessionLimit { get; set; } = TimeSpan.FromHours(12);

    /// <summary>
    /// A sign-in ends after this long without a request and without a connected page (an open meeting room counts
    /// as activity).
    /// </summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// Interactive pages (connected Blazor circuits) one person may have open at once on one instance, across their
    /// browsers; one more shows a message instead of the page.
    /// </summary>
    public int CircuitsPerUser { get; set; } = 12;
}
