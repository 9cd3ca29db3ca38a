using CommunityPortal.Data;
using CommunityPortal.Features.Matrix.Groups;
using Microsoft.EntityFrameworkCore;

namespace CommunityPortal.Features.Members.Memberships;

/// <summary>
/// Whether a group's member count follows membership records: true once any member has joined it (from the UI, CSV,
/// the API or a sign-up), even if all have left since. From then on only joins and leaves move the count
/// (<see cref="MembershipService"/>); a count typed into the group form or sent to the groups API is ignored.
/// </summary>
public sealed class MembershipRecords : IGroupMembershipRecords
{
    Task<bool> IGroupMembershipRecords.ExistAsync(PortalDbContext db, int groupId, CancellationToken ct) => ExistAsync(db, groupId, ct);

    public static async Task<bool> ExistAsync(PortalDbContext db, int groupId, CancellationToken ct)
    {
        var stays = db.Set<GroupMembership>().AsNoTracking();
        // The open stays have a GroupId index; only a group whose members all left needs the wider look.
        return await stays.AnyAsync(m => m.GroupId == groupId && m.LeftAt == null, ct)
            || await stays.AnyAsync(m => m.GroupId == groupId, ct);
    }
}
