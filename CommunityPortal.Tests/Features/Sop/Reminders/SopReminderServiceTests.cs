using CommunityPortal.Data;
using CommunityPortal.Features.Sop;
using CommunityPortal.Features.Sop.Reminders;
using CommunityPortal.Infrastructure.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace CommunityPortal.Tests.Features.Sop.Reminders;

public sealed class SopReminderServiceTests : SopReminderTest
{
    [Fact]
    public async Task Nothing_is_sent_before_due_time_and_at_due_time_the_assignee_is_reminded_once()
    {
        using var culture = new CultureScope("zh-CN");
        var owner = await UserAsync("群主", Roles.Operator);
        var task = (await OwnedTasksAsync(owner)).Single();
        var source = Source();
        var signals = new Signals();
        using var listening = signals.Listen(source, owner);

        At(task.DueAt.AddSeconds(-1));
        Assert.Equal(new SopReminderRun(0, 0), await Reminders.RunOnceAsync());
        Assert.Empty((await source.GetAsync(owner.User))!);
        Assert.Equal(0, signals.Count);

        At(task.DueAt);
        Assert.Equal(new SopReminderRun(1, 0), await Reminders.RunOnceAsync());
        Assert.Equal(1, signals.Count);
        var reminder = Assert.Single((await source.GetAsync(owner.User))!);
        Assert.Equal((SopTaskNotifications.DueKey(task.Id), NotificationSeverity.Info, $"sop/calendar?task={task.Id}"),
            (reminder.Key, reminder.Severity, reminder.Link));
        Assert.Equal(("到点了：[1群] 推品", "09:00 到期，点开查看内容并复制"), (reminder.Title, reminder.Text));

        Clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(new SopReminderRun(0, 0), await Reminders.RunOnceAsync());
        Assert.Equal(1, signals.Count);
        Assert.Equal(reminder, Assert.Single((await source.GetAsync(owner.User))!));
    }

    [Fact]
    public async Task After_a_restart_no_reminder_is_marked_or_signalled_again()
    {
        var owner = await UserAsync("群主", Roles.Operator);
        var task = (await OwnedTasksAsync(owner)).Single();
        At(task.DueAt);
        Assert.Equal(new SopReminderRun(1, 0), await Reminders.RunOnceAsync());

        // A new process over the same database: its own service and its own open bells.
        Clock.Advance(TimeSpan.FromMinutes(2));
        using var restartedSignals = new SopReminderSignals(Get<DomainEventBus>(), NullLogger<SopReminderSignals>.Instance);
        var signalled = 0;
        using var listening = restartedSignals.Subscribe(owner.Id, () => signalled++);
        var restarted = ActivatorUtilities.CreateInstance<SopReminderService>(Database.Services, restartedSignals);

        Assert.Equal(new SopReminderRun(0, 0), await restarted.RunOnceAsync());
        Assert.Equal(0, signalled);
        await using var db = Database.CreateDbContext();
        Assert.Equal(task.DueAt, (await db.Set<SopTask>().SingleAsync(t => t.Id == task.Id)).RemindedAt);
    }

    [Fact]
    public async Task Two_instances_at_the_same_moment_mark_and_signal_each_reminder_once()
    {
        var owner = await UserAsync("群主", Roles.Operator);
        var tasks = await OwnedTasksAsync(owner, groups: 2);
        At(tasks[0].DueAt);
        var signals = new Signals();
        using var listening = signals.Listen(Source(), owner);

        // The first instance has read the due tasks; before it marks them, the second instance reads and marks them.
        SopReminderRun? second = null;
        var race = new Meanwhile("SET \"RemindedAt\"", async () => second = await Reminders.RunOnceAsync());
        var first = await new InterceptedDbContextFactory(Database, race).Service<SopReminderService>().RunOnceAsync();
        await race.Other;

        Assert.True(race.Fired);
        Assert.Equal((0, 2), (first.Reminded, second!.Reminded));
        Assert.Equal(1, signals.Count);
        Assert.Equal(2, await Database.CountAsync<SopTask>(q => q.Where(t => t.RemindedAt != null)));
    }

    [Fact]
    public async Task A_later_step_of_the_day_waits_for_its_own_time()
    {
        var owner = await UserAsync("群主", Roles.Operator);
        var later = (await OwnedTasksAsync(owner, 1, Step("09:00", "推品"), Step("10:00", "话题"))).Single(t => t.Title == "话题");

        At(later.DueAt.AddMinutes(-30));
        Assert.Equal(new SopReminderRun(1, 0), await Reminders.RunOnceAsync());
        Assert.Equal(0, await Database.CountAsync<SopTask>(q => q.Where(t => t.Id == later.Id && t.RemindedAt != null)));

        At(later.DueAt);
        Assert.Equal(new SopReminderRun(1, 0), await Reminders.RunOnceAsync());
        Assert.Equal(2, await Database.CountAsync<SopTask>(q => q.Where(t => t.RemindedAt != null)));
    }

    [Fact]
    public async Task The_service_reminds_as_soon_as_it_starts()
    {
        var owner = await UserAsync("群主", Roles.Operator);
        var task = (await OwnedTasksAsync(owner)).Single();
        At(task.DueAt.AddMinutes(5));
        var signalled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var listening = Source().Subscribe(owner.User, () => signalled.TrySetResult());

        await Reminders.StartAsync(CancellationToken.None);
        try
        {
            await signalled.Task.WaitAsync(TimeSpan.FromSeconds(10));
        }
        finally
        {
            await Reminders.StopAsync(CancellationToken.None);
        }
        Assert.Equal(1, await Database.CountAsync<SopTask>(q => q.Where(t => t.RemindedAt != null)));
    }
}
