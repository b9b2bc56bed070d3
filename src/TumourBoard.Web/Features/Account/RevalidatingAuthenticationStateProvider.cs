using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using TumourBoard.Web.Data;
using TumourBoard.Web.Features.Sessions;
using TumourBoard.Web.Infrastructure;

namespace TumourBoard.Web.Features.Account;

/// <summary>
/// Re-checks a connected circuit's user every minute: a deactivated user, one whose security stamp changed
/// (password, roles), or one whose sign-in session ended (signed out, revoked, past its limit) loses the circuit.
/// A connected page counts as activity for its session (decision 0022).
/// </summary>
internal sealed class RevalidatingAuthenticationStateProvider(
    ILoggerFactory loggerFactory,
    IServiceScopeFactory scopeFactory,
    IOptions<IdentityOptions> options)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    /// <summary>The check the provider runs every minute, for tests to run at once.</summary>
    internal Task<bool> ValidateAsync(AuthenticationState state) => ValidateAuthenticationStateAsync(state, CancellationToken.None);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        // A check that throws would end the circuit's revalidation for good; while the database is away the user keeps
        // the state checked a minute ago, and the next check decides.
        try
        {
            return await IsStillValidAsync(authenticationState, cancellationToken);
        }
        catch (Exception ex) when (ex.IsDatabaseUnavailable())
        {
            return true;
        }
    }

    private async Task<bool> IsStillValidAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        if (SessionService.IdOf(authenticationState.User) is not { } sessionId
            || !Guid.TryParse(authenticationState.User.FindFirstValue(ClaimTypes.NameIdentifier), out var userId)
            || !await scope.ServiceProvider.GetRequiredService<SessionService>().IsActiveAsync(sessionId, userId, cancellationToken))
            return false;
        var userManager = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await userManager.GetUserAsync(authenticationState.User);
        if (user is null || !user.IsActive)
            return false;
        var principalStamp = authenticationState.User.FindFirstValue(options.Value.ClaimsIdentity.SecurityStampClaimType);
        return principalStamp == await userManager.GetSecurityStampAsync(user);
    }
}
