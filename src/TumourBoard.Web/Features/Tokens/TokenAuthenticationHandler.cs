using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TumourBoard.Web.Data;

namespace TumourBoard.Web.Features.Tokens;

/// <summary>
/// Authenticates API and hub calls with a personal access token: `Authorization: Bearer &lt;token&gt;`, or the
/// `access_token` query parameter on the hub (browsers cannot set headers on WebSockets).
/// </summary>
public sealed class TokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IDbContextFactory<TumourBoardDbContext> dbFactory,
    IUserClaimsPrincipalFactory<AppUser> principals,
    Audit.AuditTrail audit,
    TimeProvider time)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var value = ReadToken();
        if (value is null)
            return AuthenticateResult.NoResult();
        if (value.Length is 0 or > 200)
            return AuthenticateResult.Fail("Invalid token.");

        var hash = PersonalAccessToken.HashOf(value);
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(Context.RequestAborted);
        var found = await db.AccessTokens.Where(t => t.Hash == hash)
            .Join(db.Users, t => t.UserId, u => u.Id, (t, u) => new { Token = t, User = u })
            .SingleOrDefaultAsync(Context.RequestAborted);
        if (found is null || !found.Token.IsUsableAt(now) || !found.User.IsActive)
        {
            // A refused token is audited with its owner when it names one (revoked, expired, deactivated account).
            await audit.RecordAsync(found?.User.Id, found?.User.CentreId, "token.use", "token", found?.Token.Id, Domain.Audit.AuditOutcome.Denied, Context.RequestAborted);
            return AuthenticateResult.Fail("Invalid token.");
        }

        // Marking use once a minute is precise enough for the owner and the audit trail, and spares a write per request.
        if (found.Token.LastUsedAtUtc is null || found.Token.LastUsedAtUtc < now.AddMinutes(-1))
        {
            await db.AccessTokens.Where(t => t.Id == found.Token.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAtUtc, now), Context.RequestAborted);
            await audit.RecordAsync(found.User.Id, found.User.CentreId, "token.use", "token", found.Token.Id, Domain.Audit.AuditOutcome.Success, Context.RequestAborted);
        }
        var principal = await principals.CreateAsync(found.User);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }

    private string? ReadToken()
    {
        string? header = Request.Headers.Authorization;
        if (header is not null && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return header["Bearer ".Length..].Trim();
        if (Request.Path.StartsWithSegments("/hubs") && Request.Query.TryGetValue("access_token", out var query))
            return query.ToString();
        return null;
    }
}
