using CommunityPortal.Data;
using CommunityPortal.Features.Matrix.Activities;
using CommunityPortal.Features.Matrix.Groups;
using CommunityPortal.Features.Sop;
using CommunityPortal.Features.Sop.Plans;
using CommunityPortal.Features.Sop.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPortal.Tests.Features.Sop.Tasks;

public sealed class SopMaterializerTests : SopTest
{
    [Fact]
    public async Task A_daily_plan_makes_the_horizon_of_tasks_from_the_time_it_was_applied_and_a_second_run_makes_none()
    {
        var (_, _, groups) = await ActivityAsync(new DateOnly(2030, 1, 7), "一群", "二群");
        var plan = await PlanAsync(SopPlanKind.Daily, Step("07:00", "早安"), Step("09:00", "推品"));

        var first = await Assignments.ApplyAsync(plan.Id, new SopApplyInput { GroupIds = [.. groups] }, null);
        // Applied at 08:00 on day 1: the 07:00 step starts the next day; 14 days of two steps, less one, per group.
        Assert.Equal(2 * (14 * 2 - 1), first.Created);
        var second = await Materializer.RunAsync(SopScope.All);
        Assert.Equal(new SopMaterializeResult(0, 0, 0), second);
        Assert.Equal(54, await Database.CountAsync<SopTask>());
        var tasks = await TasksAsync(groups[0]);
        Assert.Equal(Local(7, 9), tasks[0].DueAt);
        Assert.Equal(Local(8, 7), tasks[1].DueAt);
        Assert.Equal(new DateOnly(2030, 1, 20), tasks[^1].OccursOn);
    }

    [Fact]
    public async Task A_run_asked_for_while_a_plan_is_being_applied_waits_so_the_apply_counts_the_tasks_it_made()
    {
        var (_, _, groups) = await ActivityAsync(new DateOnly(2030, 1, 7), "一群");
        var plan = await PlanAsync(SopPlanKind.Daily, Step("09:00", "推品"));
        var committing = new TaskCompletionSource();
        var release = new TaskCompletionSource();

        var apply = Materializer.AfterAsync(async ct =>
        {
            committing.SetResult();
            await release.Task;
            await using var db = await Get<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(ct);
            db.Add(new SopAssignment { PlanId = plan.Id, GroupId = groups[0], CreatedAt = Clock.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync(ct);
        }, SopScope.ForPlan(plan.Id));
        await committing.Task;
        var background = Materializer.RunAsync(SopScope.ForGroups([.. groups]));
        Assert.False(background.IsCompleted);
        release.SetResult();

        Assert.Equal(14, (await apply).Created);
        Assert.Equal(new SopMaterializeResult(0, 0, 0), await background);
    }

    [Fact]
    public async Task A_relative_plan_counts_days_from_the_groups_opening_and_the_horizon_moves_with_the_clock()
    {
        var (_, activity, groups) = await ActivityAsync(new DateOnly(2030, 1, 8), "开群一");
        var plan = await PlanAsync(SopPlanKind.Relative, Step("10:00", "欢迎"), Step("20:00", "打卡", offset: 1), Step("20:00", "颁奖", offset: 20));
        await Assignments.ApplyAsync(plan.Id, new SopApplyInput { ActivityId = activity }, null);

        var tasks = await TasksAsync(groups[0], days: 60);
        Assert.Equal([Local(8, 10), Local(9, 20)], tasks.Select(t => t.DueAt));

        // Twelve days on, the day-20 step (28 January) comes inside the horizon.
        Clock.Advance(TimeSpan.FromDays(12));
        await Materializer.RunAsync(SopScope.All);
        tasks = await TasksAsync(groups[0], days: 60);
        Assert.Equal(Local(28, 20), tasks[^1].DueAt);
    }

    [Fact]
    public async Task A_weekly_plan_falls_on_its_weekdays_only()
    {
        var group = await GroupAsync("周群");
        var plan = await PlanAsync(SopPlanKind.Weekly, Step("20:00", "活动", days: [DayOfWeek.Wednesday, DayOfWeek.Saturday]));
        await Assignments.ApplyAsync(plan.Id, new SopApplyInput { GroupIds = [group.Id] }, null);

        var days = (await TasksAsync(group.Id)).Select(t => t.OccursOn.Day).ToList();
        Assert.Equal([9, 12, 16, 19], days);
    }

    [Fact]
    public async Task Content_is_rendered_for_each_group()
    {
        using (var scope = Database.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<CommunityPortal.Features.Users.Manage.UserAdminService>().CreateAsync(
                new CommunityPortal.Features.Users.Manage.NewUserInput { Email = "op@example.cn", DisplayName = "小王", Password = "secret-2026", Role = Roles.Operator });
        }
        var (_, activity, _) = await ActivityAsync(new DateOnly(2030, 1, 7));
        var group = await GroupAsync("好物1群", activity, ownerEmail: "op@example.cn");
        var plan = await PlanAsync(SopPlanKind.Daily, Step("21:00", "{group}晚安", "{date}，{series}·{activity}，群主{owner}，报名{signupUrl}。"));
        await Assignments.ApplyAsync(plan.Id, new SopApplyInput { GroupIds = [group.Id] }, null);

        var task = (await TasksAsync(group.Id))[0];
        Assert.Equal("好物1群晚安", task.Title);
        Assert.Equal("1月7日，好物系列·第一期，群主小王，报名。", task.Content);
        Assert.Equal("op@example.cn", task.AssigneeEmail);
    }

    [Fact]
    public async Task Editing_a_plan_moves_future_pending_tasks_and_leaves_done_ones_with_their_version()
    {
        var group = await GroupAsync("编辑群");
        var plan = await PlanAsync(SopPlanKind.Daily, Step("09:00", "推品", "旧文案"), Step("12:00", "话题"));
        await Assignments.ApplyAsync(plan.Id, new SopApplyInput { GroupIds = [group.Id] }, null);
        var first = (await TasksAsync(group.Id))[0];
        await Get<SopTaskService>().CompleteAsync(first.Id, new SopActor("u", "经理", CanManage: true));
        Clock.Advance(TimeSpan.FromHours(2)); // 10:00 on day 1

        var steps = plan.Steps.Select(SopPlanReader.ToInput).ToList();
        steps[0].Time = "09:30";
        steps[0].Content = "新文案";
        steps.RemoveAt(1);
        await Plans.UpdateAsync(plan.Id, new SopPlanInput { Name = plan.Name, Kind = plan.Kind, Steps = steps }, plan.Version, null);

        var tasks = await TasksAsync(group.Id);
        var done = Assert.Single(tasks, t => t.State == SopTaskStatus.Done);
        Assert.Equal(("旧文案", 1, Local(7, 9)), (done.Content, done.PlanVersion, done.DueAt));
        var future = tasks.Where(t => t.State != SopTaskStatus.Done).ToList();
        Assert.Equal(13, future.Count);
        Assert.All(future, t => Assert.Equal(("新文案", 2, 9, 30), (t.Content, t.PlanVersion, PortalTime.ToLocal(t.DueAt).Hour, PortalTime.ToLocal(t.DueAt).Minute)));
        // The 12:00 step of day 1 was still ahead: it went with the step.
        Assert.DoesNotContain(tasks, t => t.Title == "话题");
    }

    [Fact]
    public async Task Archiving_a_group_or_the_plan_removes_future_pending_tasks_only()
    {
        var group = await GroupAsync("归档群", status: CommunityPortal.Features.Matrix.GroupStatus.Open);
        var other = await GroupAsync("留下群");
        var plan = await PlanAsync(SopPlanKind.Daily, Step("09:00", "推品"));
        await Assignments.ApplyAsync(plan.Id, new SopApplyInput { GroupIds = [group.Id, other.Id] }, null);
        var first = (await TasksAsync(group.Id))[0];
        await Get<SopTaskService>().SkipAsync(first.Id, "群里在做活动", new SopActor("u", "经理", CanManage: true));

        using (var scope = Database.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<GroupService>().ArchiveAsync(group.Id);
        }
        await Materializer.RunAsync(SopScope.ForGroups([group.Id]));
        Assert.Equal([SopTaskStatus.Skipped], (await TasksAsync(group.Id)).Select(t => t.State));
        Assert.Equal(14, (await TasksAsync(other.Id)).Count);

        await Plans.ArchiveAsync(plan.Id);
        Assert.Empty(await TasksAsync(other.Id));
        Assert.Single(await TasksAsync(group.Id));
    }

    [Fact]
    public async Task A_rule_takes_groups_created_later_including_those_copied_from_the_previous_period()
    {
        var (series, _, groups) = await ActivityAsync(new DateOnly(2030, 1, 7), "第一期群");
        var plan = await PlanAsync(SopPlanKind.Relative, Step("10:00", "欢迎"));
        await Assignments.ApplyAsync(plan.Id, new SopApplyInput { SeriesId = series }, null);
        Assert.Single(await TasksAsync(groups[0]));

        int copied;
        using (var scope = Database.Services.CreateScope())
        {
            var next = await scope.ServiceProvider.GetRequiredService<ActivityService>().CopyPreviousAsync(series);
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
            copied = await db.Set<CommunityPortal.Features.Matrix.Group>().Where(g => g.ActivityId == next.Id).Select(g => g.Id).SingleAsync();
        }
        await Materializer.RunAsync(SopScope.ForGroups([copied]));
        var task = Assert.Single(await TasksAsync(copied));
        Assert.Equal("欢迎", task.Title);
    }
}
