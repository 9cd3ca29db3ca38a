using CommunityPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace CommunityPortal.Features.Members.Profile;

/// <summary>The full phone numbers of a page of members, for API callers who may see them (the list itself masks them).</summary>
public sealed class MemberContactReader(IDbContextFactory<PortalDbContext> dbFactory)
{
    public async Task<Dictionary<int, string?>> PhonesAsync(IReadOnlyCollection<int> memberIds, CancellationToken ct = default)
    {
        if (memberIds.Count == 0)
        {
            return [];
        }
        var ids = memberIds.ToArray();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<Member>().AsNoTracking().Where(m => ids.Contains(m.Id)).Select(m => new { m.Id, m.Phone })
            .ToDictionaryAsync(m => m.Id, m => m.Phone, ct);
    }
}
