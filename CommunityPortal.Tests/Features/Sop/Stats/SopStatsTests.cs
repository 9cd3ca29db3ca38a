using CommunityPortal.Features.Sop;
using CommunityPortal.Features.Sop.Stats;
using CommunityPortal.Features.Sop.Tasks;

namespace CommunityPortal.Tests.Features.Sop.Stats;

public sealed class SopStatsTests : SopTest
{
    [Fact]
    public async Task On_time_rate_counts_due_tasks_per_group_and_per_plan()
    {
        var a = await GroupAsync("甲群");
        var b = await GroupAsync("乙群");
        var plan = await PlanAsync(SopPlanKind.Daily, Step("09:00", "推品"), Step("21:00", "总结"));
        await Assignments.ApplyAsync(plan.Id, new SopApplyInput { GroupIds = [a.Id, b.Id] }, null);
        var manager = new SopActor("boss", "经理", true);
        var tasks = Get<SopTaskService>();
        var firstDay = (await TasksAsync()).Where(t => t.OccursOn.Day == 7).ToList();

        Clock.SetUtcNow(new DateTimeOffset(Local(7, 9, 30)));
        await tasks.CompleteAsync(firstDay.Single(t => t.GroupId == a.Id && t.Title == "推品").Id, manager);     // on time
        Clock.SetUtcNow(new DateTimeOffset(Local(7, 23, 0)));
        await tasks.CompleteAsync(firstDay.Single(t => t.GroupId == a.Id && t.Title == "总结").Id, manager);     // late
        await tasks.SkipAsync(firstDay.Single(t => t.GroupId == b.Id && t.Title == "推品").Id, "停推", manager); // skipped
        // 乙群's 21:00 task was left: overdue since 22:00.

        var byGroup = await Get<SopStats>().CompletionAsync(SopStatsBy.Group);
        var first = byGroup.Single(c => c.Name == "甲群");
        Assert.Equal((2, 1, 1, 0, 0, 0.5), (first.Due, first.DoneOnTime, first.DoneLate, first.Skipped, first.Overdue, first.OnTimeRate));
        var second = byGroup.Single(c => c.Name == "乙群");
        Assert.Equal((2, 0, 1, 1, 0.0), (second.Due, second.DoneOnTime, second.Skipped, second.Overdue, second.OnTimeRate));

        Clock.SetUtcNow(new DateTimeOffset(Local(8, 0, 30)));
        var byPlan = Assert.Single(await Get<SopStats>().CompletionAsync(SopStatsBy.Plan));
        Assert.Equal((plan.Name, 4, 1, 1), (byPlan.Name, byPlan.Due, byPlan.Overdue, byPlan.DoneOnTime));
    }
}
