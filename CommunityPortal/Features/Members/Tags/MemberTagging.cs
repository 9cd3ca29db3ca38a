using CommunityPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace CommunityPortal.Features.Members.Tags;

/// <summary>
/// Puts a tag on members and takes it off, each change with its timeline event, inside the caller's transaction.
/// Works on one chunk of member ids (the callers chunk big selections); members that no longer exist are skipped.
/// Rows are written with prepared INSERTs, not tracked entities: a bulk change on 100,000 members holds the
/// database's write lock for seconds, and every second counts for the scans waiting behind it.
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
        await using (var tags = BatchInsert.Prepare(db, "MemberTags", "MemberId", "TagId", "AddedAt", "AddedById", "AddedByName", "Source"))
        {
            foreach (var memberId in missing)
            {
                await tags.RunAsync(ct, memberId, tag.Id, at, actor.StoredId, actor.StoredName, source);
            }
        }
        await WriteEventsAsync(db, missing, MemberEventKind.TagAdded, tag, actor, at, now, ct);
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
        await WriteEventsAsync(db, present, MemberEventKind.TagRemoved, tag, actor, at, DateTime.UtcNow, ct);
        return present.Length;
    }

    private static async Task WriteEventsAsync(PortalDbContext db, IEnumerable<int> memberIds, MemberEventKind kind, (int Id, string Name) tag,
        MemberActor actor, DateTime at, DateTime now, CancellationToken ct)
    {
        await using var events = BatchInsert.Prepare(db, "MemberEvents", "MemberId", "Kind", "At", "RecordedAt", "ActorId", "ActorName", "TagId", "Detail");
        foreach (var memberId in memberIds)
        {
            await events.RunAsync(ct, memberId, kind, at, now, actor.StoredId, actor.StoredName, tag.Id, tag.Name);
        }
    }
}
