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

    /// <summary>The form; its data-version is the version of the group it shows (it moves on with each accepted save).</summary>
    public ILocator Form => Page.GetByTestId("group-form");

    /// <summary>A field's validation message, by the input's id (e.g. "group-name").</summary>
    public ILocator FieldError(string inputId) => FieldMessage(inputId);

    public async Task SetMemberCountAsync(int members)
    {
        await MemberCount.FillAsync(members.ToString(CultureInfo.InvariantCulture));
        await MemberCount.PressAsync("Tab");
    }

    public async Task SaveAsync() => await Page.GetByTestId("save").ClickAsync();

    /// <summary>Saves and waits until the service accepted it: the form now shows a newer version of the group.</summary>
    public async Task SaveAndWaitAsync()
    {
        var version = await Form.GetAttributeAsync("data-version");
        await SaveAsync();
        await Assertions.Expect(Form).Not.ToHaveAttributeAsync("data-version", version ?? "");
    }

    public Task ReloadAfterConflictAsync() => Conflict.GetByTestId("reload").ClickAsync();
}
