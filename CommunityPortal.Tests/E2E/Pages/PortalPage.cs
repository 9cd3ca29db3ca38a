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

    /// <summary>The dialog on top (MudBlazor gives it role="dialog").</summary>
    public ILocator Dialog => Page.GetByRole(AriaRole.Dialog).Last;

    /// <summary>The newest toast (PortalDialogs renders each with data-testid="toast" and data-severity).</summary>
    public ILocator Toast => Page.GetByTestId("toast").Last;

    /// <summary>Answers the open confirmation with its confirm button and waits until it has gone.</summary>
    public async Task ConfirmAsync()
    {
        await Dialog.GetByTestId("confirm-ok").ClickAsync();
        await Assertions.Expect(Page.GetByTestId("confirm-ok")).ToHaveCountAsync(0);
    }

    /// <summary>The message line of an input (the element its aria-describedby names): an error, or else its hint.</summary>
    public ILocator FieldMessage(string inputId) =>
        Page.Locator($"xpath=//*[@id=//*[@id='{inputId}']/@aria-describedby]");

    /// <summary>Inputs currently marked invalid (aria-invalid), e.g. to wait until every error is gone.</summary>
    public ILocator InvalidInputs(ILocator? scope = null) => (scope ?? Page.Locator("body")).Locator("[aria-invalid=true]");

    /// <summary>Picks an option of a select or autocomplete (by its input's id) by the option's visible text.</summary>
    public async Task ChooseAsync(string inputId, string option)
    {
        await Page.Locator($"#{inputId}").ClickAsync();
        await Page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true }).ClickAsync();
    }

    /// <summary>Opens the user menu in the app bar and signs out.</summary>
    public async Task SignOutAsync()
    {
        await Page.GetByTestId("user-menu").ClickAsync();
        await Page.GetByTestId("sign-out").ClickAsync();
    }

    /// <summary>Opens the user menu and goes to the account page (a full load: it is a static page).</summary>
    public async Task OpenMyAccountAsync()
    {
        await Page.GetByTestId("user-menu").ClickAsync();
        await Page.GetByTestId("my-account").ClickAsync();
    }

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
