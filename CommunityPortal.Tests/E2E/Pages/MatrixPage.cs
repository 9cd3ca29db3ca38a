using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace CommunityPortal.Tests.E2E.Pages;

/// <summary>Counts shown on a matrix tree row (a group leaf shows its members and counts as one group).</summary>
public sealed record NodeCounts(int Groups, int Members);

/// <summary>Page object for /matrix: the theme → series → activity → group tree and its dialogs.</summary>
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
        await Page.Locator("#theme-name").FillAsync(name);
        if (description is not null)
        {
            await Page.Locator("#theme-description").FillAsync(description);
        }
        await SaveDialogAsync();
        await Node("theme", name).WaitForAsync();
    }

    public async Task AddSeriesAsync(string theme, string name)
    {
        await Node("theme", theme).GetByTestId("add-series").ClickAsync();
        await Page.Locator("#series-name").FillAsync(name);
        await SaveDialogAsync();
        await Node("series", name).WaitForAsync();
    }

    /// <summary>Adds the next period of a series; returns the new activity's name (e.g. "21天共读 第1期").</summary>
    public async Task<string> AddActivityAsync(string series, DateOnly start, DateOnly end, string? name = null)
    {
        await Node("series", series).GetByTestId("add-activity").ClickAsync();
        await FillDateAsync("#activity-start", start);
        await FillDateAsync("#activity-end", end);
        if (name is not null)
        {
            await Page.Locator("#activity-name").FillAsync(name);
        }
        await SaveDialogAsync();
        return await NewestNameAsync("activity");
    }

    public Task AddGroupAsync(string activity, string name, int capacity, int members) =>
        AddGroupWithRetryAsync(() => Node("activity", activity).GetByTestId("add-group").ClickAsync(), name, capacity, members);

    /// <summary>
    /// Opens the group dialog, fills it and saves; then requires the new node (see <see cref="TryShowNodeAsync"/>).
    /// Seen a few times in CI on two busy cores, never here: the dialog went away and the reloaded tree had no such group,
    /// as if the save never reached the server. Then the group is added once more, and a second miss fails with what
    /// the tree showed.
    /// </summary>
    private async Task AddGroupWithRetryAsync(Func<Task> openDialog, string name, int capacity, int members)
    {
        string shown = "";
        for (var attempt = 1; attempt <= 2; attempt++)
        {
            await openDialog();
            await Page.Locator("#group-name").FillAsync(name);
            await Page.Locator("#group-capacity").FillAsync(capacity.ToString(CultureInfo.InvariantCulture));
            await Page.Locator("#group-members").FillAsync(members.ToString(CultureInfo.InvariantCulture));
            // Let the last field's change reach the server before Save is pressed.
            await Page.Locator("#group-members").PressAsync("Tab");
            await SaveDialogAsync();
            (var found, shown) = await TryShowNodeAsync("group", name);
            if (found)
            {
                return;
            }
        }
        await Screenshots.TakeAsync(Page, "matrix-missing-group");
        throw new TimeoutException($"No group node \"{name}\" after saving it twice and reloading; the tree shows: {shown}");
    }

    /// <summary>
    /// Waits for a new node; if the tree did not show it in place (an intermittent refresh race under load, noted in
    /// issue 2's closing note), reloads the matrix with every node open and looks there. Returns whether it is there, and
    /// otherwise the names the tree shows.
    /// </summary>
    private async Task<(bool Found, string Shown)> TryShowNodeAsync(string kind, string name)
    {
        try
        {
            await Node(kind, name).WaitForAsync(new() { Timeout = 7_000 });
            return (true, "");
        }
        catch (TimeoutException)
        {
            await OpenAsync();
            // The tree loads again once the circuit starts; a click on the prerendered button can be lost, so expand
            // again until the node shows (or give up after a few tries).
            for (var attempt = 1; attempt <= 3; attempt++)
            {
                await Page.Locator("[data-testid^='node-']").First.WaitForAsync();
                await Page.Locator("button:has(i:text('unfold_more'))").ClickAsync();
                try
                {
                    await Node(kind, name).WaitForAsync(new() { Timeout = 10_000 });
                    return (true, "");
                }
                catch (TimeoutException)
                {
                }
            }
            return (false, string.Join(" | ", await Page.Locator("[data-testid^='node-'] .node-name").AllInnerTextsAsync()));
        }
    }

    /// <summary>A long-term group outside any activity, under the 长期群 node.</summary>
    public Task AddStandaloneGroupAsync(string name, int capacity, int members) =>
        AddGroupWithRetryAsync(() => Page.GetByTestId("node-standalone").GetByTestId("add-group").ClickAsync(), name, capacity, members);

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
    public ILocator Notification => Page.Locator(".rz-notification-item").Last;

    public Task ShowArchivedAsync() => Page.Locator(".rz-switch:has(#show-archived)").ClickAsync();

    /// <summary>复制上一期 on a series, confirmed; returns the new activity's name.</summary>
    public async Task<string> CopyPreviousAsync(string series)
    {
        await Node("series", series).GetByTestId("copy-previous").ClickAsync();
        await ConfirmAsync();
        return await NewestNameAsync("activity");
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

    /// <summary>Clicks the OK button of a DialogService.Confirm.</summary>
    public new async Task ConfirmAsync()
    {
        var dialog = Page.Locator(".confirm-dialog");
        await dialog.WaitForAsync();
        await dialog.Locator(".rz-dialog-confirm-buttons button").First.ClickAsync();
        await dialog.WaitForAsync(new() { State = WaitForSelectorState.Detached });
    }

    private async Task SaveDialogAsync()
    {
        var dialog = Page.Locator(".matrix-dialog");
        await dialog.Locator("#save").ClickAsync();
        if (await ClosesAsync(dialog, 7_000))
        {
            return;
        }
        // Under load a date picker's async change can still be in flight when Save is clicked (a known race, see the
        // closing note of issue 2); one more click, once the values are in, must close it.
        await dialog.Locator("#save").ClickAsync();
        if (!await ClosesAsync(dialog, 15_000))
        {
            throw new TimeoutException("The dialog did not close; it shows: " + await dialog.InnerTextAsync());
        }
    }

    private static async Task<bool> ClosesAsync(ILocator dialog, float timeoutMs)
    {
        try
        {
            await dialog.WaitForAsync(new() { State = WaitForSelectorState.Detached, Timeout = timeoutMs });
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    /// <summary>The node just created or copied is highlighted.</summary>
    private async Task<string> NewestNameAsync(string kind)
    {
        var row = Page.Locator($"[data-testid='node-{kind}'].node-highlight");
        await row.WaitForAsync();
        return (await row.Locator(".node-name").InnerTextAsync()).Trim();
    }

    /// <summary>Types a date the way the page's culture shows it (the input is a Radzen date picker).</summary>
    private async Task FillDateAsync(string selector, DateOnly date)
    {
        var culture = new CultureInfo(await Page.EvaluateAsync<string>("document.documentElement.lang"));
        var input = Page.Locator(selector);
        await input.FillAsync(date.ToString(culture.DateTimeFormat.ShortDatePattern, culture));
        await input.PressAsync("Tab");
    }

    private static int Number(string text) => int.Parse(text.Trim(), NumberStyles.AllowThousands, CultureInfo.InvariantCulture);

    private static Regex Exactly(string text) => new($"^\\s*{Regex.Escape(text)}\\s*$");
}
