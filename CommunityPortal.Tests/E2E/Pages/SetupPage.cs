using Microsoft.Playwright;

namespace CommunityPortal.Tests.E2E.Pages;

/// <summary>The one-time /setup page (static SSR) that creates the first Admin.</summary>
public sealed class SetupPage(IPage page)
{
    public async Task FillAsync(string email, string displayName, string password, string confirm)
    {
        await page.Locator("#setup-email").FillAsync(email);
        await page.Locator("#setup-displayname").FillAsync(displayName);
        await page.Locator("#setup-password").FillAsync(password);
        await page.Locator("#setup-confirm").FillAsync(confirm);
    }

    public Task SubmitAsync() => page.Locator("#setup-submit").ClickAsync();

    /// <summary>The validation messages under the field whose input has this id.</summary>
    public ILocator ErrorsFor(string inputId) => page.Locator($".field:has(#{inputId}) .field-error");
}
