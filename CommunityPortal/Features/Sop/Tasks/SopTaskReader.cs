using CommunityPortal.Data;
using CommunityPortal.Features.Matrix;
using CommunityPortal.Features.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommunityPortal.Features.Sop.Tasks;

/// <summary>Tasks as the calendar, the home page, the API and the feed read them (state includes Overdue).</summary>
public sealed class SopTaskReader(IDbContextFactory<PortalDbContext> dbFactory, IOptions<SopOptions> options, TimeProvider clock)
{
    public async Task<IReadOnlyList<SopTaskDto>> ListAsync(SopTaskQuery query, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var overdueBefore = now - options.Value.OverdueAfter;
        var tasks = db.Set<SopTask>().AsNoTracking().Where(t => t.DueAt >= query.From && t.DueAt < query.To);
        if (query.GroupId is { } group)
        {
            tasks = tasks.Where(t => t.GroupId == group);
        }
        if (query.PlanId is { } plan)
        {
            tasks = tasks.Where(t => t.PlanId == plan);
        }
        if (query.SeriesId is { } series)
        {
            tasks = tasks.Where(t => db.Set<Group>().Any(g => g.Id == t.GroupId && g.Activity != null && g.Activity.SeriesId == series));
        }
        if (query.ActivityId is { } activity)
        {
            tasks = tasks.Where(t => db.Set<Group>().Any(g => g.Id == t.GroupId && g.ActivityId == activity));
        }
        if (query.Assignee is { Length: > 0 } assignee)
        {
            var normalized = assignee.ToUpperInvariant();
            var id = await db.Set<ApplicationUser>().Where(u => u.Id == assignee || u.NormalizedEmail == normalized).Select(u => u.Id)
                .FirstOrDefaultAsync(ct);
            if (id is null)
            {
                // Nobody by that name or address: no tasks (not the unassigned ones, whose AssigneeId is null too).
                return [];
            }
            tasks = tasks.Where(t => t.AssigneeId == id);
        }
        tasks = query.State switch
        {
            SopTaskStatus.Done => tasks.Where(t => t.State == SopTaskState.Done),
            SopTaskStatus.Skipped => tasks.Where(t => t.State == SopTaskState.Skipped),
            SopTaskStatus.Overdue => tasks.Where(t => t.State == SopTaskState.Pending && t.DueAt < overdueBefore),
            SopTaskStatus.Pending => tasks.Where(t => t.State == SopTaskState.Pending && t.DueAt >= overdueBefore),
            _ => tasks,
        };
        var rows = await (from t in tasks
                          join g in db.Set<Group>() on t.GroupId equals g.Id
                          join p in db.Set<SopPlan>() on t.PlanId equals p.Id
                          join u in db.Set<ApplicationUser>() on t.AssigneeId equals u.Id into us
                          from u in us.DefaultIfEmpty()
                          orderby t.DueAt, t.Id
                          select new { Task = t, Group = g.Name, Plan = p.Name, Email = u != null ? u.Email : null, Name = u != null ? u.DisplayName ?? u.Email : null })
            .Take(Math.Clamp(query.Take, 1, SopTaskQuery.MaxTake)).ToListAsync(ct);
        return [.. rows.Select(r => ToDto(r.Task, r.Group, r.Plan, r.Email, r.Name, now, options.Value.OverdueAfter))];
    }

    public async Task<SopTaskDto?> FindAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await (from t in db.Set<SopTask>().AsNoTracking()
                         where t.Id == id
                         join g in db.Set<Group>() on t.GroupId equals g.Id
                         join p in db.Set<SopPlan>() on t.PlanId equals p.Id
                         join u in db.Set<ApplicationUser>() on t.AssigneeId equals u.Id into us
                         from u in us.DefaultIfEmpty()
                         select new { Task = t, Group = g.Name, Plan = p.Name, Email = u != null ? u.Email : null, Name = u != null ? u.DisplayName ?? u.Email : null })
            .FirstOrDefaultAsync(ct);
        return row is null ? null : ToDto(row.Task, row.Group, row.Plan, row.Email, row.Name, clock.GetUtcNow().UtcDateTime, options.Value.OverdueAfter);
    }

    private static SopTaskDto ToDto(SopTask t, string group, string plan, string? email, string? name, DateTime now, TimeSpan grace) =>
        new(t.Id, t.PlanId, plan, t.PlanVersion, t.GroupId, group, t.DueAt, t.OccursOn, t.Title, t.Content, t.ImageUrl, t.LinkUrl, t.AssigneeId,
            email, name, t.StatusAt(now, grace), t.DoneAt, t.DoneByName, t.SkipReason, t.Version, t.UpdatedAt);
}
