using CommunityPortal.Data;

namespace CommunityPortal.Features.Matrix.Activities;

/// <summary>
/// People's records that hang on an activity and forbid deleting it (sign-ups, kept by the Signups feature, which
/// implements this): such an activity is archived instead.
/// </summary>
public interface IActivityRecords
{
    Task<int> CountAsync(PortalDbContext db, int activityId, CancellationToken ct);
}

/// <summary>Without a sign-ups feature an activity has no such records.</summary>
internal sealed class NoActivityRecords : IActivityRecords
{
    public Task<int> CountAsync(PortalDbContext db, int activityId, CancellationToken ct) => Task.FromResult(0);
}
