using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using TumourBoard.Domain.People;
using TumourBoard.Web.Data;

namespace TumourBoard.Web.Features.Account;

public static class BoardClaims
{
    public const string Centre = "tb:centre";
    public const string Discipline = "tb:discipline";
    public const string DisplayName = "tb:name";
    public const string TwoFactor = "tb:2fa";

    /// <summary>The actor behind a signed-in principal, or null when it carries no known role.</summary>
    public static Actor? ToActor(this ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true
            || !Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id))
            return null;
        var role = Roles.All.FirstOrDefault(principal.IsInRole);
        if (role is null)
            return null;
        int? centre = int.TryParse(principal.FindFirstValue(Centre), out var c) ? c : null;
        var discipline = Enum.TryParse<Discipline>(principal.FindFirstValue(Discipline), out var d) ? d : Domain.People.Discipline.Other;
        return new Actor(id, role, centre, discipline);
    }

    public static string DisplayNameOf(this ClaimsPrincipal principal) =>
        principal.FindFirstValue(DisplayName) ?? principal.Identity?.Name ?? "";
}

/// <summary>Puts the centre, discipline and display name into the sign-in cookie so that each request knows them.</summary>
public sealed class BoardClaimsPrincipalFactory(
    UserManager<AppUser> userManager,
    RoleManager<IdentityRole<Guid>> roleManager,
    IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole<Guid>>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(BoardClaims.DisplayName, user.DisplayName));
        identity.AddClaim(new Claim(BoardClaims.Discipline, user.Discipline.ToString()));
        if (user.TwoFactorEnabled)
            identity.AddClaim(new Claim(BoardClaims.TwoFactor, "true"));
        if (user.CentreId is { } centre)
            identity.AddClaim(new Claim(BoardClaims.Centre, centre.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return identity;
    }
}

/// <summary>A deactivated account cannot sign in, whatever its password.</summary>
public sealed class BoardSignInManager(
    UserManager<AppUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<AppUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<AppUser>> logger,
    Microsoft.AspNetCore.Authentication.IAuthenticationSchemeProvider schemes,
    IUserConfirmation<AppUser> confirmation)
    : SignInManager<AppUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(AppUser user) =>
        user.IsActive && await base.CanSignInAsync(user);
}
