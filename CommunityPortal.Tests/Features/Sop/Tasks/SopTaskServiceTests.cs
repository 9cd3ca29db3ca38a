using CommunityPortal.Features.Sop;
using CommunityPortal.Features.Sop.Tasks;
using CommunityPortal.Features.Users.Manage;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPortal.Tests.Features.Sop.Tasks;

public sealed class SopTaskServiceTests : SopTest
{
    private SopTaskService Tasks => Get<SopTaskService>();

    private async Task<(SopTaskDto Task, string OwnerId)> OwnedTaskAsync()
    {
        string ownerId;
        using (var scope = Database.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserAdminService>();
            ownerId = (await users.CreateAsync(new NewUserInput { Email = "owner@example.cn", DisplayName = "群主", Password = "secret-2026", Role = Roles.Operator })).Id;
        }
        var group = await GroupAsync("群", ownerEmail: "owner@example.cn");
        var plan = await PlanAsync(SopPlanKind.Daily, Step("09:00", "推品"));
        await Assignments.ApplyAsync(plan.Id, new SopApplyInput { GroupIds = [group.Id] }, null);
        return ((await TasksAsync(group.Id))[0], ownerId);
    }

    [Fact]
    public async Task The_owner_ticks_a_task_once_and_ticking_again_changes_nothing()
    {
        var (task, owner) = await OwnedTaskAsync();
        Assert.Equal(owner, task.AssigneeId);
        var done = await Tasks.CompleteAsync(task.Id, new SopActor(owner, "群主", false));
        Clock.Advance(TimeSpan.FromMinutes(5));
        var again = await Tasks.CompleteAsync(task.Id, new SopActor(owner, "群主", false));
        var skipped = await Tasks.SkipAsync(task.Id, "重复", new SopActor(owner, "群主", false));

        Assert.Equal(SopTaskStatus.Done, done.State);
        Assert.Equal((done.DoneAt, "群主", SopTaskStatus.Done), (again.DoneAt, again.DoneBy, skipped.State));
        Assert.Single(Database.Published<SopTaskSettled>(), e => e.OnTime);
    }

    [Fact]
    public async Task Another_operator_may_not_tick_it_but_a_manager_may()
    {
        var (task, _) = await OwnedTaskAsync();
        await Assert.ThrowsAsync<ForbiddenActionException>(() => Tasks.CompleteAsync(task.Id, new SopActor("someone-else", "小李", false)));
        Assert.Equal(SopTaskStatus.Pending, (await Reader.FindAsync(task.Id))!.State);
        Assert.Equal(SopTaskStatus.Skipped, (await Tasks.SkipAsync(task.Id, "今天停推", new SopActor("boss", "经理", true))).State);
    }

    [Fact]
    public async Task A_skip_needs_a_reason_and_an_untouched_task_turns_overdue_after_the_grace_period()
    {
        var (task, owner) = await OwnedTaskAsync();
        using (new CultureScope("zh-CN"))
        {
            var ex = await Assert.ThrowsAsync<PortalValidationException>(() => Tasks.SkipAsync(task.Id, " ", new SopActor(owner, "群主", false)));
            Assert.Contains("跳过原因", ex.Errors["Reason"][0]);
        }
        Clock.SetUtcNow(new DateTimeOffset(task.DueAt).AddMinutes(59));
        Assert.Equal(SopTaskStatus.Pending, (await Reader.FindAsync(task.Id))!.State);
        Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(SopTaskStatus.Overdue, (await Reader.FindAsync(task.Id))!.State);
        var late = await Tasks.CompleteAsync(task.Id, new SopActor(owner, "群主", false));
        Assert.Equal(SopTaskStatus.Done, late.State);
        Assert.Single(Database.Published<SopTaskSettled>(), e => !e.OnTime);
    }

    [Fact]
    public async Task Asking_for_an_unknown_persons_tasks_finds_none_not_the_unassigned_ones()
    {
        var group = await GroupAsync("无主群");
        var plan = await PlanAsync(SopPlanKind.Daily, Step("09:00", "推品"));
        await Assignments.ApplyAsync(plan.Id, new SopApplyInput { GroupIds = [group.Id] }, null);
        var range = new SopTaskQuery(SopDatabase.Start.UtcDateTime, SopDatabase.Start.UtcDateTime.AddDays(30));

        Assert.Equal(14, (await Reader.ListAsync(range)).Count(t => t.AssigneeId is null));
        Assert.Empty(await Reader.ListAsync(range with { Assignee = "nobody@example.cn" }));
    }
}
