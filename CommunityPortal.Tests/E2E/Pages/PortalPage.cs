using Microsoft.Playwright;

namespace CommunityPortal.Tests.E2E.Pages;

/// <summary>Page object for what every signed-in page has: the interactive layout, top bar and language switch.</summary>
public class PortalPage(IPage page, string baseUrl)
{
    public IPage Page { get; } = page;

    public string BaseUrl { get; } = baseUrl;

    public async Task GotoAsync(string path)
    {
        await Page.GotoAsync(BaseUrl.TrimEnd('/') + "/" + path.TrimStart('/'));
        await WaitInteractiveAsync();
    }

    /// <summary>Clicks before the circuit attaches are lost: wait for the layout's marker.</summary>
    public Task WaitInteractiveAsync() =>
        Page.Locator(".portal-layout[data-interactive=true]").WaitForAsync();

    public ILocator CurrentUser => Page.GetByTestId("current-user");

    public async Task SwitchLanguageAsync(string culture)
    {
        await Page.Locator($".language-switch a[data-culture='{culture}']").First.ClickAsync();
        await Page.WaitForFunctionAsync($"document.documentElement.lang === '{culture}'");
        if (await Page.Locator(".portal-layout").CountAsync() > 0)
        {
            await WaitInteractiveAsync();
        }
    }
}

public sealed class LoginPage(IPage page, string baseUrl)
{
    public async Task SignInAsync(string email, string password)
    {
        await page.GotoAsync(baseUrl.TrimEnd('/') + "/Account/Login");
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(password);
        await page.Locator("#login-submit").ClickAsync();
    }
}
