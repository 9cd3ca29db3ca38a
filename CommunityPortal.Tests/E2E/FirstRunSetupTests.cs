using System.Text.RegularExpressions;
using CommunityPortal.Tests.E2E.Infrastructure;
using CommunityPortal.Tests.E2E.Pages;
using Microsoft.Playwright;

namespace CommunityPortal.Tests.E2E;

/// <summary>A brand-new portal with no users: the first visitor is sent to /setup and becomes the Admin.</summary>
[Collection(BrowserCollection.Name)]
public sealed class FirstRunSetupTests(ChromiumFixture chromium, PortalServer server) : IClassFixture<PortalServer>
{
    [Fact]
    public async Task FirstVisit_GoesToSetup_CreatesTheAdmin_ThenSetupIsGone()
    {
        var page = await chromium.NewPageAsync();
        await page.GotoAsync(server.Url("/"));
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/setup$"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("初始化门户");
        await Screenshots.TakeAsync(page, "setup-zh");

        // Mistakes are explained under each field, in Chinese, including Identity's password rules.
        var setup = new SetupPage(page);
        await setup.FillAsync("boss@example.com", "老板", "abcdefgh", "abcdefgx");
        await setup.SubmitAsync();
        await Assertions.Expect(setup.ErrorsFor("setup-confirm")).ToHaveTextAsync("确认密码与密码不一致。");
        await setup.FillAsync("boss@example.com", "", "abcdefgh", "abcdefgh");
        await setup.SubmitAsync();
        await Assertions.Expect(setup.ErrorsFor("setup-displayname")).ToHaveTextAsync("显示名不能为空。");
        await setup.FillAsync("boss@example.com", "老板", "abcdefgh", "abcdefgh");
        await setup.SubmitAsync();
        await Assertions.Expect(setup.ErrorsFor("setup-password")).ToHaveTextAsync("密码至少需要一个数字（0-9）。");
        await Screenshots.TakeAsync(page, "setup-errors-zh");

        // The page follows the language switch; messages switch with it.
        await page.Locator(".language-switch a[data-culture='en']").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Set up the portal");
        await Assertions.Expect(page.Locator("label[for=setup-displayname]")).ToHaveTextAsync("Display name");
        await setup.SubmitAsync();
        await Assertions.Expect(setup.ErrorsFor("setup-email")).ToHaveTextAsync("E-mail is required.");
        await setup.FillAsync("boss@example.com", "老板", "abc", "abc");
        await setup.SubmitAsync();
        await Assertions.Expect(setup.ErrorsFor("setup-password"))
            .ToHaveTextAsync(["Passwords must be at least 8 characters.", "Passwords must have at least one digit ('0'-'9')."]);
        await Screenshots.TakeAsync(page, "setup-errors-en");

        await setup.FillAsync("boss@example.com", "老板", "boss-secret-2026", "boss-secret-2026");
        await setup.SubmitAsync();

        var portal = new PortalPage(page, server.BaseUrl);
        await portal.WaitInteractiveAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/$"));
        await Assertions.Expect(portal.CurrentUser).ToContainTextAsync("老板");
        await Assertions.Expect(page.GetByTestId("current-role")).ToHaveTextAsync("Admin");
        await Screenshots.TakeAsync(page, "setup-done-home-en");

        var gone = await page.GotoAsync(server.Url("/setup"));
        Assert.Equal(404, gone!.Status);
        await Assertions.Expect(page.GetByTestId("not-found")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }
}
