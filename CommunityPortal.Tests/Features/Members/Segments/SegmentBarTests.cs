using Bunit;
using CommunityPortal.Features.Members;
using CommunityPortal.Features.Members.List;
using CommunityPortal.Features.Members.Segments;
using MudBlazor;
using CommunityPortal.Tests.Features.Members.List;

namespace CommunityPortal.Tests.Features.Members.Segments;

/// <summary>Segments on the list page: save the filter in force, open one (its filter goes to the address) with its count.</summary>
public sealed class SegmentBarTests : MemberListComponentTestBase
{
    [Fact]
    public async Task SaveAsSegment_StoresTheFilterInForce_AndShowsItsCount()
    {
        using var culture = Chinese();
        var keen = await TagAsync("高意向");
        await TagMembersAsync(keen, await MemberAsync("小雨妈妈", GrowthLevel.S), await MemberAsync("Amy", GrowthLevel.A));
        Nav.NavigateTo($"members?all={keen.Id}&level=S");
        var dialogs = Render<MudDialogProvider>();
        var cut = Render<MembersPage>();
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=member-no]")));

        cut.Find("[data-testid=save-segment]").Click();
        dialogs.WaitForElement("#segment-name");
        dialogs.Find("#segment-name").Change("高意向S类");
        dialogs.Find("form").Submit();
        // The save is done when the dialog has closed.
        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("#segment-name")));

        var segment = Assert.Single(await Get<SegmentService>().ListAsync());
        Assert.Equal("高意向S类", segment.Name);
        Assert.Equal([keen.Id], segment.Filter.TagsAllOf);
        Assert.Equal(GrowthLevel.S, segment.Filter.GrowthLevel);
        Assert.EndsWith($"/members?all={keen.Id}&level=S&seg={segment.Id}", Nav.Uri);
        cut.WaitForAssertion(() => Assert.Equal("共 1 人", cut.Find("[data-testid=segment-count]").TextContent.Trim()));
    }

    [Fact]
    public async Task SaveAsSegment_WithATakenName_SaysSoUnderTheField()
    {
        using var culture = Chinese();
        await Get<SegmentService>().SaveAsync(new SegmentInput { Name = "S类" }, new MemberFilter { GrowthLevel = GrowthLevel.S }, Xiaowang);
        Nav.NavigateTo("members?level=A");
        var dialogs = Render<MudDialogProvider>();
        var cut = Render<MembersPage>();
        cut.WaitForAssertion(() => cut.Find("[data-testid=save-segment]"));

        cut.Find("[data-testid=save-segment]").Click();
        dialogs.WaitForElement("#segment-name");
        dialogs.Find("#segment-name").Change("S类");
        dialogs.Find("form").Submit();

        dialogs.WaitForAssertion(() => Assert.Contains("已有同名的分群", dialogs.FieldMessage("segment-name")));
        Assert.Single(await Get<SegmentService>().ListAsync());
    }

    [Fact]
    public async Task OpeningASegment_PutsItsFilterInTheAddress_AndListsItsMembers()
    {
        using var culture = Chinese();
        await MemberAsync("小雨妈妈", GrowthLevel.S);
        await MemberAsync("Amy", GrowthLevel.A);
        await MemberAsync("豆豆爸爸", GrowthLevel.S);
        var segment = await Get<SegmentService>().SaveAsync(new SegmentInput { Name = "S类" }, new MemberFilter { GrowthLevel = GrowthLevel.S }, Xiaowang);
        var cut = Render<MembersPage>();
        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("[data-testid=member-no]").Count));

        var picker = cut.FindComponent<SegmentBar>().FindComponent<MudSelect<int?>>();
        await cut.InvokeAsync(() => picker.Instance.ValueChanged.InvokeAsync(segment.Id));

        Assert.EndsWith($"/members?level=S&seg={segment.Id}", Nav.Uri);
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=member-no]").Count));
        cut.WaitForAssertion(() => Assert.Equal("共 2 人", cut.Find("[data-testid=segment-count]").TextContent.Trim()));
    }

    [Fact]
    public async Task ManageSegments_ListsEachWithItsCount_AndDeletesAfterConfirming()
    {
        using var culture = Chinese();
        await MemberAsync("小雨妈妈", GrowthLevel.S);
        await MemberAsync("Amy", GrowthLevel.A);
        await MemberAsync("豆豆爸爸", GrowthLevel.S);
        var segments = Get<SegmentService>();
        await segments.SaveAsync(new SegmentInput { Name = "S类" }, new MemberFilter { GrowthLevel = GrowthLevel.S }, Xiaowang);
        await segments.SaveAsync(new SegmentInput { Name = "A类" }, new MemberFilter { GrowthLevel = GrowthLevel.A }, Xiaowang);
        var dialogs = Render<MudDialogProvider>();
        var cut = Render<MembersPage>();
        cut.WaitForAssertion(() => cut.Find("[data-testid=manage-segments]"));

        cut.Find("[data-testid=manage-segments]").Click();

        dialogs.WaitForAssertion(() => Assert.Equal(["A类 1", "S类 2"], dialogs.FindAll("[data-testid=segment-row]")
            .Select(r => $"{r.Children[0].TextContent} {r.QuerySelector("[data-testid=segment-row-count]")!.TextContent}")));
        Assert.Contains("小王", dialogs.Find("[data-testid=segment-row]").TextContent);
        dialogs.FindAll("[data-testid=segment-row]").Single(r => r.TextContent.Contains("S类")).QuerySelector("[data-testid=segment-delete]")!.Click();
        dialogs.WaitForAssertion(() => Assert.Contains("只删除保存的筛选条件", dialogs.Markup));
        Assert.Equal("删除", dialogs.Find("[data-testid=confirm-ok]").TextContent.Trim());
        dialogs.Find("[data-testid=confirm-ok]").Click();

        dialogs.WaitForAssertion(() => Assert.Single(dialogs.FindAll("[data-testid=segment-row]")));
        Assert.Equal(["A类"], (await segments.ListAsync()).Select(s => s.Name));
        Assert.Equal(3, (await Get<MemberQueryService>().QueryAsync(new MemberQuery())).TotalCount);
    }

    [Fact]
    public void SaveAsSegment_IsOffered_OnlyWithAFilter()
    {
        using var culture = Chinese();

        var cut = Render<MembersPage>();

        cut.WaitForAssertion(() => Assert.True(cut.Find("[data-testid=save-segment]").HasAttribute("disabled")));
    }
}
