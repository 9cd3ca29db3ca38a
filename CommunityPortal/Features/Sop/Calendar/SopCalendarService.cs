using CommunityPortal.Components.Shared.Calendar;
using CommunityPortal.Data;
using CommunityPortal.Features.Matrix;
using CommunityPortal.Features.Sop.Stats;
using CommunityPortal.Features.Sop.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommunityPortal.Features.Sop.Calendar;

/// <summary>A calendar's items, and when the first of its pending tasks turns overdue (the page reloads then: no event says so).</summary>
public sealed record SopCalendarItems(IReadOnlyList<CalendarItem> Items, DateTime? TurnsOverdueAt);

/// <summary>A task with its group's owner, who may tick it besides its assignee.</summary>
public sealed record SopTaskView(SopTaskDto Task, string? GroupOwnerId);

/// <summary>Someone's tasks of today: how many are still to do, done, overdue (and skipped), and the next one due.</summary>
public sealed record SopDaySummary(int ToDo, int Done, int Overdue, int Skipped, SopTaskDto? Next)
{
    public bool IsEmpty => ToDo + Done + Overdue + Skipped == 0;
}

/// <summary>A group's next tasks and how its tasks went over the last <see cref="SopCalendarService.StatsDays"/> days.</summary>
public sealed record SopGroupSummary(IReadOnlyList<SopTaskDto> Next, SopCompletion? Completion);

/// <summary>What the calendar page, the task details, the home card and the group panel read (SopTaskReader and SopStats underneath).</summary>
public sealed class SopCalendarService(
    IDbContextFactory<PortalDbContext> dbFactory,
    SopTaskReader reader,
    SopStats stats,
    IOptions<SopOptions> options,
    TimeProvider clock)
{
    public const int GroupNextCount = 5;
    public const int GroupLookAheadDays = 14;
    public const int StatsDays = 30;

    /// <summary>The tasks in the days a calendar shows, as its items (wall-clock, toned by state, the group below the title).</summary>
    public async Task<SopCalendarItems> ItemsAsync(SopCalendarFilter filter, CalendarRange range, SopViewer viewer, CancellationToken ct = default)
    {
        var tasks = await reader.ListAsync(filter.ToQuery(range, viewer), ct);
        var turns = tasks.Where(t => t.State == SopTaskStatus.Pending).Select(t => (DateTime?)(t.DueAt + options.Value.OverdueAfter)).Min();
        return new SopCalendarItems([.. tasks.Select(SopTaskLabels.Item)], turns);
    }

    public async Task<SopTaskView?> FindAsync(int id, CancellationToken ct = default)
    {
        if (await reader.FindAsync(id, ct) is not { } task)
        {
            return null;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var owner = await db.Set<Group>().Where(g => g.Id == task.GroupId).Select(g => g.OwnerId).FirstOrDefaultAsync(ct);
        return new SopTaskView(task, owner);
    }

    /// <summary>The tasks assigned to <paramref name="userId"/> due today (the team's day).</summary>
    public async Task<SopDaySummary> TodayAsync(string userId, CancellationToken ct = default)
    {
        var today = PortalTime.ToLocal(clock.GetUtcNow().UtcDateTime).Date;
        var tasks = await reader.ListAsync(new SopTaskQuery(PortalTime.ToUtc(today), PortalTime.ToUtc(today.AddDays(1))) { Assignee = userId }, ct);
        int Count(SopTaskStatus state) => tasks.Count(t => t.State == state);
        // The next to do; once every one still open is late, the earliest of those.
        var next = tasks.FirstOrDefault(t => t.State == SopTaskStatus.Pending) ?? tasks.FirstOrDefault(t => t.State == SopTaskStatus.Overdue);
        return new SopDaySummary(Count(SopTaskStatus.Pending), Count(SopTaskStatus.Done), Count(SopTaskStatus.Overdue), Count(SopTaskStatus.Skipped), next);
    }

    public async Task<SopGroupSummary> GroupAsync(int groupId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var next = await reader.ListAsync(new SopTaskQuery(now, now.AddDays(GroupLookAheadDays))
        {
            GroupId = groupId, State = SopTaskStatus.Pending, Take = GroupNextCount,
        }, ct);
        var completion = await stats.CompletionAsync(SopStatsBy.Group, StatsDays, groupId: groupId, ct: ct);
        return new SopGroupSummary(next, completion.FirstOrDefault());
    }
}
