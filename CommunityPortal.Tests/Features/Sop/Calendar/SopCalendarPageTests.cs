using Bunit;
using CommunityPortal.Features.Sop;
using CommunityPortal.Features.Sop.Calendar;
using MudBlazor;

namespace CommunityPortal.Tests.Features.Sop.Calendar;

public sealed class SopCalendarPageTests : SopCalendarTest
{
    [Fact]
    public async Task An_operator_sees_their_week_with_each_state_in_its_tone_and_a_legend()
    {
        using var culture = Chinese();
        var mine = await GroupAsync("甲群", await PersonAsync("小王"));
        var theirs = await GroupAsync("乙群", await PersonAsync("小李"));
        await DailyPlanAsync([mine.Id, theirs.Id], ("09:00", "早安", "早上好"), ("21:00", "晚安", "晚安"));
        var today = await TasksOnAsync(7, mine.Id);
        await Tasks.CompleteAsync(today[0].Id, Manager);
        Clock.SetUtcNow(new DateTimeOffset(Local(7, 22, 30)));   // the 21:00 task is past its hour of grace
        SignInAsOperator("小王");
        Providers();

        var cut = Render<SopCalendarPage>();

        cut.WaitForAssertion(() => Assert.Equal(2 * 7, Shown(cut).Count));
        var shown = Shown(cut);
        Assert.Equal("cal-tone-done", shown[today[0].Id]);
        Assert.Equal("cal-tone-overdue", shown[today[1].Id]);
        Assert.Equal("cal-tone-pending", shown[(await TasksOnAsync(8, mine.Id))[0].Id]);
        Assert.DoesNotContain((await TasksOnAsync(7, theirs.Id))[0].Id, shown.Keys);
        Assert.Equal("week", cut.Find("[data-testid=calendar]").GetAttribute("data-view"));
        Assert.Equal(["待办", "已逾期", "已完成", "已跳过"], cut.FindAll("[data-testid=calendar-legend] li").Select(l => l.TextContent.Trim()));
        Assert.Contains("甲群", cut.Find($"[data-testid=calendar-hours] [data-key='{today[0].Id}']").TextContent);
    }

    [Fact]
    public async Task A_manager_sees_everyones_month_and_filters_narrow_it_through_the_address()
    {
        using var culture = Chinese();
        var (seriesId, activityId) = await ActivityAsync();
        var first = await GroupAsync("甲群", await PersonAsync("小王"), activityId);
        var second = await GroupAsync("乙群", await PersonAsync("小李"));
        await DailyPlanAsync([first.Id, second.Id], ("09:00", "早安", "早上好"));
        var done = (await TasksOnAsync(7, second.Id))[0];
        await Tasks.CompleteAsync(done.Id, Manager);
        SignInAsManager();
        Providers();

        var cut = Render<SopCalendarPage>();
        var firstIds = await IdsAsync(first.Id);
        var secondIds = await IdsAsync(second.Id);
        cut.WaitForAssertion(() => Assert.Equal([.. firstIds, .. secondIds], Shown(cut).Keys.Order()));
        Assert.Equal("month", cut.Find("[data-testid=calendar]").GetAttribute("data-view"));

        Nav.NavigateTo($"sop/calendar?group={second.Id}");
        cut.WaitForAssertion(() => Assert.Equal(secondIds, Shown(cut).Keys.Order()));
        Nav.NavigateTo($"sop/calendar?series={seriesId}");
        cut.WaitForAssertion(() => Assert.Equal(firstIds, Shown(cut).Keys.Order()));

        var state = cut.FindComponents<MudSelect<SopTaskStatus?>>().Single();
        await cut.InvokeAsync(() => state.Instance.ValueChanged.InvokeAsync(SopTaskStatus.Done));
        Assert.Contains("state=Done", Nav.Uri);
        Assert.Contains($"series={seriesId}", Nav.Uri);
        cut.WaitForAssertion(() => Assert.Empty(Shown(cut)));
        cut.Find("[data-testid=sop-filter-clear]").Click();
        cut.WaitForAssertion(() => Assert.Equal(firstIds.Count + secondIds.Count, Shown(cut).Count));
        Assert.Equal("cal-tone-done", Shown(cut)[done.Id]);
    }

    [Fact]
    public async Task The_assignee_filter_shows_one_persons_tasks_or_everyones()
    {
        var email = await PersonAsync("小王");
        var mine = await GroupAsync("甲群", email);
        var theirs = await GroupAsync("乙群", await PersonAsync("小李"));
        await DailyPlanAsync([mine.Id, theirs.Id], ("09:00", "早安", "早上好"));
        SignInAsManager();
        Providers();

        var cut = Render<SopCalendarPage>();
        var mineIds = await IdsAsync(mine.Id);
        var theirIds = await IdsAsync(theirs.Id);
        cut.WaitForAssertion(() => Assert.Equal(mineIds.Count + theirIds.Count, Shown(cut).Count));
        var assignee = cut.FindComponents<MudSelect<string>>().Single(s => s.Find("input").Id == "sop-filter-assignee");
        await cut.InvokeAsync(() => assignee.Instance.ValueChanged.InvokeAsync(email));

        cut.WaitForAssertion(() => Assert.Equal(mineIds, Shown(cut).Keys.Order()));
        Nav.NavigateTo("sop/calendar?assignee=me");
        cut.WaitForAssertion(() => Assert.Empty(Shown(cut)));   // the manager owns no group
    }

    [Fact]
    public async Task A_tick_elsewhere_recolours_the_task_while_the_page_is_open()
    {
        var group = await GroupAsync("甲群", await PersonAsync("小王"));
        await DailyPlanAsync([group.Id], ("09:00", "早安", "早上好"));
        var task = (await TasksOnAsync(9, group.Id))[0];
        SignInAsOperator("小王");
        Providers();
        var cut = Render<SopCalendarPage>();
        cut.WaitForAssertion(() => Assert.Equal("cal-tone-pending", Shown(cut)[task.Id]));

        await Tasks.SkipAsync(task.Id, "停推一天", Manager);

        cut.WaitForAssertion(() => Assert.Equal("cal-tone-skipped", Shown(cut)[task.Id]));
    }

    [Fact]
    public async Task A_task_left_undone_turns_overdue_on_the_open_page_when_its_hour_of_grace_ends()
    {
        var group = await GroupAsync("甲群", await PersonAsync("小王"));
        await DailyPlanAsync([group.Id], ("09:00", "早安", "早上好"));
        var task = (await TasksOnAsync(7, group.Id))[0];
        SignInAsOperator("小王");
        Providers();
        var cut = Render<SopCalendarPage>();
        cut.WaitForAssertion(() => Assert.Equal("cal-tone-pending", Shown(cut)[task.Id]));

        Clock.Advance(TimeSpan.FromMinutes(60 + 59));   // 09:59: still within the hour
        Assert.Equal("cal-tone-pending", Shown(cut)[task.Id]);
        Clock.Advance(TimeSpan.FromMinutes(2));

        cut.WaitForAssertion(() => Assert.Equal("cal-tone-overdue", Shown(cut)[task.Id]));
    }

    [Fact]
    public async Task A_link_to_a_task_opens_its_details_on_its_day_and_closing_them_forgets_it()
    {
        using var culture = Chinese();
        var group = await GroupAsync("甲群", await PersonAsync("小王"));
        await DailyPlanAsync([group.Id], ("20:00", "晚间话题", "今晚聊聊{group}的新品"));
        var later = (await TasksOnAsync(16, group.Id))[0];   // the week after this one
        SignInAsOperator("小王");
        var (dialogs, _) = Providers();

        Nav.NavigateTo($"sop/calendar?task={later.Id}");
        var cut = Render<SopCalendarPage>();

        dialogs.WaitForAssertion(() => Assert.Equal("今晚聊聊甲群的新品", dialogs.Find("[data-testid=sop-task-content]").TextContent));
        Assert.Contains(later.Id, Shown(cut).Keys);
        Assert.Contains("1月14日", cut.Find("[data-testid=calendar-title]").TextContent);
        Assert.Contains($"task={later.Id}", Nav.Uri);

        await dialogs.InvokeAsync(((IMudDialogInstance)dialogs.FindComponent<MudDialogContainer>().Instance).Cancel);
        cut.WaitForAssertion(() => Assert.DoesNotContain("task=", Nav.Uri));
    }
}
