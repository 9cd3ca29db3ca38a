using Bunit;
using CommunityPortal.Components.Shared;
using CommunityPortal.Features.Matrix;

namespace CommunityPortal.Tests.Features.Sop.Calendar;

public sealed class SopGroupPanelTests : SopCalendarTest
{
    private IRenderedComponent<Slot> GroupPage(int groupId) =>
        Render<Slot>(p => p.Add(s => s.Name, MatrixSlots.GroupPage).Add(s => s.Parameters, new Dictionary<string, object> { ["GroupId"] = groupId }));

    [Fact]
    public async Task The_group_page_shows_the_groups_next_five_tasks_its_last_30_days_and_the_way_to_its_calendar()
    {
        using var culture = Chinese();
        var group = await GroupAsync("甲群", await PersonAsync("小王"));
        var other = await GroupAsync("乙群", await PersonAsync("小李"));
        await DailyPlanAsync([group.Id, other.Id], ("09:00", "早安", "早"), ("21:00", "晚安", "晚"));
        var first = await TasksOnAsync(7, group.Id);
        var second = await TasksOnAsync(8, group.Id);
        Clock.SetUtcNow(new DateTimeOffset(Local(7, 9, 30)));
        await Tasks.CompleteAsync(first[0].Id, Manager);                 // on time
        Clock.SetUtcNow(new DateTimeOffset(Local(8, 12, 0)));
        await Tasks.SkipAsync(second[0].Id, "停推", Manager);           // skipped; 7 Jan 21:00 left: overdue

        var panel = GroupPage(group.Id).WaitForElement("[data-testid=sop-group-panel]");

        var next = panel.QuerySelectorAll("[data-testid=sop-group-task]");
        Assert.Equal(5, next.Length);
        Assert.Equal(second[1].Id.ToString(), next[0].GetAttribute("data-task"));
        Assert.Contains("1月8日 周二 21:00", next[0].TextContent);
        Assert.Equal($"sop/calendar?group={group.Id}&assignee=all&date=2030-01-08&task={second[1].Id}", next[0].GetAttribute("href"));
        Assert.Equal("33%", panel.QuerySelector("[data-testid=sop-group-ontime] dd")!.TextContent.Replace(" ", ""));
        Assert.Equal("1", panel.QuerySelector("[data-testid=sop-group-skipped] dd")!.TextContent);
        Assert.Equal("1", panel.QuerySelector("[data-testid=sop-group-overdue] dd")!.TextContent);
        Assert.Equal($"sop/calendar?group={group.Id}&assignee=all", panel.QuerySelector("[data-testid=sop-group-calendar]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task A_group_without_plans_says_so()
    {
        using var culture = Chinese();
        var group = await GroupAsync("甲群");

        var panel = GroupPage(group.Id).WaitForElement("[data-testid=sop-group-panel]");

        Assert.Contains("未来 14 天没有待办任务", panel.QuerySelector("[data-testid=sop-group-no-next]")!.TextContent);
        Assert.Contains("近 30 天还没有到期的任务", panel.QuerySelector("[data-testid=sop-group-no-stats]")!.TextContent);
    }
}
