using System.Globalization;
using Bunit;
using CommunityPortal.Infrastructure.Time;
using CommunityPortal.Features.LiveCodes.Routing;
using CommunityPortal.Features.LiveCodes.Alerts;

namespace CommunityPortal.Tests.Features.LiveCodes.Alerts;

public sealed class LiveCodeHealthPanelTests : LiveCodeComponentTestBase
{
    [Fact]
    public async Task Panel_ListsTheCodesAlerts_WithSeverityAndALinkToReplaceTheQr_AndAnotherCodeIsAllGood()
    {
        using var culture = Chinese();
        var expires = DateTime.UtcNow.AddHours(2);
        var expiring = await LiveCodeSeed.OpenGroupAsync(Services, "读书会1群", qrExpiresAt: expires);
        var healthy = await LiveCodeSeed.OpenGroupAsync(Services, "读书会2群");
        var troubled = await LiveCodeSeed.LiveCodeAsync(Services, "reading", [new(expiring), new(healthy)]);
        var fine = await LiveCodeSeed.LiveCodeAsync(Services, "writing", [new(healthy)]);
        await Get<LiveCodeAlertMonitor>().EvaluateAsync();

        var cut = Render<LiveCodeHealthPanel>(p => p.Add(x => x.LiveCodeId, troubled.Id));

        var item = Assert.Single(cut.FindAll("[data-testid=health-alert]"));
        Assert.Equal("Critical", item.GetAttribute("data-severity"));
        Assert.Contains("sev-critical", item.ClassList);
        var when = PortalTime.ToLocal(expires).ToString("g", CultureInfo.CurrentCulture);
        Assert.Contains($"「读书会1群」的群二维码将于 {when} 过期", item.TextContent);
        Assert.Contains("紧急", item.TextContent);
        var fix = cut.Find("[data-testid=health-fix]");
        Assert.Equal(($"groups/{expiring}", "更换二维码"), (fix.GetAttribute("href"), fix.TextContent));
        Assert.Empty(cut.FindAll("[data-testid=health-ok]"));

        var other = Render<LiveCodeHealthPanel>(p => p.Add(x => x.LiveCodeId, fine.Id));
        Assert.Contains("一切正常", other.Find("[data-testid=health-ok]").TextContent);
        Assert.Empty(other.FindAll("[data-testid=health-alert]"));
    }

    [Fact]
    public async Task Panel_ShowsANewAlertWithoutReload_WithThePercentageInTheReadersCulture()
    {
        using var culture = new CultureScope("en");
        var group = await LiveCodeSeed.OpenGroupAsync(Services, "Book club 1");
        var code = await LiveCodeSeed.LiveCodeAsync(Services, "reading", [new(group, 5)]);
        var monitor = Get<LiveCodeAlertMonitor>();
        await monitor.EvaluateAsync();
        var cut = Render<LiveCodeHealthPanel>(p => p.Add(x => x.LiveCodeId, code.Id));
        Assert.Contains("All good", cut.Find("[data-testid=health-ok]").TextContent);

        var router = Get<ILiveCodeRoutingState>().Find(code.Id)!.Router;
        for (var i = 0; i < 4; i++)
        {
            router.Route($"v{i}", DateTime.UtcNow);
        }
        await monitor.EvaluateAsync();

        cut.WaitForAssertion(() => Assert.Contains("The pool is 80% full (4 of 5 people)",
            cut.Find("[data-testid=health-alert][data-severity=Warning]").TextContent));
        Assert.Empty(cut.FindAll("[data-testid=health-fix]"));
    }

    [Fact]
    public async Task Panel_WarnsOfAThresholdAboveTheGroupsSeats_WhereItUsedToSayAllGood()
    {
        using var culture = Chinese();
        // Capacity 3 and the default threshold 180: routing sends everyone there, three of them can join.
        var tiny = await LiveCodeSeed.OpenGroupAsync(Services, "三人小群", capacity: 3);
        var code = await LiveCodeSeed.LiveCodeAsync(Services, "reading", [new(tiny)]);
        await Get<LiveCodeAlertMonitor>().EvaluateAsync();

        var cut = Render<LiveCodeHealthPanel>(p => p.Add(x => x.LiveCodeId, code.Id));

        var item = Assert.Single(cut.FindAll("[data-testid=health-alert]"));
        Assert.Equal("Warning", item.GetAttribute("data-severity"));
        Assert.Contains("「三人小群」的阈值还会再分配 180 人，但群里只剩 3 个空位：多出来的人扫码后进不了群", item.TextContent);
        var fix = cut.Find("[data-testid=health-fix]");
        Assert.Equal(($"groups/{tiny}", "调整群容量"), (fix.GetAttribute("href"), fix.TextContent));
        Assert.Empty(cut.FindAll("[data-testid=health-ok]"));
    }
}
