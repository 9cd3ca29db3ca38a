using CommunityPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace CommunityPortal.Features.Matrix.Tree;

/// <summary>The whole matrix as a tree with counts at every level, read in four queries.</summary>
public sealed class MatrixTreeService(IDbContextFactory<PortalDbContext> dbFactory)
{
    public async Task<MatrixTree> GetAsync(bool includeArchived = false, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var themes = await db.Set<Theme>().AsNoTracking().Where(t => includeArchived || !t.IsArchived)
            .OrderBy(t => t.Name).Select(t => new { t.Id, t.Name, t.IsArchived }).ToListAsync(ct);
        var series = await db.Set<Series>().AsNoTracking().Where(s => includeArchived || !s.IsArchived)
            .OrderBy(s => s.Name).Select(s => new { s.Id, s.ThemeId, s.Name, s.IsArchived }).ToListAsync(ct);
        var activities = await db.Set<Activity>().AsNoTracking().Where(a => includeArchived || a.Status != ActivityStatus.Archived)
            .OrderBy(a => a.PeriodNo).Select(a => new { a.Id, a.SeriesId, a.PeriodNo, a.Name, a.Status, a.StartDate, a.EndDate }).ToListAsync(ct);
        var groups = await db.Set<Group>().AsNoTracking().Where(g => includeArchived || g.Status != GroupStatus.Archived)
            .OrderBy(g => g.Name)
            .Select(g => new GroupLeaf(g.Id, g.ActivityId, g.Name, g.Tier, g.Status, g.MemberCount, g.Capacity))
            .ToListAsync(ct);

        var groupsByActivity = groups.Where(g => g.ActivityId != null).ToLookup(g => g.ActivityId!.Value);
        var activitiesBySeries = activities.ToLookup(a => a.SeriesId, a => new ActivityNode(
            a.Id, a.PeriodNo, a.Name, a.Status, a.StartDate, a.EndDate, [.. groupsByActivity[a.Id]]));
        var seriesByTheme = series.ToLookup(s => s.ThemeId, s => new SeriesNode(s.Id, s.Name, s.IsArchived, [.. activitiesBySeries[s.Id]]));
        var themeNodes = themes.Select(t => new ThemeNode(t.Id, t.Name, t.IsArchived, [.. seriesByTheme[t.Id]])).ToList();
        return new MatrixTree(themeNodes, [.. groups.Where(g => g.ActivityId == null)]);
    }
}
