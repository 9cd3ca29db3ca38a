using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;

namespace CommunityPortal.Features.Members.Profile;

/// <summary>
/// Who is acting on the profile and what they may do. The member services check no roles, so every write the
/// profile offers asks here first, not only the markup that hides the button.
/// </summary>
public sealed class ProfileAccess(AuthenticationStateProvider authentication, IAuthorizationService authorization)
{
    public async Task<MemberActor> ActorAsync() => MemberActor.From((await authentication.GetAuthenticationStateAsync()).User);

    /// <summary>Operators and up: members, tags, service records, group stays.</summary>
    public Task<bool> CanEditAsync() => AllowedAsync(Policies.Edit);

    /// <summary>Managers and up: blacklisting and lifting it, the full phone number.</summary>
    public Task<bool> CanManageAsync() => AllowedAsync(Policies.Manage);

    private async Task<bool> AllowedAsync(string policy)
    {
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        return (await authorization.AuthorizeAsync(user, policy)).Succeeded;
    }
}
