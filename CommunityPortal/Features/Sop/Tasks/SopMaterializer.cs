using System.Globalization;
using CommunityPortal.Data;
using CommunityPortal.Features.Sop.Plans;
using CommunityPortal.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommunityPortal.Features.Sop.Tasks;

/// <summary>Which plans and groups a run looks at (null: all).</summary>
public sealed record SopScope(IReadOnlyCollection<int>? PlanIds, IReadOnlyCollection<int>? GroupIds)
{
    public static readonly SopScope All = new(null, null);

    public static SopScope ForPlan(int planId) => new([planId], null);

    public static SopScope ForGroups(IReadOnlyCollection<int> groupIds) => new(null, groupIds);
}

public sealed record SopMaterializeResult(int Created, int Updated, int Removed);

/// <summary>
/// Brings tasks in line with plans over the rolling horizon (today … today + HorizonDays − 1, team time zone): makes
/// missing tasks, updates future pending ones whose step or group changed, removes future pending ones nothing asks
/// for any more (step removed, plan archived, group archived or no longer matched). Done and skipped tasks, and tasks
/// already due, are never touched. Idempotent: (plan, group, step, day) is unique, and runs in this process never overlap.
/// </summary>
public sealed class SopMaterializer(
    IDbContextFactory<PortalDbContext> dbFactory,
    SopGroupDirectory directory,
    IOptions<SopOptions> options,
    IDomainEventPublisher events,
    TimeProvider clock,
    ILogger<SopMaterializer> logger)
{
    private const int Chunk = 2_000;
    private readonly SemaphoreSlim _gate = new(1, 1);

    public Task<SopMaterializeResult> RunAsync(SopScope scope, CancellationToken ct = default) => RunAsync(null, scope, ct);

    /// <summary>
    /// Commits a change (a plan applied, edited, archived…) and reconciles its scope under the same gate, so no other run
    /// in this process can make the change's tasks in between and the result counts what the change made.
    /// </summary>
    public Task<SopMaterializeResult> AfterAsync(Func<CancellationToken, Task> change, SopScope scope, CancellationToken ct = default) =>
        RunAsync(change, scope, ct);

    private async Task<SopMaterializeResult> RunAsync(Func<CancellationToken, Task>? change, SopScope scope, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            if (change is not null)
            {
                await change(ct);
            }
            var result = await ReconcileAsync(scope, ct);
            if (result != new SopMaterializeResult(0, 0, 0))
            {
                if (logger.IsEnabled(LogLevel.Information))
                {
                    logger.LogInformation("SOP tasks: {Created} made, {Updated} updated, {Removed} removed", result.Created, result.Updated, result.Removed);
                }
                events.Publish([new SopTasksChanged(scope.PlanIds, scope.GroupIds)]);
            }
            return result;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<SopMaterializeResult> ReconcileAsync(SopScope scope, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(PortalTime.ToLocal(now));
        var last = today.AddDays(options.Value.HorizonDays - 1);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.ChangeTracker.AutoDetectChangesEnabled = false;

        var plans = db.Set<SopPlan>().AsNoTracking().Where(p => !p.IsTemplate && p.Status == SopPlanStatus.Active);
        if (scope.PlanIds is { } planIds)
        {
            plans = plans.Where(p => planIds.Contains(p.Id));
        }
        var active = await plans.Include(p => p.Assignments).ToListAsync(ct);
        var activeIds = active.Select(p => p.Id).ToList();
        var steps = (await db.Set<SopPlanVersion>().AsNoTracking()
                .Where(v => activeIds.Contains(v.PlanId) && db.Set<SopPlan>().Any(p => p.Id == v.PlanId && p.CurrentVersion == v.Number))
                .Include(v => v.Steps).ToListAsync(ct))
            .ToDictionary(v => v.PlanId, v => (IReadOnlyList<SopStep>)[.. v.Steps.OrderBy(s => s.Position)]);
        var groups = await directory.LoadAsync(db, scope.GroupIds, ct);

        var wanted = new Dictionary<(int Plan, int Group, string Step, DateOnly Day), SopTask>();
        foreach (var plan in active)
        {
            var culture = CultureInfo.GetCultureInfo(plan.Culture ?? PortalCultures.Default);
            foreach (var group in groups)
            {
                // From when the plan applies to this group: when it was applied, or (a rule) when the group came, if later.
                var starts = plan.Assignments.Where(group.Matches).Select(a => a.IsRule ? Max(a.CreatedAt, group.CreatedAt) : a.CreatedAt).ToList();
                if (starts.Count == 0)
                {
                    continue;
                }
                var from = starts.Min();
                foreach (var o in SopSchedule.Occurrences(plan.Kind, steps.GetValueOrDefault(plan.Id, []), today, last, group.OpeningDay, PortalTime.Zone))
                {
                    if (o.DueAt >= from)
                    {
                        wanted[(plan.Id, group.Id, o.Step.Key, o.OccursOn)] = Render(plan, group, o, culture);
                    }
                }
            }
        }

        var existing = db.Set<SopTask>().AsNoTracking().Where(t => t.OccursOn >= today || (t.State == SopTaskState.Pending && t.DueAt >= now));
        if (scope.PlanIds is { } scopedPlans)
        {
            existing = existing.Where(t => scopedPlans.Contains(t.PlanId));
        }
        if (scope.GroupIds is { } scopedGroups)
        {
            existing = existing.Where(t => scopedGroups.Contains(t.GroupId));
        }
        var updated = new List<SopTask>();
        var removed = new List<int>();
        foreach (var task in await existing.ToListAsync(ct))
        {
            var key = (task.PlanId, task.GroupId, task.StepKey, task.OccursOn);
            var editable = task.State == SopTaskState.Pending && task.DueAt >= now;
            if (wanted.Remove(key, out var want))
            {
                if (editable && Differs(task, want))
                {
                    Copy(want, task);
                    updated.Add(task);
                }
            }
            else if (editable)
            {
                removed.Add(task.Id);
            }
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var chunk in removed.Chunk(Chunk))
        {
            await db.Set<SopTask>().Where(t => chunk.Contains(t.Id) && t.State == SopTaskState.Pending).ExecuteDeleteAsync(ct);
        }
        foreach (var chunk in updated.Chunk(Chunk))
        {
            db.UpdateRange(chunk);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        await BatchInsert.InsertAllAsync(db, wanted.Values, ct);
        await transaction.CommitAsync(ct);
        return new(wanted.Count, updated.Count, removed.Count);
    }

    private static SopTask Render(SopPlan plan, SopGroup group, SopOccurrence o, CultureInfo culture)
    {
        var values = new SopPlaceholderValues(group.Name, group.Activity, group.Series, group.LiveCodeUrl, group.SignupUrl, o.OccursOn, group.Owner);
        return new SopTask
        {
            PlanId = plan.Id,
            PlanVersion = plan.CurrentVersion,
            StepKey = o.Step.Key,
            GroupId = group.Id,
            OccursOn = o.OccursOn,
            DueAt = o.DueAt,
            Title = Limit(SopPlaceholders.Render(o.Step.Title, values, culture), SopStep.TitleMax),
            Content = Limit(SopPlaceholders.Render(o.Step.Content, values, culture), SopStep.ContentMax * 2),
            ImageUrl = o.Step.ImageUrl,
            LinkUrl = o.Step.LinkUrl,
            AssigneeId = o.Step.AssigneeMode == SopAssigneeMode.GroupOwner ? group.OwnerId : o.Step.AssigneeId,
        };
    }

    private static bool Differs(SopTask task, SopTask want) =>
        task.PlanVersion != want.PlanVersion || task.DueAt != want.DueAt || task.Title != want.Title || task.Content != want.Content
        || task.ImageUrl != want.ImageUrl || task.LinkUrl != want.LinkUrl || task.AssigneeId != want.AssigneeId;

    private static void Copy(SopTask from, SopTask to)
    {
        if (to.DueAt != from.DueAt)
        {
            // A moved task is reminded again at its new time.
            to.RemindedAt = null;
            to.OverdueNotifiedAt = null;
        }
        to.PlanVersion = from.PlanVersion;
        to.DueAt = from.DueAt;
        to.Title = from.Title;
        to.Content = from.Content;
        to.ImageUrl = from.ImageUrl;
        to.LinkUrl = from.LinkUrl;
        to.AssigneeId = from.AssigneeId;
    }

    private static string Limit(string value, int max) => value.Length <= max ? value : value[..max];

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;
}
