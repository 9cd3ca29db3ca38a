using System.Linq.Expressions;
using CommunityPortal.Infrastructure.Domain;
using CommunityPortal.Infrastructure.Validation;
using CommunityPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace CommunityPortal.Features.Matrix.Groups;

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
        if (!query.IncludeArchived && query.ActivityId is null)
        {
            // As in the tree: archiving a period, series or theme puts its groups away too.
            groups = groups.Where(g => g.Activity == null
                || (g.Activity.Status != ActivityStatus.Archived && !g.Activity.Series!.IsArchived && !g.Activity.Series.Theme!.IsArchived));
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
            // Case-insensitive ("vip" finds "VIP群"); lower() on both sides works on SQLite and PostgreSQL alike.
            var lowered = search.ToLowerInvariant();
            groups = groups.Where(g => g.Name.ToLower().Contains(lowered));
        }
        return groups;
    }

    // Tier and status are stored as text: sort them in their own order (福利 → 核心 → 流通; planned → open → full → archived),
    // not alphabetically by their English names.
    private static readonly Expression<Func<Group, int>> TierOrder = g =>
        g.Tier == GroupTier.Welfare ? 0 : g.Tier == GroupTier.Core ? 1 : 2;

    private static readonly Expression<Func<Group, int>> StatusOrder = g =>
        g.Status == GroupStatus.Planned ? 0 : g.Status == GroupStatus.Open ? 1 : g.Status == GroupStatus.Full ? 2 : 3;

    private static IQueryable<Group> Sort(IQueryable<Group> groups, string? sortBy, bool descending)
    {
        IOrderedQueryable<Group> ordered = (sortBy?.ToLowerInvariant(), descending) switch
        {
            ("tier", false) => groups.OrderBy(TierOrder),
            ("tier", true) => groups.OrderByDescending(TierOrder),
            ("status", false) => groups.OrderBy(StatusOrder),
            ("status", true) => groups.OrderByDescending(StatusOrder),
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
