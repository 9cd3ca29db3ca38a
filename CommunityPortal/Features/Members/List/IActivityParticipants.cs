using CommunityPortal.Data;

namespace CommunityPortal.Features.Members.List;

/// <summary>
/// Who takes part in an activity, for the member list's "signed up for" criterion. Members asks; the sign-ups feature
/// answers (it owns the sign-up rows), so Members never reads them itself.
/// </summary>
public interface IActivityParticipants
{
    /// <summary>
    /// The ids of the activity's participants as a query in <paramref name="db"/>, never run on its own: the filter
    /// composes it into its SQL (as an IN subquery, or as a per-member EXISTS probe).
    /// </summary>
    IQueryable<int> MemberIds(PortalDbContext db, int activityId);
}

/// <summary>Members alone (no sign-ups registered): nobody takes part in anything.</summary>
internal sealed class NoActivityParticipants : IActivityParticipants
{
    public IQueryable<int> MemberIds(PortalDbContext db, int activityId) => db.Set<Member>().Where(_ => false).Select(m => m.Id);
}
