using CommunityPortal.Data;
using CommunityPortal.Features.LiveCodes.Alerts;
using CommunityPortal.Features.Matrix;
using CommunityPortal.Features.Matrix.Groups;
using Microsoft.EntityFrameworkCore;

namespace CommunityPortal.Features.LiveCodes.Routing;

/// <summary>
/// What the pool editor offers and warns about: the open groups that can still be added (never one already in the
/// pool), and the pool groups whose threshold would send more people than they have seats for (the health panel's
/// rule, read from the same routing memory).
/// </summary>
public sealed class PoolAdvisor(IDbContextFactory<PortalDbContext> dbFactory, GroupQueryService groups, ILiveCodeRoutingState routing)
{
    public const int CandidateCount = 20;

    /// <summary>Open groups whose name contains <paramref name="search"/>, by name, leaving out the code's pool.</summary>
    public async Task<IReadOnlyList<GroupDto>> CandidatesAsync(int liveCodeId, string? search, CancellationToken ct = default)
    {
        HashSet<int> inPool;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            inPool = [.. await db.Set<LiveCodePoolEntry>().AsNoTracking().Where(e => e.LiveCodeId == liveCodeId)
                .Select(e => e.GroupId).ToListAsync(ct)];
        }
        // The group search is the matrix's own (archived periods left out); asking for the pool's size more is enough to
        // fill the list after leaving the pool out (a pool holds at most LiveCode.MaxPoolSize groups).
        var page = await groups.QueryAsync(new GroupQuery
        {
            Search = search, Status = GroupStatus.Open, SortBy = "name", Take = CandidateCount + inPool.Count,
        }, ct);
        return [.. page.Items.Where(g => !inPool.Contains(g.Id)).Take(CandidateCount)];
    }

    /// <summary>Per pool group, the warning that its threshold exceeds the seats it has left (absent when it fits).</summary>
    public IReadOnlyDictionary<int, LiveCodeAlert> RoomWarnings(int liveCodeId, string name)
    {
        if (routing.Find(liveCodeId)?.Router is not { } router)
        {
            return new Dictionary<int, LiveCodeAlert>();
        }
        var warnings = new Dictionary<int, LiveCodeAlert>();
        foreach (var group in router.Pool)
        {
            if (LiveCodeAlertRules.RoomAlert(group, router.AssignedTo(group.GroupId), liveCodeId, name) is { } alert)
            {
                warnings[group.GroupId] = alert;
            }
        }
        return warnings;
    }
}
