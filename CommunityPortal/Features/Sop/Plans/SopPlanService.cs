using CommunityPortal.Data;
using CommunityPortal.Features.Sop.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CommunityPortal.Features.Sop.Plans;

/// <summary>
/// Plans and templates: list, read, create, edit (each edit is a new version), archive, delete. After a change the
/// plan's tasks are brought in line at once (SopMaterializer), so the calendar shows them when the dialog closes.
/// </summary>
public sealed class SopPlanService(
    IDbContextFactory<PortalDbContext> dbFactory,
    SopPlanValidator validator,
    SopPlanReader reader,
    SopMaterializer materializer,
    IStringLocalizer<SopText> text,
    TimeProvider clock)
{
    public Task<IReadOnlyList<SopPlanSummaryDto>> ListAsync(bool templates, bool includeArchived = false, CancellationToken ct = default) =>
        reader.ListAsync(templates, includeArchived, ct);

    public async Task<SopPlanDto> GetAsync(int id, CancellationToken ct = default) =>
        await reader.FindAsync(id, ct) ?? throw NotFound();

    public async Task<SopPlanDto> CreateAsync(SopPlanInput input, string? userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (name, description, steps) = await validator.ValidateAsync(db, input, ct);
        var plan = new SopPlan { Name = name, Description = description, Kind = input.Kind, CurrentVersion = 1 };
        plan.Versions.Add(new SopPlanVersion { Number = 1, CreatedAt = Now, CreatedById = userId, Steps = steps });
        db.Add(plan);
        await db.SaveAsync(text["PlanConflict"], null, null, ct);
        return await GetAsync(plan.Id, ct);
    }

    /// <summary>A new version with the input's steps; future pending tasks follow it, done and skipped ones keep theirs.</summary>
    public async Task<SopPlanDto> UpdateAsync(int id, SopPlanInput input, int expectedVersion, string? userId, CancellationToken ct = default)
    {
        await materializer.AfterAsync(async token =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(token);
            var plan = await db.Set<SopPlan>().FirstOrDefaultAsync(p => p.Id == id, token) ?? throw NotFound();
            if (plan.Version != expectedVersion)
            {
                throw new ConcurrencyConflictException(text["PlanConflict"]);
            }
            var (name, description, steps) = await validator.ValidateAsync(db, input, token);
            plan.Name = name;
            plan.Description = description;
            plan.Kind = input.Kind;
            plan.CurrentVersion++;
            db.Add(new SopPlanVersion { PlanId = plan.Id, Number = plan.CurrentVersion, CreatedAt = Now, CreatedById = userId, Steps = steps });
            await db.SaveAsync(text["PlanConflict"], null, null, token);
        }, SopScope.ForPlan(id), ct);
        return await GetAsync(id, ct);
    }

    /// <summary>Archives: no new tasks, future pending ones removed; done and skipped ones stay for the record.</summary>
    public async Task ArchiveAsync(int id, CancellationToken ct = default)
    {
        await materializer.AfterAsync(async token =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(token);
            var plan = await db.Set<SopPlan>().FirstOrDefaultAsync(p => p.Id == id, token) ?? throw NotFound();
            if (plan.Status == SopPlanStatus.Archived)
            {
                return;
            }
            plan.Status = SopPlanStatus.Archived;
            await db.SaveAsync(text["PlanConflict"], null, null, token);
        }, SopScope.ForPlan(id), ct);
    }

    public async Task RestoreAsync(int id, CancellationToken ct = default)
    {
        await materializer.AfterAsync(async token =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(token);
            var plan = await db.Set<SopPlan>().FirstOrDefaultAsync(p => p.Id == id, token) ?? throw NotFound();
            plan.Status = SopPlanStatus.Active;
            await db.SaveAsync(text["PlanConflict"], null, null, token);
        }, SopScope.ForPlan(id), ct);
    }

    /// <summary>Deletes a plan nobody has worked on yet; a plan with done or skipped tasks is archived instead. True: deleted.</summary>
    public async Task<bool> DeleteAsync(int id, CancellationToken ct = default)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var plan = await db.Set<SopPlan>().FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw NotFound();
            if (!await db.Set<SopTask>().AnyAsync(t => t.PlanId == id && t.State != SopTaskState.Pending, ct))
            {
                await db.Set<SopTask>().Where(t => t.PlanId == id).ExecuteDeleteAsync(ct);
                db.Remove(plan);
                await db.SaveAsync(text["PlanConflict"], null, null, ct);
                await transaction.CommitAsync(ct);
                return true;
            }
        }
        await ArchiveAsync(id, ct);
        return false;
    }

    /// <summary>A new plan from a template (or any plan): the same steps, named "… (copy)" unless a name is given.</summary>
    public async Task<SopPlanDto> CopyAsync(int id, string? name, string? userId, CancellationToken ct = default)
    {
        var source = await GetAsync(id, ct);
        var input = new SopPlanInput
        {
            Name = string.IsNullOrWhiteSpace(name) ? Truncate(source.IsTemplate ? source.Name : text["CopyName", source.Name]) : name,
            Description = source.Description,
            Kind = source.Kind,
            Steps = [.. source.Steps.Select(SopPlanReader.ToInput)],
        };
        return await CreateAsync(input, userId, ct);
    }

    private static string Truncate(string value) => value.Length <= SopPlan.NameMax ? value : value[..SopPlan.NameMax];

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private NotFoundException NotFound() => new(text["PlanNotFound"]);
}
