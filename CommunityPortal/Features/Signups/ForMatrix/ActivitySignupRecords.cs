using CommunityPortal.Data;
using CommunityPortal.Features.Matrix.Activities;
using Microsoft.EntityFrameworkCore;

namespace CommunityPortal.Features.Signups.ForMatrix;

/// <summary>An activity's sign-ups are people's records (ActivitySignup: Restrict): the matrix archives it instead of deleting it.</summary>
internal sealed class ActivitySignupRecords : IActivityRecords
{
    public Task<int> CountAsync(PortalDbContext db, int activityId, CancellationToken ct) =>
        db.Set<ActivitySignup>().CountAsync(s => s.ActivityId == activityId, ct);
}
