using CommunityPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace CommunityPortal.Features.Members.Tags;

/// <summary>How many members carry each tag: for the tags page, and for the question before a tag is deleted.</summary>
public sealed class TagUsageService(IDbContextFactory<PortalDbContext> dbFactory)
{
    /// <summary>Tag id → members carrying it; tags nobody carries are absent.</summary>
    public async Task<IReadOnlyDictionary<int, int>> MemberCountsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // One pass over the (TagId, MemberId) index.
        return await db.Set<MemberTag>().AsNoTracking()
            .GroupBy(t => t.TagId)
            .Select(g => new { TagId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.TagId, g => g.Count, ct);
    }

    public async Task<int> MemberCountAsync(int tagId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<MemberTag>().CountAsync(t => t.TagId == tagId, ct);
    }
}
