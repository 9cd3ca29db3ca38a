using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace CommunityPortal.Tests.E2E.Pages;

/// <summary>Page object for /livecodes and /livecodes/{id}: creating a code, its pool and its channel codes (zh-CN labels).</summary>
public sealed class LiveCodeAdminPage(IPage page, string baseUrl) : PortalPage(page, baseUrl)
{
    /// <summary>Creates a live code from the list page's dialog and waits for its own page.</summary>
    public async Task CreateAsync(string name, string slug, int threshold, string fallback)
    {
        await GotoAsync("/livecodes");
        await Page.GetByTestId("new-livecode").ClickAsync();
        await Page.Locator("#lc-name").FillAsync(name);
        await Page.Locator("#lc-slug").FillAsync(slug);
        await Page.Locator("#lc-threshold").FillAsync(threshold.ToString(CultureInfo.InvariantCulture));
        await Page.Locator("#lc-threshold").PressAsync("Tab");
        await Page.Locator("#lc-fallback").FillAsync(fallback);
        await Page.Locator("#lc-fallback").PressAsync("Tab");
        await Dialog.GetByTestId("save").ClickAsync();
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex(@"/livecodes/\d+$"), new() { Timeout = 30_000 });
        await Assertions.Expect(Page.GetByTestId("page-title")).ToHaveTextAsync(name);
    }

    /// <summary>Searches the pool picker for an open group, picks it and adds it at the end.</summary>
    public async Task AddToPoolAsync(string groupName)
    {
        var rows = await Page.GetByTestId("pool-row").CountAsync();
        await PickPoolGroupAsync(groupName);
        await Page.GetByTestId("pool-add").ClickAsync();
        await Assertions.Expect(Page.GetByTestId("pool-row")).ToHaveCountAsync(rows + 1);
    }

    /// <summary>Types the group's name into the pool picker (it searches the server) and picks the offered group.</summary>
    public async Task PickPoolGroupAsync(string groupName)
    {
        await Page.Locator("#pool-pick").FillAsync(groupName);
        await Page.GetByRole(AriaRole.Option, new() { Name = groupName, Exact = true }).ClickAsync();
        await Assertions.Expect(Page.GetByTestId("pool-add")).ToBeEnabledAsync();
    }

    /// <summary>Adds a channel code for a new channel of that name and waits for its row.</summary>
    public async Task AddChannelCodeAsync(string channelName)
    {
        var rows = await Page.GetByTestId("channel-code-row").CountAsync();
        await Page.GetByTestId("add-channel-code").ClickAsync();
        await Dialog.GetByText("新建渠道").ClickAsync();
        await Page.Locator("#channel-name").FillAsync(channelName);
        await Dialog.GetByTestId("save").ClickAsync();
        await Assertions.Expect(Page.GetByTestId("channel-code-row")).ToHaveCountAsync(rows + 1);
        await Assertions.Expect(Page.GetByTestId("channel-code-row").Last).ToContainTextAsync(channelName);
    }
}
