using Bunit;
using CommunityPortal.Features.Sop;
using CommunityPortal.Features.Sop.Calendar;
using MudBlazor;

namespace CommunityPortal.Tests.Features.Sop.Calendar;

public sealed class SopTaskDialogTests : SopCalendarTest
{
    private const string Module = "./Features/Sop/Calendar/SopTaskDialog.razor.js";

    /// <summary>The operator's calendar with one task's details open (clicked on the calendar, as people do).</summary>
    private async Task<(IRenderedComponent<SopCalendarPage> Page, IRenderedComponent<MudDialogProvider> Dialogs, IRenderedComponent<MudSnackbarProvider> Toasts)>
        OpenAsync(int taskId, string query = "")
    {
        var (dialogs, toasts) = Providers();
        Nav.NavigateTo("sop/calendar" + query);
        var cut = Render<SopCalendarPage>();
        cut.WaitForElement($"[data-testid=calendar-hours] [data-key='{taskId}']").Click();
        dialogs.WaitForElement("[data-testid=sop-task-content]");
        return (cut, dialogs, toasts);
    }

    private async Task<(int GroupId, SopTaskDto Task)> OwnTaskAsync(string owner = "小王", string content = "欢迎来到{group}，今天的话题是新品")
    {
        var group = await GroupAsync("甲群", await PersonAsync(owner));
        await DailyPlanAsync([group.Id], ("10:00", "话题互动", content));
        return (group.Id, (await TasksOnAsync(7, group.Id))[0]);
    }

    [Fact]
    public async Task The_details_show_the_rendered_text_and_copy_puts_it_on_the_clipboard()
    {
        using var culture = Chinese();
        var (_, task) = await OwnTaskAsync();
        var copy = JSInterop.SetupModule(Module).Setup<bool>("copy", _ => true);
        copy.SetResult(true);
        SignInAsOperator("小王");

        var (_, dialogs, toasts) = await OpenAsync(task.Id);

        Assert.Equal("欢迎来到甲群，今天的话题是新品", dialogs.Find("[data-testid=sop-task-content]").TextContent);
        Assert.Equal("甲群", dialogs.Find("[data-testid=sop-task-group]").TextContent.Trim());
        Assert.Equal("1月7日 周一 10:00", dialogs.Find("[data-testid=sop-task-due]").TextContent.Trim());
        Assert.Equal("小王", dialogs.Find("[data-testid=sop-task-assignee]").TextContent.Trim());
        Assert.Equal("待办", dialogs.Find("[data-testid=sop-task-state]").TextContent.Trim());
        dialogs.Find("[data-testid=sop-task-copy]").Click();

        Assert.Equal("欢迎来到甲群，今天的话题是新品", copy.Invocations.Single().Arguments[1]);
        toasts.WaitForAssertion(() => Assert.Contains("已复制", toasts.Find("[data-testid=toast]").TextContent));
        Assert.Equal("success", toasts.Find("[data-testid=toast]").GetAttribute("data-severity"));
    }

    [Fact]
    public async Task Where_the_browser_refuses_the_clipboard_the_text_is_selected_and_the_toast_says_how_to_copy()
    {
        using var culture = Chinese();
        var (_, task) = await OwnTaskAsync();
        JSInterop.SetupModule(Module).Setup<bool>("copy", _ => true).SetResult(false);
        SignInAsOperator("小王");
        var (_, dialogs, toasts) = await OpenAsync(task.Id);

        dialogs.Find("[data-testid=sop-task-copy]").Click();

        toasts.WaitForAssertion(() => Assert.Contains("内容已选中", toasts.Find("[data-testid=toast]").TextContent));
        Assert.Equal("info", toasts.Find("[data-testid=toast]").GetAttribute("data-severity"));
    }

    [Fact]
    public async Task Done_by_the_assignee_settles_the_task_says_who_and_when_and_the_calendar_follows()
    {
        using var culture = Chinese();
        var (_, task) = await OwnTaskAsync();
        SignInAsOperator("小王");
        var (cut, dialogs, _) = await OpenAsync(task.Id);
        Clock.SetUtcNow(new DateTimeOffset(Local(7, 10, 5)));

        dialogs.Find("[data-testid=sop-task-done]").Click();

        dialogs.WaitForAssertion(() => Assert.Equal("已完成", dialogs.Find("[data-testid=sop-task-state]").TextContent.Trim()));
        Assert.Equal("小王 于 1月7日 周一 10:05 完成", dialogs.Find("[data-testid=sop-task-settled]").TextContent.Trim());
        Assert.Empty(dialogs.FindAll("[data-testid=sop-task-done], [data-testid=sop-task-skip]"));
        var stored = await Reader.FindAsync(task.Id);
        Assert.Equal((SopTaskStatus.Done, "小王"), (stored!.State, stored.DoneBy));
        cut.WaitForAssertion(() => Assert.Equal("cal-tone-done", Shown(cut)[task.Id]));
    }

    [Fact]
    public async Task An_operator_who_may_not_tick_the_task_sees_no_buttons()
    {
        using var culture = Chinese();
        var (_, task) = await OwnTaskAsync(owner: "小李");
        await PersonAsync("小王");
        SignInAsOperator("小王");

        var (_, dialogs, _) = await OpenAsync(task.Id, "?assignee=all");

        Assert.Empty(dialogs.FindAll("[data-testid=sop-task-done], [data-testid=sop-task-skip]"));
        Assert.Contains("只有负责人、群主和经理", dialogs.Find("[data-testid=sop-task-readonly]").TextContent);
        Assert.NotEmpty(dialogs.FindAll("[data-testid=sop-task-copy]"));
    }

    [Fact]
    public async Task A_manager_may_tick_anyones_task()
    {
        var (_, task) = await OwnTaskAsync(owner: "小李");
        SignInAsManager();

        var (_, dialogs, _) = await OpenAsync(task.Id, "?view=week");

        Assert.Single(dialogs.FindAll("[data-testid=sop-task-done]"));
        Assert.Single(dialogs.FindAll("[data-testid=sop-task-skip]"));
    }

    [Fact]
    public async Task Skip_asks_for_a_reason_refuses_none_and_then_shows_it()
    {
        using var culture = Chinese();
        var (_, task) = await OwnTaskAsync();
        SignInAsOperator("小王");
        var (_, dialogs, _) = await OpenAsync(task.Id);

        dialogs.Find("[data-testid=sop-task-skip]").Click();
        dialogs.Find("form").Submit();

        dialogs.WaitForAssertion(() => Assert.Contains("跳过原因不能为空", dialogs.Find("[data-testid=sop-task]").TextContent));
        Assert.Equal(SopTaskStatus.Pending, (await Reader.FindAsync(task.Id))!.State);

        var reason = dialogs.FindComponents<MudTextField<string>>().Single(f => f.Find("input").Id == "sop-skip-reason");
        await dialogs.InvokeAsync(() => reason.Instance.ValueChanged.InvokeAsync("今天群里在直播"));
        dialogs.Find("form").Submit();

        dialogs.WaitForAssertion(() => Assert.Equal("已跳过", dialogs.Find("[data-testid=sop-task-state]").TextContent.Trim()));
        Assert.Equal("原因：今天群里在直播", dialogs.Find("[data-testid=sop-task-reason]").TextContent.Trim());
        var stored = await Reader.FindAsync(task.Id);
        Assert.Equal((SopTaskStatus.Skipped, "今天群里在直播"), (stored!.State, stored.SkipReason));
    }
}
