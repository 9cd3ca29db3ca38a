using CommunityPortal.Data;
using CommunityPortal.Features.Members;
using CommunityPortal.Features.Members.Events;
using Microsoft.EntityFrameworkCore;

namespace CommunityPortal.Features.Signups.ForMembers;

/// <summary>
/// A sign-up reported by another system goes into the same table as the portal's own (one row per member and
/// activity), dated when it happened; the sender already applied its form's rules (window, capacity).
/// </summary>
internal sealed class ReportedSignups : IReportedSignups
{
    public async Task<bool> AddAsync(PortalDbContext db, int activityId, int memberId, DateTime at, MemberActor actor, CancellationToken ct)
    {
        if (await db.Set<ActivitySignup>().AnyAsync(s => s.MemberId == memberId && s.ActivityId == activityId, ct))
        {
            return false;
        }
        var nickname = await db.Set<Member>().Where(m => m.Id == memberId).Select(m => m.Nickname).FirstAsync(ct);
        var signup = new ActivitySignup
        {
            ActivityId = activityId, MemberId = memberId, Name = nickname.Length > ActivitySignup.NameMax ? nickname[..ActivitySignup.NameMax] : nickname,
            CreatedById = actor.StoredId, CreatedByName = actor.StoredName,
        };
        db.Add(signup);
        await db.SaveChangesAsync(ct);
        await db.Set<ActivitySignup>().Where(s => s.Id == signup.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.CreatedAt, at), ct);
        signup.Raise(new ActivitySignedUp(signup.Id, activityId, memberId, false, at));
        await db.SaveChangesAsync(ct);
        return true;
    }
}
