using CommunityPortal.Data;

namespace CommunityPortal.Features.Matrix.Groups;

/// <summary>
/// Whether a group's member count follows membership records (kept by the Members feature, which implements this):
/// once it does, a count typed into the group form or sent to the groups API is ignored.
/// </summary>
public interface IGroupMembershipRecords
{
    Task<bool> ExistAsync(PortalDbContext db, int groupId, CancellationToken ct);
}

/// <summary>Without a members feature no group has membership records: counts are typed.</summary>
internal sealed class NoGroupMembershipRecords : IGroupMembershipRecords
{
    public Task<bool> ExistAsync(PortalDbContext db, int groupId, CancellationToken ct) => Task.FromResult(false);
}
