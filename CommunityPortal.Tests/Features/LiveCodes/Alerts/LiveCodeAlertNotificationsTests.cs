using Bunit;
using CommunityPortal.Features.LiveCodes;
using CommunityPortal.Features.LiveCodes.Manage;
using CommunityPortal.Features.LiveCodes.Routing;
using CommunityPortal.Features.LiveCodes.Alerts;
using CommunityPortal.Infrastructure.Notifications;
using CommunityPortal.Tests.Infrastructure.Notifications;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using static CommunityPortal.Tests.Infrastructure.Notifications.FakeNotificationSource;

namespace CommunityPortal.Tests.Features.LiveCodes.Alerts;

/// <summary>Live-code alerts as a source of the top-bar bell: operators and up hear of them, with a toast per new alert.</summary>
public sealed class LiveCodeAlertNotificationsTests : LiveCodeComponentTestBase
{
    /// <summary>Another feature's notifications (task reminders), for 小王 only.</summary>
    private readonly FakeNotificationSource _tasks = new("小王");

    protected override void AddFeatureServices(IServiceCollection services) => services.AddSingleton<INotificationSource>(_tasks);

    private async Task<(int GroupId, LiveCodeDto Code)> SeedFillingPoolAsync(int assigned)
    {
        var group = await LiveCodeSeed.OpenGroupAsync(Services, "读书会1群");
        var code = await LiveCodeSeed.LiveCodeAsync(Services, "reading", [new(group, 10)]);
        var router = Get<ILiveCodeRoutingState>().Find(code.Id)!.Router;
        for (var i = 0; i < assigned; i++)
        {
            router.Route($"v{i}", DateTime.UtcNow);
        }
        return (group, code);
    }

    [Fact]
    public async Task Bell_CountRises_AndOneToastAppears_WhenTheMonitorRaisesAnAlert()
    {
        using var culture = Chinese();
        var (_, code) = await SeedFillingPoolAsync(assigned: 7);
        var monitor = Get<LiveCodeAlertMonitor>();
        await monitor.EvaluateAsync();
        var toasts = Render<MudSnackbarProvider>();
        var popovers = Render<MudPopoverProvider>();
        var cut = Render<NotificationBell>();
        Assert.NotNull(cut.Find("[data-testid=alert-bell]"));
        Assert.Empty(cut.FindAll("[data-testid=alert-count]"));

        Get<ILiveCodeRoutingState>().Find(code.Id)!.Router.Route("v8", DateTime.UtcNow);
        await monitor.EvaluateAsync();
        await monitor.EvaluateAsync();

        cut.WaitForAssertion(() => Assert.Equal("1", cut.Find("[data-testid=alert-count]").TextContent));
        toasts.WaitForAssertion(() => Assert.Single(toasts.FindAll("[data-testid=toast]")));
        var toast = toasts.Find("[data-testid=toast]");
        Assert.Equal("warning", toast.GetAttribute("data-severity"));
        Assert.Equal("注意：活码 reading", toast.QuerySelector(".toast-title")!.TextContent);
        Assert.Equal("群池已用 80%（8 / 10 人）", toast.QuerySelector(".toast-detail")!.TextContent);

        cut.Find("[data-testid=alert-bell]").Click();
        var item = popovers.WaitForElement("a[data-testid=alert-item]");
        Assert.Equal($"livecodes/{code.Id}", item.GetAttribute("href"));
        Assert.Contains("活码 reading", item.TextContent);
    }

    [Fact]
    public async Task Bell_ShowsAlertsAlreadyActive_WithoutToastingThem_AndEmptiesWhenResolved()
    {
        using var culture = Chinese();
        var (group, code) = await SeedFillingPoolAsync(assigned: 9);
        var monitor = Get<LiveCodeAlertMonitor>();
        await monitor.EvaluateAsync();

        var toasts = Render<MudSnackbarProvider>();
        var popovers = Render<MudPopoverProvider>();
        var cut = Render<NotificationBell>();
        Assert.Equal("1", cut.Find("[data-testid=alert-count]").TextContent);
        Assert.Empty(toasts.FindAll("[data-testid=toast]"));

        await Get<LiveCodeService>().SetPoolAsync(code.Id, [new(group, 100)], code.Version);
        await monitor.EvaluateAsync();

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=alert-count]")));
        cut.Find("[data-testid=alert-bell]").Click();
        Assert.Contains("暂无提醒", popovers.WaitForElement("[data-testid=alert-panel]").TextContent);
    }

    [Fact]
    public async Task Bell_IsNotShownToViewers()
    {
        SignInAsViewer();
        await SeedFillingPoolAsync(assigned: 9);
        await Get<LiveCodeAlertMonitor>().EvaluateAsync();

        var cut = Render<NotificationBell>();

        Assert.Empty(cut.FindAll("[data-testid=alert-bell]"));
    }

    [Fact]
    public async Task Bell_ListsLiveCodeAlertsAmongAnotherSourcesNotifications_MostSevereFirst_ThenNewest()
    {
        using var culture = Chinese();
        SignInAsOperator("小王");
        await SeedFillingPoolAsync(assigned: 9);
        var monitor = Get<LiveCodeAlertMonitor>();
        await monitor.EvaluateAsync();
        var raisedAt = monitor.RaisedAt(Assert.Single(monitor.Current));
        _tasks.Put("小王", Note("task-1", NotificationSeverity.Info, "早安问候", raisedAt.AddMinutes(2)));
        _tasks.Put("小王", Note("task-2", NotificationSeverity.Warning, "周活动", raisedAt.AddMinutes(-1)));
        _tasks.Put("小王", Note("task-3", NotificationSeverity.Warning, "晚间总结", raisedAt.AddMinutes(1)));
        _tasks.Put("小王", Note("task-4", NotificationSeverity.Critical, "开群仪式", raisedAt.AddHours(-1)));
        var popovers = Render<MudPopoverProvider>();

        var cut = Render<NotificationBell>();

        Assert.Equal("5", cut.Find("[data-testid=alert-count]").TextContent);
        cut.Find("[data-testid=alert-bell]").Click();
        popovers.WaitForAssertion(() => Assert.Equal(5, popovers.FindAll("[data-testid=alert-item]").Count));
        Assert.Equal(["sop 开群仪式", "sop 晚间总结", "livecodes 活码 reading", "sop 周活动", "sop 早安问候"],
            popovers.FindAll("[data-testid=alert-item]").Select(i => $"{i.GetAttribute("data-source")} {i.QuerySelector(".bell-item-title")!.TextContent}"));
    }
}
