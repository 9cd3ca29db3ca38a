using CommunityPortal.Infrastructure.Domain;
using CommunityPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace CommunityPortal.Features.Members.Blacklist;

/// <summary>One row of the blacklist page: who, why, by whom and when.</summary>
public sealed record BlacklistRow(int Id, int MemberNo, string Nickname, string? RemarkName, string? Reason, string? ByName, DateTime? At);

/// <summary>The blacklist page's list: blacklisted members, most recently blacklisted first.</summary>
public sealed class BlacklistQueryService(IDbContextFactory<PortalDbContext> dbFactory)
{
    public const int MaxTake = 100;

    public async Task<PagedResult<BlacklistRow>> ListAsync(int skip = 0, int take = 20, CancellationToken ct = default)
    {
        take = Math.Clamp(take, 1, MaxTake);
        skip = Math.Max(0, skip);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // The (Status, MemberNo) index finds them; blacklists stay small next to the member table, so the sort is cheap.
        var blacklisted = db.Set<Member>().AsNoTracking().Where(m => m.Status == MemberStatus.Blacklisted);
        var total = await blacklisted.CountAsync(ct);
        var rows = await blacklisted
            .OrderByDescending(m => m.BlacklistedAt).ThenByDescending(m => m.MemberNo)
            .Skip(skip).Take(take)
            .Select(m => new BlacklistRow(m.Id, m.MemberNo, m.Nickname, m.RemarkName, m.BlacklistReason, m.BlacklistedByName, m.BlacklistedAt))
            .ToListAsync(ct);
        return new PagedResult<BlacklistRow>(rows, total, skip, take);
    }
}
