using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;

namespace CommunityPortal.Features.Sop.Calendar;

/// <summary>
/// Who is looking at tasks: the actor who would tick them, whether they may tick at all (Edit), and whether their calendar
/// opens on their own tasks (operators do; managers and viewers see everyone's).
/// </summary>
public sealed record SopViewer(SopActor Actor, bool CanEdit)
{
    public static SopViewer Nobody { get; } = new(new SopActor("", "", false), false);

    public bool MineByDefault => CanEdit && !Actor.CanManage;

    /// <summary>Whether the Done and Skip buttons show for a task (SopTaskService refuses the rest anyway).</summary>
    public bool MayTick(SopTaskDto task, string? groupOwnerId) =>
        CanEdit && Actor.UserId.Length > 0 && task.State is SopTaskStatus.Pending or SopTaskStatus.Overdue
        && Tasks.SopTaskService.MayTick(Actor, task.AssigneeId, groupOwnerId);

    public static async Task<SopViewer> FromAsync(Task<AuthenticationState>? state, IAuthorizationService authorization)
    {
        if (state is null)
        {
            return Nobody;
        }
        var user = (await state).User;
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (string.IsNullOrEmpty(id))
        {
            return Nobody;
        }
        var name = user.FindFirstValue(Users.PortalClaimsPrincipalFactory.DisplayNameClaim) ?? user.Identity?.Name ?? id;
        var canManage = (await authorization.AuthorizeAsync(user, Policies.Manage)).Succeeded;
        var canEdit = (await authorization.AuthorizeAsync(user, Policies.Edit)).Succeeded;
        return new SopViewer(new SopActor(id, name, canManage), canEdit);
    }
}
