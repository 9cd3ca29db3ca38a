using Microsoft.Playwright;

namespace CommunityPortal.Tests.E2E.Pages;

/// <summary>Page object for /members/{id}: header, tags, service records, groups and timeline; and /members/blacklist.</summary>
public sealed class MemberProfilePage(IPage page, string baseUrl) : PortalPage(page, baseUrl)
{
    public Task OpenAsync(int id) => GotoAsync($"/members/{id}");

    public ILocator Header => Page.GetByTestId("member-header");

    public ILocator Phone => Page.GetByTestId("member-phone");

    public ILocator BlacklistBanner => Page.GetByTestId("blacklist-banner");

    public ILocator HeaderTags => Page.Locator("[data-testid=member-tags] [data-testid=tag-chip]");

    public ILocator Records => Page.GetByTestId("record");

    public ILocator Groups => Page.GetByTestId("member-group");

    public ILocator TimelineEntries => Page.GetByTestId("timeline-entry");

    public async Task AddTagAsync(string tag)
    {
        await Page.GetByTestId("add-tag").ClickAsync();
        await Dialog.Locator($"[data-testid=tag-option][data-tag='{tag}']").ClickAsync();
        await Assertions.Expect(Dialog).ToHaveCountAsync(0);
    }

    public async Task AddRecordAsync(string text)
    {
        await Page.Locator("#record-text").FillAsync(text);
        await Page.Locator("#record-add").ClickAsync();
        await Assertions.Expect(Records.First.GetByTestId("record-text")).ToHaveTextAsync(text);
    }

    public async Task EditFirstRecordAsync(string text)
    {
        await Records.First.GetByTestId("record-edit").ClickAsync();
        await Dialog.Locator("#record-edit-text").FillAsync(text);
        await Dialog.GetByTestId("save").ClickAsync();
        await Assertions.Expect(Dialog).ToHaveCountAsync(0);
    }

    /// <summary>Types the group's name into the group picker, picks the option for it (it also names its activity and size), joins.</summary>
    public async Task JoinGroupAsync(string group)
    {
        await Page.GetByTestId("join-group").ClickAsync();
        await Dialog.Locator("#join-group").FillAsync(group);
        await Page.GetByRole(AriaRole.Option).Filter(new() { HasText = group }).First.ClickAsync();
        await Dialog.GetByTestId("save").ClickAsync();
        await Assertions.Expect(Dialog).ToHaveCountAsync(0);
    }

    public async Task BlacklistAsync(string? reason)
    {
        if (await Dialog.CountAsync() == 0)
        {
            await Page.GetByTestId("blacklist").ClickAsync();
        }
        await Dialog.Locator("#blacklist-reason").FillAsync(reason ?? "");
        if (!string.IsNullOrEmpty(reason))
        {
            // Leaving the field clears an earlier error: click only once that has happened.
            await Dialog.Locator("#blacklist-reason").PressAsync("Tab");
            await Assertions.Expect(InvalidInputs(Dialog)).ToHaveCountAsync(0);
        }
        await Dialog.GetByTestId("save").ClickAsync();
    }
}
