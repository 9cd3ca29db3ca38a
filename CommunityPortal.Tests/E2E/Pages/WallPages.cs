using Microsoft.Playwright;

namespace CommunityPortal.Tests.E2E.Pages;

/// <summary>/indices/wall-links: the links grid, the create dialog that shows the new link once, revoke with confirmation.</summary>
public sealed class WallLinkAdminPage(IPage page, string baseUrl) : PortalPage(page, baseUrl)
{
    public Task OpenAsync() => GotoAsync("/indices/wall-links");

    public ILocator Row(string name) =>
        Page.Locator("tr", new() { Has = Page.GetByTestId("wall-link-name").GetByText(name, new() { Exact = true }) });

    public ILocator StatusOf(string name) => Row(name).GetByTestId("wall-link-status");

    /// <summary>Makes a link and returns its address, as the dialog shows it this once (the dialog stays open).</summary>
    public async Task<string> CreateAsync(string name)
    {
        await Page.GetByTestId("wall-link-create").ClickAsync();
        await Dialog.Locator("#wall-link-name").FillAsync(name);
        await Dialog.GetByTestId("save").ClickAsync();
        var url = Page.Locator("#wall-link-url");
        await Assertions.Expect(url).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("/wall/[A-Za-z0-9_-]{43}$"));
        return await url.InputValueAsync();
    }

    public async Task CloseCreatedAsync()
    {
        await Page.GetByTestId("wall-link-done").ClickAsync();
        await Assertions.Expect(Page.Locator("#wall-link-url")).ToHaveCountAsync(0);
    }

    public async Task RevokeAsync(string name)
    {
        await Row(name).GetByTestId("wall-link-revoke").ClickAsync();
        await ConfirmAsync();
    }
}

/// <summary>A TV showing /wall/{token}: no sign-in, no portal layout.</summary>
public sealed class WallScreen(IPage page)
{
    public IPage Page { get; } = page;

    public ILocator NewMembers => Page.GetByTestId("wall-new-members");

    public ILocator ActiveMembers => Page.GetByTestId("wall-active-members");

    public ILocator Signups => Page.GetByTestId("wall-signups");

    /// <summary>"今日扫码 N" under the scans-per-minute figure.</summary>
    public ILocator ScansToday => Page.GetByTestId("wall-scans-today");

    /// <summary>The big number of a headline figure (without its label).</summary>
    public static ILocator Value(ILocator figure) => figure.Locator(".wall-figure-value");

    /// <summary>The "connection lost" note wall.js shows while it reconnects.</summary>
    public ILocator Offline => Page.Locator("html.wall-offline");

    public ILocator NotValid => Page.GetByTestId("wall-invalid");

    public async Task OpenAsync(string url)
    {
        await Page.GotoAsync(url);
        await WaitLiveAsync();
    }

    /// <summary>The figures are live once the circuit has attached (before that the page is the prerendered copy).</summary>
    public Task WaitLiveAsync(float? timeout = null) =>
        Page.Locator("[data-testid=wall][data-interactive=true]").WaitForAsync(new() { Timeout = timeout });
}
