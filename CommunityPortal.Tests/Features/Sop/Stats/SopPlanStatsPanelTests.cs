using Bunit;
using CommunityPortal.Features.Sop.Stats;
using CommunityPortal.Tests.Features.Sop.Calendar;

namespace CommunityPortal.Tests.Features.Sop.Stats;

public sealed class SopPlanStatsPanelTests : SopCalendarTest
{
    [Fact]
    public async Task The_plan_page_shows_its_on_time_rate_and_the_same_per_person_and_per_group()
    {
        using var culture = Chinese();
        var group = await GroupAsync("甲群", await PersonAsync("小王"));
        var other = await GroupAsync("乙群", await PersonAsync("小李"));
        var plan = await DailyPlanAsync([group.Id, other.Id], ("09:00", "早安", "早"));
        var mine = await TasksOnAsync(7, group.Id);
        var theirs = await TasksOnAsync(7, other.Id);
        Clock.SetUtcNow(new DateTimeOffset(Local(7, 9, 30)));
        await Tasks.CompleteAsync(mine[0].Id, Manager);                // on time
        Clock.SetUtcNow(new DateTimeOffset(Local(7, 12, 0)));          // 乙群's 09:00 left: overdue

        var panel = Render<SopPlanStatsPanel>(p => p.Add(x => x.PlanId, plan.Id));

        panel.WaitForAssertion(() => Assert.Equal("50%", panel.Find("[data-testid=sop-plan-ontime] dd").TextContent.Replace(" ", "")));
        Assert.Equal("1", panel.Find("[data-testid=sop-plan-overdue] dd").TextContent);
        var rows = panel.Find("[data-testid=sop-plan-by-assignee]").QuerySelectorAll("[data-testid=completion-row]");
        // Worst first: 小李 left his task, 小王 did his on time.
        Assert.Equal(["小李", "小王"], rows.Select(r => r.QuerySelector("td")!.TextContent));
        Assert.Equal("0%", rows[0].QuerySelectorAll("td")[1].TextContent.Replace(" ", ""));
        Assert.NotNull(theirs);
    }

    [Fact]
    public async Task A_plan_nothing_was_due_for_says_so()
    {
        using var culture = Chinese();
        var group = await GroupAsync("甲群");
        var plan = await DailyPlanAsync([group.Id], ("21:00", "晚安", "晚"));

        var panel = Render<SopPlanStatsPanel>(p => p.Add(x => x.PlanId, plan.Id));

        panel.WaitForAssertion(() => Assert.Contains("近 30 天还没有到期的任务", panel.Find("[data-testid=sop-plan-no-stats]").TextContent));
    }
}
