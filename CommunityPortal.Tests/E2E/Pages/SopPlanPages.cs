using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace CommunityPortal.Tests.E2E.Pages;

/// <summary>The SOP plan pages: the list with its tabs, a plan's page and its apply dialog.</summary>
public sealed class SopPlanPages(IPage page, string baseUrl) : PortalPage(page, baseUrl)
{
    public Task OpenListAsync() => GotoAsync("sop/plans");

    public ILocator Tab(string name) => Page.GetByRole(AriaRole.Tab, new() { Name = name, Exact = true });

    public ILocator Row(string planName) =>
        Page.GetByRole(AriaRole.Row).Filter(new() { Has = Page.GetByTestId("plan-name").GetByText(planName, new() { Exact = true }) });

    public ILocator Title => Page.GetByTestId("page-title");

    public ILocator Version => Page.GetByTestId("plan-version");

    public ILocator Assignments => Page.GetByTestId("assignment-where");

    public ILocator PickedGroups => Dialog.GetByTestId("picked-group");

    public async Task UseTemplateAsync(string name) => await Row(name).GetByTestId("use-template").ClickAsync();

    public async Task OpenApplyAsync()
    {
        await Page.GetByTestId("apply-plan").ClickAsync();
        await Assertions.Expect(Dialog.GetByTestId("group-picker")).ToBeVisibleAsync();
        // The search box shows once the picker has loaded (SopGroupPicker).
        await Assertions.Expect(Dialog.Locator("#apply-group-search")).ToBeVisibleAsync();
    }

    /// <summary>Types into the group search and takes the one group it finds with Enter, as a keyboard user does.</summary>
    public async Task PickByKeyboardAsync(string search, string found)
    {
        await Dialog.Locator("#apply-group-search").FillAsync(search);
        await Assertions.Expect(Page.GetByRole(AriaRole.Option)).ToHaveTextAsync([new Regex("^" + Regex.Escape(found))]);
        await Dialog.Locator("#apply-group-search").PressAsync("Enter");
    }

    /// <summary>Picks every group of the activity (by its option's text).</summary>
    public async Task PickActivityGroupsAsync(string activityOption)
    {
        await ChooseAsync("apply-activity", activityOption);
        await Dialog.GetByTestId("add-activity-groups").ClickAsync();
    }
}
