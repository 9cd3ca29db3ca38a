using CommunityPortal.Tests.E2E.Infrastructure;
using CommunityPortal.Tests.Features.LiveCodes;
using Microsoft.Playwright;

namespace CommunityPortal.Tests.E2E;

/// <summary>People scanning a live code with WeChat on a phone: first group to its threshold, then the next, then fallback.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LiveCodeScanBrowserTests(ChromiumFixture chromium, PortalServer server) : IClassFixture<PortalServer>
{

    [Fact]
    public async Task Scans_FillFirstGroup_ThenNext_ThenFallback_AndARepeatScannerSeesTheSameGroup()
    {
        _ = server.BaseUrl;
        var a = await LiveCodeSeed.OpenGroupAsync(server.Services, "一群");
        var b = await LiveCodeSeed.OpenGroupAsync(server.Services, "二群");
        await LiveCodeSeed.LiveCodeAsync(server.Services, "poster", [new(a, 1), new(b, 1)], i => i.FallbackMessage = "群已满，请添加小助手");

        var first = await chromium.NewPhoneAsync();
        await first.GotoAsync(server.Url("/q/poster"));
        await Assertions.Expect(first.Locator(".group")).ToHaveTextAsync("一群");
        await Assertions.Expect(first.GetByText("长按识别二维码加入群聊")).ToBeVisibleAsync();
        Assert.Equal(0, await first.Locator("script").CountAsync());

        var second = await chromium.NewPhoneAsync();
        await second.GotoAsync(server.Url("/q/poster"));
        await Assertions.Expect(second.Locator(".group")).ToHaveTextAsync("二群");

        var third = await chromium.NewPhoneAsync();
        await third.GotoAsync(server.Url("/q/poster"));
        await Assertions.Expect(third.GetByText("群已满，请添加小助手")).ToBeVisibleAsync();

        // The first person scans the poster again the same day: same group, not a new seat.
        await first.GotoAsync(server.Url("/q/poster"));
        await Assertions.Expect(first.Locator(".group")).ToHaveTextAsync("一群");

        foreach (var page in new[] { first, second, third })
        {
            await page.Context.CloseAsync();
        }
    }
}
