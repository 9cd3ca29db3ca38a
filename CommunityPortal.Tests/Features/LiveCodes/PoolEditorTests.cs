using Bunit;
using CommunityPortal.Features.LiveCodes;
using CommunityPortal.Features.LiveCodes.Pages;
using Microsoft.AspNetCore.Components;
using Radzen.Blazor;

namespace CommunityPortal.Tests.Features.LiveCodes;

public sealed class PoolEditorTests : LiveCodeComponentTestBase
{
    [Fact]
    public async Task AddGroup_PickedFromTheDropdown_ShowsInThePoolAndIsSaved()
    {
        using var culture = Chinese();
        var group = await SeedOpenGroupAsync("1期-1群", members: 42);
        var code = await SeedLiveCodeAsync();
        var cut = Render<LiveCodePage>(p => p.Add(x => x.Id, code.Id));
        cut.WaitForAssertion(() => cut.Find("[data-testid=pool-empty]"));

        var dropdown = cut.FindComponent<RadzenDropDown<int?>>();
        await cut.InvokeAsync(() => dropdown.Instance.ValueChanged.InvokeAsync(group.Id));
        cut.Find("[data-testid=pool-add] ").Click();

        cut.WaitForAssertion(() => Assert.Equal(["1期-1群"], cut.FindAll("[data-testid=pool-group]").Select(a => a.TextContent)));
        Assert.Contains("42 / 200", cut.Find("[data-testid=pool-row]").TextContent);
        Assert.Contains("缺少群二维码", cut.Find("[data-testid=pool-row]").TextContent);
        Assert.Equal([group.Id], (await Get<LiveCodeService>().GetAsync(code.Id)).Pool.Select(e => e.GroupId));
    }

    [Fact]
    public async Task RemoveGroup_AfterConfirming_LeavesThePool()
    {
        using var culture = Chinese();
        var first = await SeedOpenGroupAsync("1期-1群");
        var second = await SeedOpenGroupAsync("1期-2群");
        var code = await SeedLiveCodeAsync();
        await Get<LiveCodeService>().SetPoolAsync(code.Id, [new(first.Id), new(second.Id)], code.Version);
        var dialogs = Render<RadzenDialog>();
        var cut = Render<LiveCodePage>(p => p.Add(x => x.Id, code.Id));
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=pool-row]").Count));

        cut.FindAll("[data-testid=remove-group]")[0].Click();
        dialogs.WaitForAssertion(() => Assert.Contains("1期-1群", dialogs.Markup));
        dialogs.FindAll("button").First(b => b.TextContent.Contains("移出群池")).Click();

        cut.WaitForAssertion(() => Assert.Equal(["1期-2群"], cut.FindAll("[data-testid=pool-group]").Select(a => a.TextContent)));
        Assert.Equal([second.Id], (await Get<LiveCodeService>().GetAsync(code.Id)).Pool.Select(e => e.GroupId));
    }

    [Fact]
    public async Task MoveGroup_AfterSomeoneElseChangedTheCode_ShowsTheConflictAndKeepsTheirPool()
    {
        using var culture = Chinese();
        var first = await SeedOpenGroupAsync("1期-1群");
        var second = await SeedOpenGroupAsync("1期-2群");
        var code = await SeedLiveCodeAsync();
        await Get<LiveCodeService>().SetPoolAsync(code.Id, [new(first.Id), new(second.Id)], code.Version);
        var cut = Render<LiveCodePage>(p => p.Add(x => x.Id, code.Id));
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=pool-row]").Count));
        var loaded = await Get<LiveCodeService>().GetAsync(code.Id);
        await Get<LiveCodeService>().RemoveFromPoolAsync(code.Id, second.Id, loaded.Version);

        cut.FindAll("[data-testid=move-down]")[0].Click();

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.Find("[data-testid=pool-editor] [data-testid=form-error]").TextContent.Trim()));
        Assert.Equal([first.Id], (await Get<LiveCodeService>().GetAsync(code.Id)).Pool.Select(e => e.GroupId));
    }

    [Fact]
    public async Task Viewer_SeesThePoolAndLinks_WithoutAnyEditingControls()
    {
        using var culture = Chinese();
        var group = await SeedOpenGroupAsync("1期-1群");
        var code = await SeedLiveCodeAsync();
        await Get<LiveCodeService>().SetPoolAsync(code.Id, [new(group.Id)], code.Version);
        SignInAsViewer();

        var cut = Render<LiveCodePage>(p => p.Add(x => x.Id, code.Id));

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=pool-row]")));
        Assert.EndsWith("/q/reading", cut.Find("[data-testid=scan-url]").GetAttribute("value"));
        Assert.Empty(cut.FindAll("[data-testid=remove-group], [data-testid=move-down], [data-testid=pool-add], [data-testid=add-channel-code]"));
        Assert.Empty(cut.FindAll("[data-testid=edit-livecode], [data-testid=delete-livecode]"));
    }
}
