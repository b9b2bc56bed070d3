namespace TumourBoard.Web.Features.Sessions;

/// <summary>Why a sign-in session ended before its limits ended it.</summary>
public enum SessionEndReason
{
    SignedOut,
    Revoked,
    PasswordChanged,
    AccountDeactivated,
    SignedOutElsewhere,
    AccountChanged,
}

/// <summary>
/// One sign-in in one browser, kept on the server so that its owner can see it and end it, and so that it ends after
/// <c>SignIn:IdleTimeout</c> without activity and <c>SignIn:AbsoluteSessionLimit</c> after the sign-in, whatever the
/// cookie says. Its id travels in the (encrypted) sign-in cookie; activity is recorded at most once a minute.
/// </summary>
public sealed class SignInSession
{
    public const int MaxClientLength = 80;

    /// <summary>How stale <see cref="LastSeenAtUtc"/> may be before a request records activity again.</summary>
    public static readonly TimeSpan ActivityResolution = TimeSpan.FromMinutes(1);

    private SignInSession() { }

    public SignInSession(Guid userId, string client, string? clientAddress, DateTime nowUtc)
    {
        Id = Guid.CreateVersion7();
        UserId = userId;
        Client = client.Length > MaxClientLength ? client[..MaxClientLength] : client;
        ClientAddress = clientAddress;
        StartedAtUtc = nowUtc;
        LastSeenAtUtc = nowUtc;
    }

    public Guid Id { get; private set; }

    public Guid UserId { get; private set; }

    /// <summary>Browser and operating system, as the sign-in's user agent named them ("Firefox · Windows"); empty when unknown.</summary>
    public string Client { get; private set; } = "";

    public string? ClientAddress { get; private set; }

    public DateTime StartedAtUtc { get; private set; }

    public DateTime LastSeenAtUtc { get; private set; }

    public DateTime? EndedAtUtc { get; private set; }

    public SessionEndReason? EndReason { get; private set; }

    public bool IsActiveAt(DateTime nowUtc, TimeSpan idleTimeout, TimeSpan absoluteLimit) =>
        EndedAtUtc is null && nowUtc - LastSeenAtUtc <= idleTimeout && nowUtc - StartedAtUtc <= absoluteLimit;

    public void End(SessionEndReason reason, DateTime nowUtc)
    {
        if (EndedAtUtc is not null)
            return;
        EndedAtUtc = nowUtc;
        EndReason = reason;
    }
}
