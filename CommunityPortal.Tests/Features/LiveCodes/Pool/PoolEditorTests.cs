using Bunit;
using CommunityPortal.Features.LiveCodes.Manage;
using CommunityPortal.Features.Matrix;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CommunityPortal.Tests.Features.LiveCodes.Pool;

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

        var picker = cut.FindComponent<MudAutocomplete<GroupDto>>();
        await cut.InvokeAsync(() => picker.Instance.ValueChanged.InvokeAsync(group));
        cut.Find("[data-testid=pool-add]").Click();

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
        var dialogs = Render<MudDialogProvider>();
        var cut = Render<LiveCodePage>(p => p.Add(x => x.Id, code.Id));
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=pool-row]").Count));

        cut.FindAll("[data-testid=remove-group]")[0].Click();
        dialogs.WaitForAssertion(() => Assert.Contains("1期-1群", dialogs.Find("[data-testid=confirm-question]").TextContent));
        Assert.Contains("移出群池", dialogs.Find("[data-testid=confirm-ok]").TextContent);
        dialogs.Find("[data-testid=confirm-ok]").Click();

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

    [Fact]
    public async Task Picker_OffersOpenGroupsOutsideThePool_AndNoLongerTheOneJustAdded()
    {
        using var culture = Chinese();
        var inPool = await SeedOpenGroupAsync("1期-1群");
        var outside = await SeedOpenGroupAsync("1期-2群");
        var code = await SeedLiveCodeAsync();
        await Get<LiveCodeService>().SetPoolAsync(code.Id, [new(inPool.Id)], code.Version);
        var cut = Render<LiveCodePage>(p => p.Add(x => x.Id, code.Id));
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=pool-row]")));
        var picker = cut.FindComponent<MudAutocomplete<GroupDto>>();

        Assert.Equal(["1期-2群"], (await Search(cut, picker, "")).Select(g => g.Name));
        Assert.Equal(["1期-2群"], (await Search(cut, picker, "1期")).Select(g => g.Name));

        await cut.InvokeAsync(() => picker.Instance.ValueChanged.InvokeAsync(outside));
        cut.Find("[data-testid=pool-add]").Click();
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=pool-row]").Count));

        Assert.Empty(await Search(cut, picker, ""));
    }

    [Fact]
    public async Task ThresholdAboveTheGroupsSeats_IsWarnedInItsRow_UntilLowered()
    {
        using var culture = Chinese();
        var small = await LiveCodeSeed.OpenGroupAsync(Services, "小群", capacity: 3);
        var roomy = await LiveCodeSeed.OpenGroupAsync(Services, "大群", members: 10);
        var code = await SeedLiveCodeAsync();
        await Get<LiveCodeService>().SetPoolAsync(code.Id, [new(small), new(roomy)], code.Version);
        var cut = Render<LiveCodePage>(p => p.Add(x => x.Id, code.Id));
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=pool-row]").Count));

        // The default threshold (180) would send 180 people to a group with 3 seats; the other group has 190.
        var rows = cut.FindAll("[data-testid=pool-row]");
        Assert.Contains("阈值还会再分配 180 人，但群里只剩 3 个空位", rows[0].QuerySelector("[data-testid=room-warning]")?.TextContent);
        Assert.Null(rows[1].QuerySelector("[data-testid=room-warning]"));

        var threshold = cut.FindComponents<MudNumericField<int?>>()[0];
        await cut.InvokeAsync(() => threshold.Instance.ValueChanged.InvokeAsync(3));

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=room-warning]")));
        Assert.Equal(3, (await Get<LiveCodeService>().GetAsync(code.Id)).Pool[0].Threshold);
    }

    private static async Task<IReadOnlyList<GroupDto>> Search(IRenderedComponent<LiveCodePage> cut, IRenderedComponent<MudAutocomplete<GroupDto>> picker,
        string text)
    {
        var search = picker.Instance.SearchFunc ?? throw new InvalidOperationException("The picker has no search.");
        IEnumerable<GroupDto>? found = null;
        await cut.InvokeAsync(async () => found = await (search(text, CancellationToken.None) ?? Task.FromResult<IEnumerable<GroupDto>>([])));
        return [.. found ?? []];
    }
}
