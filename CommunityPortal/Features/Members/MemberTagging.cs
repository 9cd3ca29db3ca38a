using CommunityPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace CommunityPortal.Features.Members;

/// <summary>
/// Puts a tag on members and takes it off, each change with its timeline event, inside the caller's unit of work.
/// Works on one chunk of member ids (the callers chunk big selections); members that no longer exist are skipped.
/// </summary>
internal static class MemberTagging
{
    public const int ChunkSize = 1000;

    /// <summary>Adds the tag where it is missing; returns how many members got it.</summary>
    public static async Task<int> AddAsync(PortalDbContext db, IReadOnlyCollection<int> memberIds, (int Id, string Name) tag,
        MemberActor actor, TagSource source, DateTime at, CancellationToken ct)
    {
        var ids = memberIds.Distinct().ToArray();
        var missing = await db.Set<Member>()
            .Where(m => ids.Contains(m.Id) && !db.Set<MemberTag>().Any(t => t.MemberId == m.Id && t.TagId == tag.Id))
            .Select(m => m.Id).ToListAsync(ct);
        if (missing.Count == 0)
        {
            return 0;
        }
        var now = DateTime.UtcNow;
        foreach (var memberId in missing)
        {
            db.Add(new MemberTag
            {
                MemberId = memberId, TagId = tag.Id, AddedAt = at, AddedById = actor.StoredId, AddedByName = actor.StoredName, Source = source,
            });
            db.Add(Event(memberId, MemberEventKind.TagAdded, tag, actor, at, now));
        }
        await db.SaveChangesAsync(ct);
        return missing.Count;
    }

    /// <summary>Removes the tag where it is present; returns how many members lost it.</summary>
    public static async Task<int> RemoveAsync(PortalDbContext db, IReadOnlyCollection<int> memberIds, (int Id, string Name) tag,
        MemberActor actor, DateTime at, CancellationToken ct)
    {
        var ids = memberIds.Distinct().ToArray();
        var present = await db.Set<MemberTag>().Where(t => t.TagId == tag.Id && ids.Contains(t.MemberId)).Select(t => t.MemberId).ToArrayAsync(ct);
        if (present.Length == 0)
        {
            return 0;
        }
        await db.Set<MemberTag>().Where(t => t.TagId == tag.Id && present.Contains(t.MemberId)).ExecuteDeleteAsync(ct);
        var now = DateTime.UtcNow;
        foreach (var memberId in present)
        {
            db.Add(Event(memberId, MemberEventKind.TagRemoved, tag, actor, at, now));
        }
        await db.SaveChangesAsync(ct);
        return present.Length;
    }

    private static MemberEvent Event(int memberId, MemberEventKind kind, (int Id, string Name) tag, MemberActor actor, DateTime at, DateTime now) => new()
    {
        MemberId = memberId, Kind = kind, At = at, RecordedAt = now, ActorId = actor.StoredId, ActorName = actor.StoredName,
        TagId = tag.Id, Detail = tag.Name,
    };
}
