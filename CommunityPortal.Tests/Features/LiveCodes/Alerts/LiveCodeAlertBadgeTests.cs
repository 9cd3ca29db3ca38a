using Bunit;
using CommunityPortal.Features.LiveCodes.Manage;
using CommunityPortal.Features.LiveCodes.Alerts;

namespace CommunityPortal.Tests.Features.LiveCodes.Alerts;

public sealed class LiveCodeAlertBadgeTests : LiveCodeComponentTestBase
{
    [Fact]
    public async Task List_ShowsTheAlertCountOfEachCode_ColouredByTheWorst_AndNothingForAHealthyCode()
    {
        using var culture = Chinese();
        var noQr = await LiveCodeSeed.OpenGroupAsync(Services, "读书会1群", withQr: false);
        var expiring = await LiveCodeSeed.OpenGroupAsync(Services, "读书会2群", qrExpiresAt: DateTime.UtcNow.AddDays(2));
        var healthy = await LiveCodeSeed.OpenGroupAsync(Services, "读书会3群");
        await LiveCodeSeed.LiveCodeAsync(Services, "a-troubled", [new(noQr), new(expiring), new(healthy)]);
        await LiveCodeSeed.LiveCodeAsync(Services, "b-fine", [new(healthy)]);
        await Get<LiveCodeAlertMonitor>().EvaluateAsync();

        var cut = Render<LiveCodesPage>();

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=livecode-link]").Count));
        var badge = Assert.Single(cut.FindAll("[data-testid=alert-badge]"));
        Assert.Equal("2", badge.TextContent.Trim());
        Assert.Equal("2 条提醒", badge.GetAttribute("title"));
        // Coloured by the worst of the two: the missing QR is critical.
        Assert.Equal("Critical", badge.GetAttribute("data-severity"));
    }
}
