using CommunityPortal.Data;
using CommunityPortal.Features.Members.List;

namespace CommunityPortal.Features.Signups.ForMembers;

/// <summary>An activity's participants for the member list: the members with a sign-up for it ((ActivityId, MemberId) index).</summary>
internal sealed class ActivityParticipants : IActivityParticipants
{
    public IQueryable<int> MemberIds(PortalDbContext db, int activityId) =>
        db.Set<ActivitySignup>().Where(s => s.ActivityId == activityId).Select(s => s.MemberId);
}
