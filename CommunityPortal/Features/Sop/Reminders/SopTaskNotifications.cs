using System.Security.Claims;
using CommunityPortal.Data;
using CommunityPortal.Features.Matrix;
using CommunityPortal.Features.Users;
using CommunityPortal.Infrastructure.Notifications;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CommunityPortal.Features.Sop.Reminders;

/// <summary>
/// SOP tasks in the top-bar bell (ADR 032), as long as they are pending: an operator's own tasks once reminded (due now;
/// a warning once flagged overdue), and for managers every task flagged overdue (critical after a day). The marks
/// come from <see cref="SopReminderService"/>; a task ticked done or skipped leaves the bell. Viewers, who tick
/// nothing, are not notified. The newest <see cref="Cap"/> are listed, and one more entry counts the rest.
/// </summary>
public sealed class SopTaskNotifications(
    IDbContextFactory<PortalDbContext> dbFactory,
    SopReminderSignals signals,
    IAuthorizationService authorization,
    IStringLocalizer<SopText> text,
    TimeProvider clock) : INotificationSource
{
    public const string Source = "sop";
    public const int Cap = 20;
    public static readonly TimeSpan CriticalAfter = TimeSpan.FromDays(1);

    /// <summary>Stable per task and kind: the bell toasts a reminder once, and an overdue flag once more.</summary>
    public static string DueKey(int taskId) => $"task-{taskId}-due";

    public static string OverdueKey(int taskId) => $"task-{taskId}-overdue";

    public const string MoreKey = "more";

    public static string Link(int taskId) => $"sop/calendar?task={taskId}";

    public async Task<IReadOnlyList<PortalNotification>?> GetAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (UserId(user) is not { } me || !await AllowsAsync(user, Policies.Edit))
        {
            return null;
        }
        var manages = await AllowsAsync(user, Policies.Manage);
        signals.Remember(me, manages);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // DueAt <= now bounds the scan of the (DueAt, State) index: marked tasks are all due.
        var tasks = db.Set<SopTask>().AsNoTracking().Where(t => t.State == SopTaskState.Pending && t.DueAt <= now
            && ((t.AssigneeId == me && t.RemindedAt != null) || (manages && t.OverdueNotifiedAt != null)));
        var rows = await (from t in tasks
                          join g in db.Set<Group>() on t.GroupId equals g.Id
                          join u in db.Set<ApplicationUser>() on t.AssigneeId equals u.Id into us
                          from u in us.DefaultIfEmpty()
                          orderby t.DueAt descending, t.Id descending
                          select new Row(t.Id, t.Title, g.Name, t.DueAt, t.AssigneeId, u != null ? u.DisplayName ?? u.Email : null,
                              t.OverdueNotifiedAt != null))
            .Take(Cap + 1).ToListAsync(ct);
        var list = rows.Take(Cap).Select(r => manages && r.Flagged ? Overdue(r, now) : Due(r)).ToList();
        if (rows.Count > Cap)
        {
            list.Add(More(await tasks.CountAsync(ct) - Cap));
        }
        return list;
    }

    public IDisposable Subscribe(ClaimsPrincipal user, Action changed) =>
        UserId(user) is { } id ? signals.Subscribe(id, changed) : new NoSubscription();

    private PortalNotification Due(Row r) =>
        new(DueKey(r.Id), Source, r.Flagged ? NotificationSeverity.Warning : NotificationSeverity.Info,
            text["Notify.Due.Title", r.Group, r.Title], text["Notify.Due.Text", PortalTime.ToLocal(r.DueAt)], Link(r.Id), Utc(r.DueAt));

    private PortalNotification Overdue(Row r, DateTime now) =>
        new(OverdueKey(r.Id), Source, now - r.DueAt > CriticalAfter ? NotificationSeverity.Critical : NotificationSeverity.Warning,
            text["Notify.Overdue.Title", r.Group, r.Title],
            r.AssigneeName is { } name ? text["Notify.Overdue.Text", name, PortalTime.ToLocal(r.DueAt)] : text["Notify.Overdue.Unassigned", PortalTime.ToLocal(r.DueAt)],
            Link(r.Id), Utc(r.DueAt));

    // Listed last (the oldest time): it stands for the older ones left out.
    private PortalNotification More(int count) =>
        new(MoreKey, Source, NotificationSeverity.Info, text["Notify.More.Title", count], text["Notify.More.Text"], "sop/calendar",
            DateTimeOffset.MinValue);

    private async Task<bool> AllowsAsync(ClaimsPrincipal user, string policy) =>
        (await authorization.AuthorizeAsync(user, policy)).Succeeded;

    private static string? UserId(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);

    private static DateTimeOffset Utc(DateTime at) => new(DateTime.SpecifyKind(at, DateTimeKind.Utc));

    private sealed record Row(int Id, string Title, string Group, DateTime DueAt, string? AssigneeId, string? AssigneeName, bool Flagged);

    private sealed class NoSubscription : IDisposable
    {
        public void Dispose()
        {
        }
    }
}
