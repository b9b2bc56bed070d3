using Microsoft.AspNetCore.Components.Authorization;
using TumourBoard.Domain.People;

namespace TumourBoard.Web.Features.Account;

/// <summary>The actor of the current circuit or request, for pages to pass to feature services.</summary>
public sealed class CurrentUser(AuthenticationStateProvider authenticationState)
{
    public async Task<Actor> GetActorAsync()
    {
        var state = await authenticationState.GetAuthenticationStateAsync();
        return state.User.ToActor() ?? throw new AccessDeniedException();
    }
}
