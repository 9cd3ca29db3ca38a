using CommunityPortal.Infrastructure.Domain;
using CommunityPortal.Data;
using CommunityPortal.Features.LiveCodes;
using Microsoft.EntityFrameworkCore;

using CommunityPortal.Features.Members.Tags;
namespace CommunityPortal.Features.Members.List;

/// <summary>The member list and the API search: server-side filters (<see cref="MemberFilter"/>), sort and paging.</summary>
public sealed class MemberQueryService(IDbContextFactory<PortalDbContext> dbFactory, IActivityParticipants participants)
{
    public async Task<PagedResult<MemberRow>> QueryAsync(MemberQuery query, CancellationToken ct = default)
    {
        var take = Math.Clamp(query.Take, 1, MemberQuery.MaxTake);
        var skip = Math.Max(0, query.Skip);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var members = MemberFilters.Apply(db, db.Set<Member>().AsNoTracking(), query, participants);
        var total = await members.CountAsync(ct);
        if (total > 0 && MemberFilters.HasSetCriteria(query) && HasIndexedOrder(query.SortBy)
            && (long)total * DenseMatch >= await db.Set<Member>().CountAsync(ct))
        {
            // Many match: walking the sort's index and probing each member finds a page after a few dozen rows, where
            // the IN lists would first gather every match (tens of thousands) and sort them.
            members = MemberFilters.Apply(db, db.Set<Member>().AsNoTracking(), query, participants, probeEachMember: true);
        }
        var page = await Sort(members, query.SortBy, query.Descending).Skip(skip).Take(take)
            .Select(m => new
            {
                m.Id, m.MemberNo, m.Nickname, m.RemarkName, m.Phone, m.Gender, m.Region, m.GrowthLevel, m.Status, m.FirstChannelId,
                ChannelName = db.Set<Channel>().Where(c => c.Id == m.FirstChannelId).Select(c => c.Name).FirstOrDefault(),
                m.CreatedAt,
            })
            .ToListAsync(ct);
        var tags = await MemberTagChips.ForAsync(db, [.. page.Select(m => m.Id)], ct);
        var rows = page.Select(m => new MemberRow(
                m.Id, m.MemberNo, m.Nickname, m.RemarkName, MemberRules.MaskPhone(m.Phone), m.Gender, m.Region, m.GrowthLevel, m.Status,
                m.FirstChannelId, m.ChannelName, m.CreatedAt, tags.GetValueOrDefault(m.Id, [])))
            .ToList();
        return new PagedResult<MemberRow>(rows, total, skip, take);
    }

    /// <summary>At least one member in this many matches: a page is found sooner by walking the index than by gathering the matches.</summary>
    private const int DenseMatch = 50;

    /// <summary>How many members match: for "apply to all N members" confirmations before a bulk change.</summary>
    public async Task<int> CountAsync(MemberFilter filter, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await MemberFilters.Apply(db, db.Set<Member>().AsNoTracking(), filter, participants).CountAsync(ct);
    }

    private static bool HasIndexedOrder(string? sortBy) => sortBy?.ToLowerInvariant() is null or "" or "memberno" or "createdat";

    // Growth levels are stored as text, and the alphabet (A, C, S) is not the order people mean (S, A, C): sort by rank.
    private static IQueryable<Member> Sort(IQueryable<Member> members, string? sortBy, bool descending)
    {
        IOrderedQueryable<Member> ordered = (sortBy?.ToLowerInvariant(), descending) switch
        {
            ("nickname", false) => members.OrderBy(m => m.Nickname),
            ("nickname", true) => members.OrderByDescending(m => m.Nickname),
            ("createdat", false) => members.OrderBy(m => m.CreatedAt),
            ("createdat", true) => members.OrderByDescending(m => m.CreatedAt),
            ("growthlevel", false) => members.OrderBy(m => m.GrowthLevel == GrowthLevel.S ? 0 : m.GrowthLevel == GrowthLevel.A ? 1 : 2),
            ("growthlevel", true) => members.OrderByDescending(m => m.GrowthLevel == GrowthLevel.S ? 0 : m.GrowthLevel == GrowthLevel.A ? 1 : 2),
            ("status", false) => members.OrderBy(m => m.Status),
            ("status", true) => members.OrderByDescending(m => m.Status),
            (_, false) => members.OrderBy(m => m.MemberNo),
            _ => members.OrderByDescending(m => m.MemberNo),
        };
        return descending ? ordered.ThenByDescending(m => m.MemberNo) : ordered.ThenBy(m => m.MemberNo);
    }
}
