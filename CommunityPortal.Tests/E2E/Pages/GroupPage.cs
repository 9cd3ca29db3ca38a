using System.Globalization;
using Microsoft.Playwright;

namespace CommunityPortal.Tests.E2E.Pages;

/// <summary>Page object for /groups/{id} and /groups/new: the group form.</summary>
public sealed class GroupPage(IPage page, string baseUrl) : PortalPage(page, baseUrl)
{
    public Task OpenAsync(int id) => GotoAsync($"/groups/{id}");

    public ILocator Title => Page.GetByTestId("page-title");

    public ILocator Name => Page.Locator("#group-name");

    public ILocator MemberCount => Page.Locator("#group-members");

    public ILocator Capacity => Page.Locator("#group-capacity");

    /// <summary>The refusal shown when someone else saved the group first.</summary>
    public ILocator Conflict => Page.GetByTestId("conflict");

    public ILocator NotFound => Page.GetByTestId("group-not-found");

    /// <summary>A field's validation message, by the input's id (e.g. "group-name").</summary>
    public ILocator FieldError(string inputId) =>
        Page.Locator($".field:has(#{inputId}) .validation-message");

    public async Task SetMemberCountAsync(int members)
    {
        await MemberCount.FillAsync(members.ToString(CultureInfo.InvariantCulture));
        await MemberCount.PressAsync("Tab");
    }

    /// <summary>Picks an option of a Radzen dropdown by its visible text (inputId: "group-tier", "group-status", "group-owner" …).</summary>
    public new async Task ChooseAsync(string inputId, string optionText)
    {
        await Page.Locator($".rz-dropdown:has(#{inputId})").ClickAsync();
        await Page.Locator(".rz-dropdown-panel:visible .rz-dropdown-item").Filter(new() { HasText = optionText }).First.ClickAsync();
    }

    public async Task SaveAsync() => await Page.Locator("#save").ClickAsync();

    /// <summary>Saves and waits until the service accepted it (the success notification).</summary>
    public async Task SaveAndWaitAsync()
    {
        await SaveAsync();
        await Page.Locator(".rz-notification-item .rz-notification-title").Last.WaitForAsync();
    }

    public Task ReloadAfterConflictAsync() => Conflict.GetByTestId("reload").ClickAsync();
}
