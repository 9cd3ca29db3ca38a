using CommunityPortal.Common;
using CommunityPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace CommunityPortal.Features.Matrix;

/// <summary>The groups grid and the API list: server-side filters, sort and paging.</summary>
public sealed class GroupQueryService(IDbContextFactory<PortalDbContext> dbFactory)
{
    public async Task<PagedResult<GroupDto>> QueryAsync(GroupQuery query, CancellationToken ct = default)
    {
        var take = Math.Clamp(query.Take, 1, GroupQuery.MaxTake);
        var skip = Math.Max(0, query.Skip);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var groups = Filter(db.Set<Group>().AsNoTracking(), query);
        var total = await groups.CountAsync(ct);
        var items = await GroupProjection.Project(Sort(groups, query.SortBy, query.Descending).Skip(skip).Take(take)).ToListAsync(ct);
        return new PagedResult<GroupDto>(items, total, skip, take);
    }

    /// <summary>Distinct labels in use, for the label filter.</summary>
    public async Task<IReadOnlyList<string>> LabelsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // SelectMany over the JSON list needs APPLY, which SQLite lacks: read the lists and flatten them here.
        var lists = await db.Set<Group>().AsNoTracking().Select(g => g.Labels).ToListAsync(ct);
        return [.. lists.SelectMany(l => l).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    private static IQueryable<Group> Filter(IQueryable<Group> groups, GroupQuery query)
    {
        if (!query.IncludeArchived && query.Status != GroupStatus.Archived)
        {
            groups = groups.Where(g => g.Status != GroupStatus.Archived);
        }
        if (query.Status is { } status)
        {
            groups = groups.Where(g => g.Status == status);
        }
        if (query.Tier is { } tier)
        {
            groups = groups.Where(g => g.Tier == tier);
        }
        if (query.Lifetime is { } lifetime)
        {
            groups = groups.Where(g => g.Lifetime == lifetime);
        }
        if (query.ActivityId is { } activityId)
        {
            groups = groups.Where(g => g.ActivityId == activityId);
        }
        if (query.StandaloneOnly)
        {
            groups = groups.Where(g => g.ActivityId == null);
        }
        if (Text.Clean(query.OwnerEmail) is { } owner)
        {
            var normalized = owner.ToUpperInvariant();
            groups = groups.Where(g => g.Owner != null && g.Owner.NormalizedEmail == normalized);
        }
        if (Text.Clean(query.Label) is { } label)
        {
            groups = groups.Where(g => g.Labels.Contains(label));
        }
        if (Text.Clean(query.Search) is { } search)
        {
            groups = groups.Where(g => g.Name.Contains(search));
        }
        return groups;
    }

    private static IQueryable<Group> Sort(IQueryable<Group> groups, string? sortBy, bool descending)
    {
        IOrderedQueryable<Group> ordered = (sortBy?.ToLowerInvariant(), descending) switch
        {
            ("tier", false) => groups.OrderBy(g => g.Tier),
            ("tier", true) => groups.OrderByDescending(g => g.Tier),
            ("status", false) => groups.OrderBy(g => g.Status),
            ("status", true) => groups.OrderByDescending(g => g.Status),
            ("membercount", false) => groups.OrderBy(g => g.MemberCount),
            ("membercount", true) => groups.OrderByDescending(g => g.MemberCount),
            ("capacity", false) => groups.OrderBy(g => g.Capacity),
            ("capacity", true) => groups.OrderByDescending(g => g.Capacity),
            ("owner" or "owneremail", false) => groups.OrderBy(g => g.Owner!.Email),
            ("owner" or "owneremail", true) => groups.OrderByDescending(g => g.Owner!.Email),
            ("activity" or "activityname", false) => groups.OrderBy(g => g.Activity!.Name),
            ("activity" or "activityname", true) => groups.OrderByDescending(g => g.Activity!.Name),
            ("updatedat", false) => groups.OrderBy(g => g.UpdatedAt),
            ("updatedat", true) => groups.OrderByDescending(g => g.UpdatedAt),
            ("createdat", false) => groups.OrderBy(g => g.CreatedAt),
            ("createdat", true) => groups.OrderByDescending(g => g.CreatedAt),
            (_, true) => groups.OrderByDescending(g => g.Name),
            _ => groups.OrderBy(g => g.Name),
        };
        return ordered.ThenBy(g => g.Id);
    }
}
