using CommunityPortal.Data;
using CommunityPortal.Features.Matrix;
using CommunityPortal.Features.Sop.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CommunityPortal.Features.Sop.Assignment;

/// <summary>Applies a plan to groups (named, or by rule) and takes it off again; tasks follow at once.</summary>
public sealed class SopAssignmentService(
    IDbContextFactory<PortalDbContext> dbFactory,
    SopMaterializer materializer,
    IStringLocalizer<ValidationText> shared,
    IStringLocalizer<SopText> text,
    TimeProvider clock)
{
    private IStringLocalizer<ValidationText> Messages => new FeatureValidationText<SopText>(shared, text);

    /// <summary>Adds the assignments; named groups that already have the plan are skipped. Returns the tasks made.</summary>
    public async Task<SopMaterializeResult> ApplyAsync(int planId, SopApplyInput input, string? userId, CancellationToken ct = default)
    {
        return await materializer.AfterAsync(async token =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(token);
            var plan = await db.Set<SopPlan>().Include(p => p.Assignments).FirstOrDefaultAsync(p => p.Id == planId, token)
                ?? throw new NotFoundException(text["PlanNotFound"]);
            var errors = new ValidationErrors(Messages);
            if (plan.IsTemplate)
            {
                throw new ConflictException(text["TemplateNotApplicable"]);
            }
            if (plan.Status == SopPlanStatus.Archived)
            {
                throw new ConflictException(text["PlanArchived"]);
            }
            var ids = input.GroupIds.Distinct().ToList();
            if (ids.Count == 0 && !input.IsRule)
            {
                errors.Add(nameof(input.GroupIds), "ApplyTargetRequired");
            }
            var found = await db.Set<Group>().Where(g => ids.Contains(g.Id)).Select(g => new { g.Id, g.Name, g.Status }).ToListAsync(token);
            foreach (var missing in ids.Except(found.Select(g => g.Id)))
            {
                errors.Add(nameof(input.GroupIds), "GroupNotFound", missing);
            }
            foreach (var archived in found.Where(g => g.Status == GroupStatus.Archived))
            {
                errors.Add(nameof(input.GroupIds), "GroupArchived", archived.Name);
            }
            await CheckRuleAsync(db, input, errors, token);
            errors.ThrowIfAny();
            var now = clock.GetUtcNow().UtcDateTime;
            foreach (var id in ids.Where(id => !plan.Assignments.Any(a => a.GroupId == id)))
            {
                plan.Assignments.Add(new SopAssignment { GroupId = id, CreatedAt = now, CreatedById = userId });
            }
            if (input.IsRule)
            {
                plan.Assignments.Add(new SopAssignment
                {
                    Tier = input.Tier, Lifetime = input.Lifetime, SeriesId = input.SeriesId, ActivityId = input.ActivityId,
                    Label = Text.Clean(input.Label), CreatedAt = now, CreatedById = userId,
                });
            }
            await db.SaveAsync(text["PlanConflict"], null, null, token);
        }, SopScope.ForPlan(planId), ct);
    }

    /// <summary>Takes one assignment off: its future pending tasks go, done and skipped ones stay.</summary>
    public async Task RemoveAsync(int planId, int assignmentId, CancellationToken ct = default)
    {
        await materializer.AfterAsync(async token =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(token);
            var removed = await db.Set<SopAssignment>().Where(a => a.Id == assignmentId && a.PlanId == planId).ExecuteDeleteAsync(token);
            if (removed == 0)
            {
                throw new NotFoundException(text["AssignmentNotFound"]);
            }
        }, SopScope.ForPlan(planId), ct);
    }

    private static async Task CheckRuleAsync(PortalDbContext db, SopApplyInput input, ValidationErrors errors, CancellationToken ct)
    {
        if (input.Tier is { } tier && !Enum.IsDefined(tier))
        {
            errors.Add(nameof(input.Tier), "Invalid");
        }
        if (input.Lifetime is { } lifetime && !Enum.IsDefined(lifetime))
        {
            errors.Add(nameof(input.Lifetime), "Invalid");
        }
        if (input.SeriesId is { } series && !await db.Set<Series>().AnyAsync(s => s.Id == series, ct))
        {
            errors.Add(nameof(input.SeriesId), "NotFound");
        }
        if (input.ActivityId is { } activity && !await db.Set<Activity>().AnyAsync(a => a.Id == activity, ct))
        {
            errors.Add(nameof(input.ActivityId), "NotFound");
        }
        errors.MaxLength(nameof(input.Label), Text.Clean(input.Label), Group.LabelMax);
    }
}
