using Bunit;
using CommunityPortal.Infrastructure.Notifications;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using static CommunityPortal.Tests.Infrastructure.Notifications.FakeNotificationSource;

namespace CommunityPortal.Tests.Infrastructure.Notifications;

/// <summary>
/// The top-bar bell with a second source beside the features' own (here none of them has anything to say): each user
/// sees what the sources give them, and a toast per notification raised for them.
/// </summary>
public sealed class NotificationBellTests : ComponentTest
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;
    private readonly FakeNotificationSource _tasks = new("小王", "小李", "小赵");

    protected override void AddFeatureServices(IServiceCollection services) => services.AddSingleton<INotificationSource>(_tasks);

    [Fact]
    public async Task Bell_ShowsOnlyTheSignedInUsersNotifications_EvenToAViewerWhomASourceNotifies()
    {
        using var culture = Chinese();
        _tasks.Put("小李", Note("task-1", NotificationSeverity.Critical, "别人的任务", Now, "sop/tasks/1"));
        _tasks.Put("小赵", Note("task-2", NotificationSeverity.Info, "早安问候", Now, "sop/tasks/2", "请在群里发早安问候"));
        SignInAs("小赵", Policies.Read);
        var popovers = Render<MudPopoverProvider>();

        var cut = Render<NotificationBell>();

        Assert.Equal("1", cut.Find("[data-testid=alert-count]").TextContent);
        await cut.Find("[data-testid=alert-bell]").ClickAsync(new());
        var item = popovers.WaitForElement("a[data-testid=alert-item]");
        Assert.Equal(("sop/tasks/2", Name), (item.GetAttribute("href"), item.GetAttribute("data-source")));
        Assert.Equal(("早安问候", "请在群里发早安问候[zh-CN]"),
            (item.QuerySelector(".bell-item-title")!.TextContent, item.QuerySelector(".bell-text")!.TextContent));
    }

    [Fact]
    public void Bell_IsNotShown_WhenNoSourceNotifiesTheUser()
    {
        _tasks.Put("小王", Note("task-1", NotificationSeverity.Info, "早安问候", Now));
        SignInAs("小孙", Policies.Read);

        var cut = Render<NotificationBell>();

        Assert.Empty(cut.FindAll("[data-testid=alert-bell]"));
    }

    [Fact]
    public async Task Bell_ToastsANotificationRaisedForTheUser_NotOthers_AndTheToastOpensItsPage()
    {
        using var culture = Chinese();
        SignInAsOperator("小王");
        var toasts = Render<MudSnackbarProvider>();
        var cut = Render<NotificationBell>();
        Assert.Empty(cut.FindAll("[data-testid=alert-count]"));

        _tasks.Put("小李", Note("task-1", NotificationSeverity.Critical, "别人的任务", Now, "sop/tasks/1"));
        _tasks.Put("小王", Note("task-9", NotificationSeverity.Info, "早安问候", Now, "sop/tasks/9", "请在群里发早安问候"));

        toasts.WaitForAssertion(() => Assert.Single(toasts.FindAll("[data-testid=toast]")));
        cut.WaitForAssertion(() => Assert.Equal("1", cut.Find("[data-testid=alert-count]").TextContent));
        var toast = toasts.Find("[data-testid=toast]");
        Assert.Equal("info", toast.GetAttribute("data-severity"));
        Assert.Equal("通知：早安问候", toast.QuerySelector(".toast-title")!.TextContent);
        Assert.Equal("请在群里发早安问候[zh-CN]", toast.QuerySelector(".toast-detail")!.TextContent);

        await toast.ClickAsync(new());
        Assert.EndsWith("/sop/tasks/9", Nav.Uri);
    }
}
