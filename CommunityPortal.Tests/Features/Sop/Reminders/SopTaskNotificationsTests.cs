using CommunityPortal.Features.Sop;
using CommunityPortal.Features.Sop.Reminders;
using CommunityPortal.Features.Sop.Tasks;
using CommunityPortal.Infrastructure.Notifications;

namespace CommunityPortal.Tests.Features.Sop.Reminders;

public sealed class SopTaskNotificationsTests : SopReminderTest
{
    [Fact]
    public async Task A_task_ticked_done_leaves_the_assignees_bell()
    {
        var owner = await UserAsync("群主", Roles.Operator);
        var task = (await OwnedTasksAsync(owner)).Single();
        var source = Source();
        var signals = new Signals();
        using var listening = signals.Listen(source, owner);
        At(task.DueAt);
        await Reminders.RunOnceAsync();
        Assert.Single((await source.GetAsync(owner.User))!);

        await Get<SopTaskService>().CompleteAsync(task.Id, new SopActor(owner.Id, "群主", false));

        Assert.Equal(2, signals.Count);
        Assert.Empty((await source.GetAsync(owner.User))!);
    }

    [Fact]
    public async Task An_overdue_task_is_flagged_once_to_managers_and_not_to_other_operators()
    {
        using var culture = new CultureScope("en");
        var owner = await UserAsync("Wang", Roles.Operator);
        var manager = await UserAsync("Li", Roles.Manager);
        var admin = await UserAsync("Zhao", Roles.Admin);
        var other = await UserAsync("Sun", Roles.Operator);
        var task = (await OwnedTasksAsync(owner)).Single();
        var people = new[] { owner, manager, admin, other };
        var sources = people.Select(_ => Source()).ToArray();
        var signals = people.Select(_ => new Signals()).ToArray();
        var listening = people.Select((p, i) => signals[i].Listen(sources[i], p)).ToList();
        async Task<IReadOnlyList<PortalNotification>> BellOf(int i) => (await sources[i].GetAsync(people[i].User))!;
        foreach (var i in Enumerable.Range(0, people.Length))
        {
            Assert.Empty(await BellOf(i));
        }

        At(task.DueAt);
        await Reminders.RunOnceAsync();
        // Overdue is strictly past the grace period (60 minutes), as the task's state says.
        At(task.DueAt.AddMinutes(60));
        Assert.Equal(new SopReminderRun(0, 0), await Reminders.RunOnceAsync());
        Assert.Equal([1, 0, 0, 0], signals.Select(s => s.Count));
        Assert.Empty(await BellOf(1));

        At(task.DueAt.AddMinutes(61));
        Assert.Equal(new SopReminderRun(0, 1), await Reminders.RunOnceAsync());
        Assert.Equal(new SopReminderRun(0, 0), await Reminders.RunOnceAsync());

        Assert.Equal([2, 1, 1, 0], signals.Select(s => s.Count));
        var flag = Assert.Single(await BellOf(1));
        Assert.Equal((SopTaskNotifications.OverdueKey(task.Id), NotificationSeverity.Warning), (flag.Key, flag.Severity));
        Assert.Equal(("Overdue: [1群] 推品", "Wang's task, due Jan 7, 09:00"), (flag.Title, flag.Text));
        Assert.Equal(flag.Key, Assert.Single(await BellOf(2)).Key);
        Assert.Empty(await BellOf(3));
        // The assignee's own reminder stays one entry, now a warning (raised again, so toasted again).
        var own = Assert.Single(await BellOf(0));
        Assert.Equal((SopTaskNotifications.DueKey(task.Id), NotificationSeverity.Warning), (own.Key, own.Severity));

        Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(NotificationSeverity.Critical, Assert.Single(await BellOf(1)).Severity);
        listening.ForEach(l => l.Dispose());
    }

    [Fact]
    public async Task A_viewer_is_never_notified_even_of_a_task_of_theirs()
    {
        var viewer = await UserAsync("只读", Roles.Viewer);
        var task = (await OwnedTasksAsync(viewer)).Single();
        At(task.DueAt.AddHours(2));

        Assert.Equal(new SopReminderRun(1, 1), await Reminders.RunOnceAsync());
        Assert.Null(await Source().GetAsync(viewer.User));
    }

    [Fact]
    public async Task The_bell_lists_the_newest_tasks_and_counts_the_rest()
    {
        using var culture = new CultureScope("zh-CN");
        var owner = await UserAsync("群主", Roles.Operator);
        var tasks = await OwnedTasksAsync(owner, groups: SopTaskNotifications.Cap + 2);
        At(tasks[0].DueAt);
        await Reminders.RunOnceAsync();

        var bell = (await Source().GetAsync(owner.User))!;

        Assert.Equal(SopTaskNotifications.Cap + 1, bell.Count);
        Assert.Equal(tasks.Select(t => t.Id).OrderDescending().Take(SopTaskNotifications.Cap).Select(SopTaskNotifications.DueKey),
            bell.Take(SopTaskNotifications.Cap).Select(n => n.Key));
        Assert.Equal((SopTaskNotifications.MoreKey, "还有 2 项 SOP 任务", "sop/calendar"), (bell[^1].Key, bell[^1].Title, bell[^1].Link));
    }
}
