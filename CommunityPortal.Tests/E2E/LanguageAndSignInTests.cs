using CommunityPortal.Infrastructure.Security;
using CommunityPortal.Tests.E2E.Infrastructure;
using CommunityPortal.Tests.E2E.Pages;
using Microsoft.Playwright;

namespace CommunityPortal.Tests.E2E;

[Collection(BrowserCollection.Name)]
public sealed class LanguageAndSignInTests(ChromiumFixture chromium, PortalServer server) : IClassFixture<PortalServer>, IAsyncLifetime
{
    private const string Email = "op@example.com";
    private const string Password = "Op-secret-2026";

    public Task InitializeAsync() => server.CreateUserAsync(Email, Password, Roles.Operator, "小王");

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task SignIn_ShowsChineseLayout_ThenSwitchToEnglishAndBack()
    {
        var page = await chromium.NewPageAsync(locale: "en-US");
        await new LoginPage(page, server.BaseUrl).SignInAsync(Email, Password);
        var portal = new PortalPage(page, server.BaseUrl);
        await portal.WaitInteractiveAsync();

        // zh-CN is the default whatever the browser's language.
        await Assertions.Expect(portal.CurrentUser).ToContainTextAsync("小王");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("欢迎使用社群运营门户");

        await portal.SwitchLanguageAsync("en");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Welcome to CommunityPortal");
        await Assertions.Expect(page.GetByTestId("current-role")).ToHaveTextAsync("Operator");

        // The choice is remembered on the next visit.
        await portal.GotoAsync("/");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Welcome to CommunityPortal");

        await portal.SwitchLanguageAsync("zh-CN");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("欢迎使用社群运营门户");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task SignIn_WithWrongPassword_SaysSoInChinese()
    {
        var page = await chromium.NewPageAsync();
        await new LoginPage(page, server.BaseUrl).SignInAsync(Email, "wrong-password");
        await Assertions.Expect(page.Locator(".alert-danger")).ToHaveTextAsync("邮箱或密码不正确。");
        await page.Context.CloseAsync();
    }
}
