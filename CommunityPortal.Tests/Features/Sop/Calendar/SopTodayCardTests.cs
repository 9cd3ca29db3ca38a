using Bunit;
using CommunityPortal.Components.Pages;
using CommunityPortal.Features.Sop.Calendar;

namespace CommunityPortal.Tests.Features.Sop.Calendar;

public sealed class SopTodayCardTests : SopCalendarTest
{
    [Fact]
    public async Task The_home_page_counts_my_tasks_of_today_and_links_the_next_one()
    {
        using var culture = Chinese();
        var mine = await GroupAsync("甲群", await PersonAsync("小王"));
        var theirs = await GroupAsync("乙群", await PersonAsync("小李"));
        await DailyPlanAsync([mine.Id, theirs.Id], ("09:00", "早安", "早"), ("12:00", "推品", "推"), ("15:00", "话题", "聊"), ("21:00", "晚安", "晚"));
        var today = await TasksOnAsync(7, mine.Id);
        Clock.SetUtcNow(new DateTimeOffset(Local(7, 13, 30)));
        await Tasks.CompleteAsync(today[0].Id, Manager);   // 09:00 done; 12:00 left past its hour: overdue
        SignInAsOperator("小王");

        var cut = Render<Home>();

        var card = cut.WaitForElement("[data-testid=sop-today]");
        Assert.Equal("2", card.QuerySelector("[data-testid=sop-today-todo] dd")!.TextContent);
        Assert.Equal("1", card.QuerySelector("[data-testid=sop-today-done] dd")!.TextContent);
        Assert.Equal("1", card.QuerySelector("[data-testid=sop-today-overdue] dd")!.TextContent);
        var next = card.QuerySelector("[data-testid=sop-today-next]")!;
        Assert.Equal(today[2].Id.ToString(), next.GetAttribute("data-task"));
        Assert.Contains("15:00", next.TextContent);
        Assert.Contains("话题", next.TextContent);
        Assert.Contains("甲群", next.TextContent);
        Assert.Equal($"sop/calendar?date=2030-01-07&task={today[2].Id}", next.GetAttribute("href"));
        Assert.Equal("sop/calendar", card.QuerySelector("[data-testid=sop-today-calendar]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task The_card_follows_a_tick_and_says_when_nothing_is_left()
    {
        using var culture = Chinese();
        var mine = await GroupAsync("甲群", await PersonAsync("小王"));
        await DailyPlanAsync([mine.Id], ("21:00", "晚安", "晚"));
        SignInAsOperator("小王");
        var cut = Render<Home>();
        cut.WaitForAssertion(() => Assert.Equal("1", cut.Find("[data-testid=sop-today-todo] dd").TextContent));

        await Tasks.CompleteAsync((await TasksOnAsync(7, mine.Id))[0].Id, Manager);

        cut.WaitForAssertion(() => Assert.Equal("1", cut.Find("[data-testid=sop-today-done] dd").TextContent));
        Assert.Equal("0", cut.Find("[data-testid=sop-today-todo] dd").TextContent);
        Assert.Contains("今天的任务都处理完了", cut.Find("[data-testid=sop-today-settled]").TextContent);
    }

    [Fact]
    public async Task Nothing_today_shows_the_empty_state_and_viewers_get_no_card()
    {
        using var culture = Chinese();
        await PersonAsync("小王");
        SignInAsOperator("小王");
        var cut = Render<Home>();
        Assert.Contains("今天没有分给你的任务", cut.WaitForElement("[data-testid=sop-today-empty]").TextContent);

        SignInAsViewer();
        Assert.Empty(Render<Home>().FindAll("[data-testid=sop-today]"));
    }
}
