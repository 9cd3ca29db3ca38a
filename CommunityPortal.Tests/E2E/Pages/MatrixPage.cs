using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace CommunityPortal.Tests.E2E.Pages;

/// <summary>Counts shown on a matrix tree row (a group leaf shows its members and counts as one group).</summary>
public sealed record NodeCounts(int Groups, int Members);

/// <summary>
/// Page object for /matrix: the theme → series → activity → group tree and its dialogs. Every action is done once: a save
/// that does not close its dialog, or a new node that does not show, fails with what the page shows.
/// </summary>
public sealed class MatrixPage(IPage page, string baseUrl) : PortalPage(page, baseUrl)
{
    public Task OpenAsync() => GotoAsync("/matrix");

    public ILocator EmptyState => Page.GetByTestId("matrix-empty");

    /// <summary>A tree row by kind (theme, series, activity, group, standalone) and exact name.</summary>
    public ILocator Node(string kind, string name) =>
        Page.GetByTestId($"node-{kind}").Filter(new() { Has = Page.Locator(".node-name").Filter(new() { HasTextRegex = Exactly(name) }) });

    /// <summary>A tree row of any kind by exact name.</summary>
    public ILocator Node(string name) =>
        Page.Locator("[data-testid^='node-']").Filter(new() { Has = Page.Locator(".node-name").Filter(new() { HasTextRegex = Exactly(name) }) });

    public async Task AddThemeAsync(string name, string? description = null)
    {
        await Page.GetByTestId("add-theme").ClickAsync();
        await Dialog.Locator("#theme-name").FillAsync(name);
        if (description is not null)
        {
            await Dialog.Locator("#theme-description").FillAsync(description);
        }
        await SaveDialogAsync();
        await Node("theme", name).WaitForAsync();
    }

    public async Task AddSeriesAsync(string theme, string name)
    {
        await Node("theme", theme).GetByTestId("add-series").ClickAsync();
        await Dialog.Locator("#series-name").FillAsync(name);
        await SaveDialogAsync();
        await Node("series", name).WaitForAsync();
    }

    /// <summary>Adds the next period of a series; returns the new activity's name (e.g. "21天共读 第1期").</summary>
    public async Task<string> AddActivityAsync(string series, DateOnly start, DateOnly end, string? name = null)
    {
        var before = await HighlightedKeyAsync();
        await Node("series", series).GetByTestId("add-activity").ClickAsync();
        await FillDateAsync("activity-start", start);
        await FillDateAsync("activity-end", end);
        if (name is not null)
        {
            await Dialog.Locator("#activity-name").FillAsync(name);
        }
        await SaveDialogAsync();
        return await NewestNameAsync("activity", before);
    }

    public async Task AddGroupAsync(string activity, string name, int capacity, int members)
    {
        await Node("activity", activity).GetByTestId("add-group").ClickAsync();
        await FillGroupDialogAsync(name, capacity, members);
    }

    /// <summary>A long-term group outside any activity, under the 长期群 node.</summary>
    public async Task AddStandaloneGroupAsync(string name, int capacity, int members)
    {
        await Page.GetByTestId("node-standalone").GetByTestId("add-group").ClickAsync();
        await FillGroupDialogAsync(name, capacity, members);
    }

    private async Task FillGroupDialogAsync(string name, int capacity, int members)
    {
        await Dialog.Locator("#group-name").FillAsync(name);
        await Dialog.Locator("#group-capacity").FillAsync(capacity.ToString(CultureInfo.InvariantCulture));
        await Dialog.Locator("#group-members").FillAsync(members.ToString(CultureInfo.InvariantCulture));
        await SaveDialogAsync();
        await Node("group", name).WaitForAsync();
    }

    /// <summary>Archives a node (confirmed), or restores an archived one (no confirmation needed).</summary>
    public async Task ArchiveAsync(string kind, string name)
    {
        var row = Node(kind, name);
        var archived = (await row.GetAttributeAsync("class") ?? "").Contains("node-archived", StringComparison.Ordinal);
        await row.GetByTestId("archive").ClickAsync();
        if (!archived)
        {
            await ConfirmAsync();
        }
    }

    /// <summary>Deletes a node after confirming; the service may refuse (see <see cref="Notification"/>).</summary>
    public async Task DeleteAsync(string kind, string name)
    {
        await Node(kind, name).GetByTestId("delete").ClickAsync();
        await ConfirmAsync();
    }

    /// <summary>The latest toast (success or refusal).</summary>
    public ILocator Notification => Toast;

    public Task ShowArchivedAsync() => Page.GetByTestId("show-archived").CheckAsync();

    /// <summary>复制上一期 on a series, confirmed; returns the new activity's name.</summary>
    public async Task<string> CopyPreviousAsync(string series)
    {
        var before = await HighlightedKeyAsync();
        await Node("series", series).GetByTestId("copy-previous").ClickAsync();
        await ConfirmAsync();
        return await NewestNameAsync("activity", before);
    }

    public async Task<NodeCounts> CountsOf(string nodeName)
    {
        var row = Node(nodeName).First;
        await row.WaitForAsync();
        var members = Number(await row.GetByTestId("count-members").InnerTextAsync());
        var groups = await row.GetByTestId("count-groups").CountAsync() > 0
            ? Number(await row.GetByTestId("count-groups").InnerTextAsync())
            : 1;
        return new NodeCounts(groups, members);
    }

    /// <summary>Follows a group leaf's link to its page.</summary>
    public async Task<GroupPage> OpenGroupAsync(string name)
    {
        await Node("group", name).Locator("a.node-name").ClickAsync();
        var group = new GroupPage(Page, BaseUrl);
        await Assertions.Expect(group.Title).ToHaveTextAsync(name);
        return group;
    }

    /// <summary>Presses Save once; the dialog must close (a refusal keeps it open, and then this fails with what it says).</summary>
    private async Task SaveDialogAsync()
    {
        var dialog = Dialog;
        await dialog.GetByTestId("save").ClickAsync();
        try
        {
            await Assertions.Expect(Page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0, new() { Timeout = 20_000 });
        }
        catch (PlaywrightException)
        {
            await Screenshots.TakeAsync(Page, "matrix-dialog-stayed-open");
            throw new PlaywrightException("The dialog stayed open after Save; it shows: " + await dialog.InnerTextAsync());
        }
    }

    /// <summary>The node just created or copied is highlighted (a different one from <paramref name="before"/>).</summary>
    private async Task<string> NewestNameAsync(string kind, string? before)
    {
        var highlighted = Page.Locator($"[data-testid='node-{kind}'].node-highlight");
        var row = before is null ? highlighted : highlighted.And(Page.Locator($":not([data-node-key='{before}'])"));
        await row.WaitForAsync();
        return (await row.Locator(".node-name").InnerTextAsync()).Trim();
    }

    private async Task<string?> HighlightedKeyAsync()
    {
        var highlighted = Page.Locator(".node-highlight");
        return await highlighted.CountAsync() == 0 ? null : await highlighted.First.GetAttributeAsync("data-node-key");
    }

    /// <summary>Types a date the way the page's culture shows it into a date picker's text field, then leaves the field.</summary>
    private async Task FillDateAsync(string inputId, DateOnly date)
    {
        var culture = new CultureInfo(await Page.EvaluateAsync<string>("document.documentElement.lang"));
        var input = Dialog.Locator($"#{inputId}");
        await input.FillAsync(date.ToString(culture.DateTimeFormat.ShortDatePattern, culture));
        await input.PressAsync("Tab");
    }

    private static int Number(string text) => int.Parse(text.Trim(), NumberStyles.AllowThousands, CultureInfo.InvariantCulture);

    private static Regex Exactly(string text) => new($"^\\s*{Regex.Escape(text)}\\s*$");
}
