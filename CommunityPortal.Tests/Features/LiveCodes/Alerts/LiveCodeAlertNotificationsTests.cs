using Bunit;
using CommunityPortal.Features.LiveCodes;
using CommunityPortal.Features.LiveCodes.Manage;
using CommunityPortal.Features.LiveCodes.Routing;
using CommunityPortal.Features.LiveCodes.Alerts;
using CommunityPortal.Infrastructure.Notifications;
using MudBlazor;

namespace CommunityPortal.Tests.Features.LiveCodes.Alerts;

/// <summary>Live-code alerts as a source of the top-bar bell: operators and up hear of them, with a toast per new alert.</summary>
public sealed class LiveCodeAlertNotificationsTests : LiveCodeComponentTestBase
{
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
}
