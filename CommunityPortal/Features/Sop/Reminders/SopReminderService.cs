using System.Linq.Expressions;
using System.Threading.Channels;
using CommunityPortal.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.Extensions.Options;

namespace CommunityPortal.Features.Sop.Reminders;

/// <summary>What one run marked: tasks whose assignee was reminded, and tasks flagged overdue to managers.</summary>
public sealed record SopReminderRun(int Reminded, int Flagged);

/// <summary>
/// Reminds assignees when their pending tasks fall due, and flags pending tasks to managers once they are overdue
/// (OverdueAfterMinutes past due). A reminder is a mark on the task (RemindedAt, OverdueNotifiedAt) set by a conditional
/// update, so each is sent once whatever restarts and instances do; the bell lists what is marked
/// (<see cref="SopTaskNotifications"/>) and open bells of the users concerned are told at once. Runs at start, every
/// ReminderPollSeconds, and sooner when a task falls due before that or tasks were made.
/// </summary>
public sealed class SopReminderService(
    IDbContextFactory<PortalDbContext> dbFactory,
    SopReminderSignals signals,
    DomainEventBus events,
    IOptions<SopOptions> options,
    TimeProvider clock,
    ILogger<SopReminderService> logger) : BackgroundService
{
    private const int Chunk = 500;
    private static readonly TimeSpan MinimumWait = TimeSpan.FromSeconds(1);

    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public async Task<SopReminderRun> RunOnceAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        // Overdue as SopTask.StatusAt says it: strictly past due plus the grace period.
        var overdueBefore = now - options.Value.OverdueAfter;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var reminded = await MarkAsync(db, t => t.RemindedAt == null && t.DueAt <= now,
            set => set.SetProperty(t => t.RemindedAt, now), managers: false, ct);
        var flagged = await MarkAsync(db, t => t.OverdueNotifiedAt == null && t.DueAt < overdueBefore,
            set => set.SetProperty(t => t.OverdueNotifiedAt, now), managers: true, ct);
        if ((reminded > 0 || flagged > 0) && logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation("SOP reminders: {Reminded} due, {Flagged} overdue", reminded, flagged);
        }
        return new(reminded, flagged);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // New tasks may fall due before the next poll.
        using var subscription = events.Subscribe(e =>
        {
            if (e is SopTasksChanged)
            {
                _wake.Writer.TryWrite(true);
            }
        });
        var poll = TimeSpan.FromSeconds(options.Value.ReminderPollSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = poll;
            try
            {
                await RunOnceAsync(stoppingToken);
                wait = await UntilNextAsync(poll, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Nothing is half-sent: an unmarked task is reminded at the next run, a marked one never again.
                logger.LogError(ex, "SOP reminders failed");
            }
            await WaitAsync(wait, stoppingToken);
        }
    }

    /// <summary>
    /// Marks the pending tasks <paramref name="due"/> selects, and tells the users concerned. The update repeats the
    /// condition: a task another instance (or this one before a restart) marked meanwhile is not marked, nor signalled, again.
    /// </summary>
    private async Task<int> MarkAsync(PortalDbContext db, Expression<Func<SopTask, bool>> due, Action<UpdateSettersBuilder<SopTask>> mark,
        bool managers, CancellationToken ct)
    {
        var tasks = db.Set<SopTask>().Where(t => t.State == SopTaskState.Pending).Where(due);
        var candidates = await tasks.AsNoTracking().OrderBy(t => t.Id).Select(t => new { t.Id, t.AssigneeId }).ToListAsync(ct);
        var marked = 0;
        foreach (var chunk in candidates.Chunk(Chunk))
        {
            var ids = chunk.Select(c => c.Id).ToList();
            // Version is left alone on purpose: a reminder is no edit, and must not fail someone ticking the task meanwhile.
            var rows = await tasks.Where(t => ids.Contains(t.Id)).ExecuteUpdateAsync(mark, ct);
            if (rows > 0)
            {
                marked += rows;
                signals.Signal([.. chunk.Select(c => c.AssigneeId).OfType<string>().Distinct()], managers);
            }
        }
        return marked;
    }

    /// <summary>Until the next task falls due or turns overdue, if that is sooner than the poll.</summary>
    private async Task<TimeSpan> UntilNextAsync(TimeSpan poll, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var grace = options.Value.OverdueAfter;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var pending = db.Set<SopTask>().AsNoTracking().Where(t => t.State == SopTaskState.Pending);
        var nextDue = await pending.Where(t => t.RemindedAt == null && t.DueAt > now).MinAsync(t => (DateTime?)t.DueAt, ct);
        var nextOverdue = await pending.Where(t => t.OverdueNotifiedAt == null && t.DueAt >= now - grace).MinAsync(t => (DateTime?)t.DueAt, ct) + grace;
        var next = new[] { nextDue, nextOverdue }.Min() is { } at ? at - now : poll;
        // At least a moment: a task exactly at its overdue boundary is flagged on the run after it.
        return next < MinimumWait ? MinimumWait : next > poll ? poll : next;
    }

    private async Task WaitAsync(TimeSpan wait, CancellationToken stoppingToken)
    {
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        // Both on the injected clock and cancelled together: no waiter outlives its turn.
        var tick = Task.Delay(wait, clock, waiting.Token);
        var woken = _wake.Reader.WaitToReadAsync(waiting.Token).AsTask();
        await Task.WhenAny(tick, woken);
        await waiting.CancelAsync();
        _wake.Reader.TryRead(out _);
    }
}
