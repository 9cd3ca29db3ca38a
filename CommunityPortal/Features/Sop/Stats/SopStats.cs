using CommunityPortal.Data;
using CommunityPortal.Features.Matrix;
using CommunityPortal.Features.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommunityPortal.Features.Sop.Stats;

public enum SopStatsBy
{
    Group,
    Assignee,
    Plan,
}

/// <summary>
/// Completion of tasks that were due in a period, for one group, assignee or plan. OnTimeRate = done on time / due
/// (done, skipped or overdue); null when nothing was due. Pending tasks not yet overdue count in none of them.
/// </summary>
public sealed record SopCompletion(string Key, string Name, int Due, int DoneOnTime, int DoneLate, int Skipped, int Overdue)
{
    public double? OnTimeRate => Due == 0 ? null : (double)DoneOnTime / Due;
}

/// <summary>Completion figures (on the plan and group pages, and for the live indices).</summary>
public sealed class SopStats(IDbContextFactory<PortalDbContext> dbFactory, IOptions<SopOptions> options, TimeProvider clock)
{
    /// <param name="days">The period: tasks due in the last <paramref name="days"/> days up to now.</param>
    public async Task<IReadOnlyList<SopCompletion>> CompletionAsync(SopStatsBy by, int days = 30, int? planId = null, int? groupId = null,
        CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var grace = options.Value.OverdueAfter;
        var overdueBefore = now - grace;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var tasks = db.Set<SopTask>().AsNoTracking().Where(t => t.DueAt >= now.AddDays(-days) && t.DueAt < now);
        if (planId is { } plan)
        {
            tasks = tasks.Where(t => t.PlanId == plan);
        }
        if (groupId is { } group)
        {
            tasks = tasks.Where(t => t.GroupId == group);
        }
        // Per task, its key and its outcome; counted here (a few thousand rows a month per key at most).
        var rows = await tasks.Select(t => new
        {
            Key = by == SopStatsBy.Group ? t.GroupId.ToString() : by == SopStatsBy.Plan ? t.PlanId.ToString() : t.AssigneeId ?? "",
            t.State, t.DueAt, t.DoneAt,
        }).ToListAsync(ct);
        var names = await NamesAsync(db, by, rows.Select(r => r.Key).Distinct().ToList(), ct);
        return [.. rows.GroupBy(r => r.Key).Select(g => new SopCompletion(g.Key, names.GetValueOrDefault(g.Key, g.Key),
                Due: g.Count(r => r.State != SopTaskState.Pending || r.DueAt < overdueBefore),
                DoneOnTime: g.Count(r => r.State == SopTaskState.Done && r.DoneAt <= r.DueAt + grace),
                DoneLate: g.Count(r => r.State == SopTaskState.Done && r.DoneAt > r.DueAt + grace),
                Skipped: g.Count(r => r.State == SopTaskState.Skipped),
                Overdue: g.Count(r => r.State == SopTaskState.Pending && r.DueAt < overdueBefore)))
            .OrderBy(c => c.OnTimeRate ?? 2).ThenBy(c => c.Name)];
    }

    private static async Task<Dictionary<string, string>> NamesAsync(PortalDbContext db, SopStatsBy by, List<string> keys, CancellationToken ct)
    {
        var ids = keys.Select(k => int.TryParse(k, out var id) ? id : 0).ToList();
        return by switch
        {
            SopStatsBy.Group => await db.Set<Group>().Where(g => ids.Contains(g.Id)).ToDictionaryAsync(g => g.Id.ToString(), g => g.Name, ct),
            SopStatsBy.Plan => await db.Set<SopPlan>().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id.ToString(), p => p.Name, ct),
            _ => await db.Set<ApplicationUser>().Where(u => keys.Contains(u.Id))
                .ToDictionaryAsync(u => u.Id, u => u.DisplayName ?? u.Email ?? u.Id, ct),
        };
    }
}
