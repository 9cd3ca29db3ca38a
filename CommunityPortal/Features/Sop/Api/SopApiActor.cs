using System.Security.Claims;
using CommunityPortal.Features.Users;

namespace CommunityPortal.Features.Sop.Api;

/// <summary>
/// Who ticks a task through the API. An API key stands for no person: its principal's id is "apikey:N" (the key
/// handler), which is never a task's assignee nor a group's owner. So a Manager or Admin key may tick any task (CanManage),
/// while an Operator key owns nothing and is refused with 403 — an operator ticks their own tasks in the portal or
/// their calendar, where they are signed in as themselves (docs/adr/035).
/// </summary>
public static class SopApiActor
{
    private const int NameMax = ApplicationUser.DisplayNameMax + 256;

    public static SopActor From(ClaimsPrincipal user)
    {
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        var name = user.FindFirstValue(PortalClaimsPrincipalFactory.DisplayNameClaim) ?? user.Identity?.Name ?? id;
        return new SopActor(id, name.Length <= NameMax ? name : name[..NameMax], user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Manager));
    }

    /// <summary>The id stored as a plan version's or an assignment's author ("apikey:N" for a key).</summary>
    public static string? AuthorId(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);
}
