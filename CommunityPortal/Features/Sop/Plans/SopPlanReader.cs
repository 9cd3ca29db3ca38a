using CommunityPortal.Data;
using CommunityPortal.Features.Matrix;
using CommunityPortal.Features.Users;
using Microsoft.EntityFrameworkCore;

namespace CommunityPortal.Features.Sop.Plans;

/// <summary>Plans as the pages and the API read them.</summary>
public sealed class SopPlanReader(IDbContextFactory<PortalDbContext> dbFactory)
{
    public async Task<IReadOnlyList<SopPlanSummaryDto>> ListAsync(bool templates, bool includeArchived, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var culture = System.Globalization.CultureInfo.CurrentUICulture.Name;
        var plans = db.Set<SopPlan>().AsNoTracking().Where(p => p.IsTemplate == templates);
        if (!includeArchived)
        {
            plans = plans.Where(p => p.Status == SopPlanStatus.Active);
        }
        if (templates)
        {
            // Preloaded templates in the reader's language; templates people made themselves in every language.
            plans = plans.Where(p => p.Culture == null || p.Culture == culture);
        }
        return await plans.OrderBy(p => p.Status).ThenBy(p => p.Name)
            .Select(p => new SopPlanSummaryDto(p.Id, p.Name, p.Description, p.Kind, p.Status, p.IsTemplate, p.CurrentVersion,
                p.Versions.Where(v => v.Number == p.CurrentVersion).SelectMany(v => v.Steps).Count(), p.Assignments.Count, p.UpdatedAt))
            .ToListAsync(ct);
    }

    public async Task<SopPlanDto?> FindAsync(int id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var plan = await db.Set<SopPlan>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (plan is null)
        {
            return null;
        }
        var steps = await (from v in db.Set<SopPlanVersion>()
                           where v.PlanId == id && v.Number == plan.CurrentVersion
                           from s in v.Steps
                           join u in db.Set<ApplicationUser>() on s.AssigneeId equals u.Id into users
                           from u in users.DefaultIfEmpty()
                           orderby s.Position
                           select new { Step = s, Email = u != null ? u.Email : null, Name = u != null ? u.DisplayName ?? u.Email : null })
            .AsNoTracking().ToListAsync(ct);
        var assignments = await (from a in db.Set<SopAssignment>().AsNoTracking()
                                 where a.PlanId == id
                                 join g in db.Set<Group>() on a.GroupId equals g.Id into gs
                                 from g in gs.DefaultIfEmpty()
                                 join s in db.Set<Series>() on a.SeriesId equals s.Id into ss
                                 from s in ss.DefaultIfEmpty()
                                 join ac in db.Set<Activity>() on a.ActivityId equals ac.Id into acs
                                 from ac in acs.DefaultIfEmpty()
                                 orderby a.CreatedAt, a.Id
                                 select new SopAssignmentDto(a.Id, a.GroupId, g != null ? g.Name : null, a.Tier, a.Lifetime, a.SeriesId,
                                     s != null ? s.Name : null, a.ActivityId, ac != null ? ac.Name : null, a.Label, a.CreatedAt))
            .ToListAsync(ct);
        return new SopPlanDto(plan.Id, plan.Name, plan.Description, plan.Kind, plan.Status, plan.IsTemplate, plan.CurrentVersion,
            plan.Version, [.. steps.Select(s => ToDto(s.Step, s.Email, s.Name))], assignments, plan.UpdatedAt);
    }

    public static SopStepDto ToDto(SopStep step, string? email, string? name) =>
        new(step.Key, step.TimeOfDay.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture), SopStep.Days(step.Weekdays),
            step.DayOffset, step.Title, step.Content, step.ImageUrl, step.LinkUrl, step.AssigneeMode, step.AssigneeId, email, name);

    public static SopStepInput ToInput(SopStepDto step) => new()
    {
        Key = step.Key,
        Time = step.Time,
        Weekdays = [.. step.Weekdays],
        DayOffset = step.DayOffset,
        Title = step.Title,
        Content = step.Content,
        ImageUrl = step.ImageUrl,
        LinkUrl = step.LinkUrl,
        AssigneeMode = step.AssigneeMode,
        Assignee = step.AssigneeId,
    };
}
