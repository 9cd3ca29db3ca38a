using CommunityPortal.Data;
using CommunityPortal.Features.Matrix;
using CommunityPortal.Features.Members;
using CommunityPortal.Features.Members.Timeline;
using Microsoft.EntityFrameworkCore;

namespace CommunityPortal.Features.Signups.ForMembers;

/// <summary>A member's sign-ups on their timeline: signed up, checked in, completed.</summary>
internal sealed class SignupTimelineSource : IMemberTimelineSource
{
    public async Task<int> CountAsync(PortalDbContext db, int memberId, CancellationToken ct)
    {
        var signups = Signups(db, memberId);
        return await signups.CountAsync(ct)
            + await signups.CountAsync(s => s.CheckedInAt != null, ct)
            + await signups.CountAsync(s => s.CompletedAt != null, ct);
    }

    public async Task<IReadOnlyList<TimelineEntry>> NewestAsync(PortalDbContext db, int memberId, int window, CancellationToken ct)
    {
        var signups = Signups(db, memberId);
        // Text is the activity's name today; ActorName who entered it (null: the person, on the public page).
        var activities = db.Set<Activity>();
        var entries = new List<TimelineEntry>();
        entries.AddRange(await signups.OrderByDescending(s => s.CreatedAt).Take(window)
            .Select(s => new TimelineEntry(s.CreatedAt, TimelineKind.SignedUp, s.Id, s.CreatedByName,
                activities.Where(a => a.Id == s.ActivityId).Select(a => a.Name).FirstOrDefault(), null, null, null, null, null, null, null, false))
            .ToListAsync(ct));
        entries.AddRange(await signups.Where(s => s.CheckedInAt != null).OrderByDescending(s => s.CheckedInAt).Take(window)
            .Select(s => new TimelineEntry(s.CheckedInAt!.Value, TimelineKind.CheckedIn, s.Id, s.CheckedInByName,
                activities.Where(a => a.Id == s.ActivityId).Select(a => a.Name).FirstOrDefault(), null, null, null, null, null, null, null, false))
            .ToListAsync(ct));
        entries.AddRange(await signups.Where(s => s.CompletedAt != null).OrderByDescending(s => s.CompletedAt).Take(window)
            .Select(s => new TimelineEntry(s.CompletedAt!.Value, TimelineKind.Completed, s.Id, s.CompletedByName,
                activities.Where(a => a.Id == s.ActivityId).Select(a => a.Name).FirstOrDefault(), null, null, null, null, null, null, null, false))
            .ToListAsync(ct));
        return entries;
    }

    private static IQueryable<ActivitySignup> Signups(PortalDbContext db, int memberId) =>
        db.Set<ActivitySignup>().AsNoTracking().Where(s => s.MemberId == memberId);
}
