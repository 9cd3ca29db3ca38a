using CommunityPortal.Data;
using CommunityPortal.Features.Matrix;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CommunityPortal.Features.Sop.Tasks;

/// <summary>
/// Ticks tasks done or skipped. Operators tick their own tasks and their groups' tasks; managers and admins any.
/// Doing it twice changes nothing (the first answer stands); a task is settled once.
/// </summary>
public sealed class SopTaskService(
    IDbContextFactory<PortalDbContext> dbFactory,
    SopTaskReader reader,
    IOptions<SopOptions> options,
    IStringLocalizer<ValidationText> shared,
    IStringLocalizer<SopText> text,
    TimeProvider clock)
{
    private IStringLocalizer<ValidationText> Messages => new FeatureValidationText<SopText>(shared, text);

    public Task<SopTaskDto> CompleteAsync(int id, SopActor actor, CancellationToken ct = default) =>
        SettleAsync(id, actor, SopTaskState.Done, null, ct);

    public Task<SopTaskDto> SkipAsync(int id, string? reason, SopActor actor, CancellationToken ct = default)
    {
        var cleaned = Text.Clean(reason);
        var errors = new ValidationErrors(Messages);
        errors.Required("Reason", cleaned, SopTask.SkipReasonMax);
        errors.ThrowIfAny();
        return SettleAsync(id, actor, SopTaskState.Skipped, cleaned, ct);
    }

    /// <summary>Whether the actor may tick this task (pages hide the buttons otherwise).</summary>
    public static bool MayTick(SopActor actor, string? assigneeId, string? groupOwnerId) =>
        actor.CanManage || actor.UserId == assigneeId || actor.UserId == groupOwnerId;

    private async Task<SopTaskDto> SettleAsync(int id, SopActor actor, SopTaskState state, string? reason, CancellationToken ct)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var row = await (from t in db.Set<SopTask>()
                             where t.Id == id
                             join g in db.Set<Group>() on t.GroupId equals g.Id
                             select new { Task = t, g.OwnerId }).FirstOrDefaultAsync(ct)
                ?? throw new NotFoundException(text["TaskNotFound"]);
            var task = row.Task;
            if (!MayTick(actor, task.AssigneeId, row.OwnerId))
            {
                throw new ForbiddenActionException(text["NotYourTask"]);
            }
            if (task.State == SopTaskState.Pending)
            {
                var now = clock.GetUtcNow().UtcDateTime;
                task.State = state;
                task.DoneAt = now;
                task.DoneById = actor.UserId;
                task.DoneByName = actor.Name;
                task.SkipReason = reason;
                task.Raise(new SopTaskSettled(task.Id, task.PlanId, task.GroupId, task.AssigneeId, state,
                    state == SopTaskState.Done && now <= task.DueAt + options.Value.OverdueAfter));
                try
                {
                    await db.SaveChangesAsync(ct);
                }
                catch (DbUpdateConcurrencyException)
                {
                    // Someone ticked it at the same moment: theirs stands, and so does this answer's outcome (settled).
                }
            }
        }
        return await reader.FindAsync(id, ct) ?? throw new NotFoundException(text["TaskNotFound"]);
    }
}
