using CommunityPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace CommunityPortal.Features.Members.Tags;

/// <summary>The tags of a page of members, in one query: by kind (behaviour, growth, attribute), then group and name.</summary>
internal static class MemberTagChips
{
    public static async Task<Dictionary<int, IReadOnlyList<TagChip>>> ForAsync(PortalDbContext db, IReadOnlyCollection<int> memberIds, CancellationToken ct)
    {
        var ids = memberIds.ToArray();
        var rows = await (
                from mt in db.Set<MemberTag>().AsNoTracking()
                join t in db.Set<Tag>() on mt.TagId equals t.Id
                join g in db.Set<TagGroup>() on t.TagGroupId equals g.Id
                where ids.Contains(mt.MemberId)
                select new { mt.MemberId, t.Id, t.Name, t.Colour, t.TagGroupId, g.Kind, GroupName = g.Name })
            .ToListAsync(ct);
        return rows
            .GroupBy(r => r.MemberId)
            .ToDictionary(
                g => g.Key,
                g => (IReadOnlyList<TagChip>)g.OrderBy(r => r.Kind).ThenBy(r => r.GroupName, StringComparer.Ordinal).ThenBy(r => r.Name, StringComparer.Ordinal)
                    .Select(r => new TagChip(r.Id, r.Name, r.Colour, r.TagGroupId, r.Kind)).ToList());
    }
}
