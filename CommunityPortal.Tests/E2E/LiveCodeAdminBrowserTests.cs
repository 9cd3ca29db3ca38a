using CommunityPortal.Infrastructure.Security;
using CommunityPortal.Tests.E2E.Infrastructure;
using CommunityPortal.Tests.E2E.Pages;
using CommunityPortal.Tests.Features.LiveCodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace CommunityPortal.Tests.E2E;

/// <summary>A manager sets up a live code in Chinese: one group in its pool and one channel code with its own URL.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LiveCodeAdminBrowserTests(ChromiumFixture chromium, PortalServer server) : IClassFixture<PortalServer>, IAsyncLifetime
{
    private const string Email = "lc-manager@example.com";
    private const string Password = "Manager-secret-2026";

    public Task InitializeAsync() => server.CreateUserAsync(Email, Password, Roles.Manager, "王经理");

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Manager_CreatesLiveCode_WithAPoolGroupAndAChannelCode_AndSeesTheChannelUrl()
    {
        await LiveCodeSeed.OpenGroupAsync(server.Services, "读书会1群", members: 35);
        var page = await chromium.NewPageAsync();
        await new LoginPage(page, server.BaseUrl).SignInAsync(Email, Password);
        var portal = new PortalPage(page, server.BaseUrl);
        await portal.GotoAsync("/livecodes");
        await Assertions.Expect(page.GetByTestId("livecodes-empty")).ToContainTextAsync("还没有活码");

        await page.GetByTestId("new-livecode").ClickAsync();
        await page.Locator("#lc-name").FillAsync("读书会海报");
        await page.Locator("#lc-slug").FillAsync("Bad Slug");
        await page.Locator("#lc-slug").PressAsync("Enter");
        await Assertions.Expect(page.Locator("#lc-slug")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(portal.FieldMessage("lc-slug")).ToContainTextAsync("短链标识只能包含小写字母");
        await Screenshots.TakeAsync(page, "livecode-new-zh");
        await page.Locator("#lc-slug").FillAsync("reading-2026");
        await page.Locator("#lc-slug").PressAsync("Tab");
        await Assertions.Expect(portal.InvalidInputs(portal.Dialog)).ToHaveCountAsync(0);
        await portal.Dialog.GetByTestId("save").ClickAsync();
        // Saving navigates inside the circuit (no page load): wait for the address, generously on a busy machine.
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/livecodes/\d+$"), new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByTestId("page-title")).ToHaveTextAsync("读书会海报");
        await Assertions.Expect(page.GetByTestId("scan-url")).ToHaveValueAsync(server.Url("/q/reading-2026"));

        // One group in the pool, picked from the open groups the picker finds.
        var live = new LiveCodeAdminPage(page, server.BaseUrl);
        await live.PickPoolGroupAsync("读书会1群");
        await page.GetByTestId("pool-add").ClickAsync();
        await Assertions.Expect(page.GetByTestId("pool-group")).ToHaveTextAsync(["读书会1群"]);
        await Assertions.Expect(page.GetByTestId("pool-row")).ToContainTextAsync("35 / 200");

        // The default threshold (180) is more than the 165 seats the group has left: said in the pool and in the health panel.
        await Assertions.Expect(page.GetByTestId("room-warning")).ToContainTextAsync("只剩 165 个空位");
        await Assertions.Expect(page.GetByTestId("health-alert")).ToContainTextAsync("「读书会1群」的阈值还会再分配 180 人，但群里只剩 165 个空位");

        // The picker no longer offers the group now in the pool.
        await page.Locator("#pool-pick").FillAsync("读书会");
        await Assertions.Expect(page.GetByText("没有可添加的开放中的群")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Option, new() { Name = "读书会1群" })).ToHaveCountAsync(0);
        await page.Locator("#pool-pick").PressAsync("Escape");

        // One channel code, with its channel made inline.
        await page.GetByTestId("add-channel-code").ClickAsync();
        await page.Locator("#channel-name").FillAsync("公众号推文");
        await Screenshots.TakeAsync(page, "livecode-channel-dialog-zh");
        await portal.Dialog.GetByTestId("save").ClickAsync();
        var url = page.GetByTestId("channel-code-url");
        await Assertions.Expect(url).ToHaveCountAsync(1);
        Assert.StartsWith(server.Url("/q/reading-2026?c="), await url.InputValueAsync());
        await Assertions.Expect(page.GetByTestId("channel-code-row")).ToContainTextAsync("公众号推文");
        await Screenshots.TakeAsync(page, "livecode-detail-zh");

        await portal.GotoAsync("/livecodes");
        await Assertions.Expect(page.GetByTestId("pool-size")).ToHaveTextAsync("1");
        await Screenshots.TakeAsync(page, "livecodes-list-zh");
        await page.Context.CloseAsync();
    }
}
