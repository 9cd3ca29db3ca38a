using Bunit;
using CommunityPortal.Features.Matrix;
using CommunityPortal.Features.Matrix.Groups;
using CommunityPortal.Features.Members;
using CommunityPortal.Features.Members.List;
using CommunityPortal.Features.Members.Memberships;
using CommunityPortal.Features.Members.Tags;
using MudBlazor;

namespace CommunityPortal.Tests.Features.Members.List;

/// <summary>The member list: the address drives the query; filters change the address; rows, marks and permissions.</summary>
public sealed class MembersPageTests : MemberListComponentTestBase
{
    [Fact]
    public void List_WithoutMembers_ShowsTheEmptyState()
    {
        using var culture = Chinese();

        var cut = Render<MembersPage>();

        cut.WaitForAssertion(() => Assert.Contains("还没有会员", cut.Find("[data-testid=members-empty]").TextContent));
    }

    [Fact]
    public async Task List_ShowsNumberNamesMaskedPhoneLevelTagsAndLinksToTheProfile()
    {
        using var culture = Chinese();
        var channel = await ChannelAsync("公众号文章");
        var keen = await TagAsync("高意向");
        var yu = await MemberAsync("小雨妈妈", GrowthLevel.S, phone: "13812345678", channelId: channel);
        await TagMembersAsync(keen, yu);

        var cut = Render<MembersPage>();

        cut.WaitForAssertion(() => Assert.Single(Rows(cut)));
        var row = Rows(cut).Single();
        Assert.Equal("10001", cut.Find("[data-testid=member-no]").TextContent);
        Assert.Equal($"members/{yu.Id}", cut.Find("[data-testid=member-no]").GetAttribute("href"));
        Assert.Contains("138****5678", row.TextContent);
        Assert.DoesNotContain("13812345678", cut.Markup);
        Assert.Equal("S", cut.Find("[data-testid=member-level]").TextContent.Trim());
        Assert.Contains("高意向", row.TextContent);
        Assert.Contains("公众号文章", row.TextContent);
        Assert.Contains("共 1 位会员", cut.Find("[data-testid=members-total]").TextContent);
    }

    [Fact]
    public async Task List_ShowsTheFirstSixTags_AndCountsTheRest()
    {
        using var culture = Chinese();
        var yu = await MemberAsync("小雨妈妈");
        var names = Enumerable.Range(1, 8).Select(i => $"标签{i}").ToArray();
        foreach (var name in names)
        {
            await TagMembersAsync(await TagAsync(name), yu);
        }

        var cut = Render<MembersPage>();

        cut.WaitForAssertion(() => Assert.Single(Rows(cut)));
        var row = Rows(cut).Single();
        Assert.Equal(names[..6], row.QuerySelectorAll("[data-testid=member-tag]").Select(t => t.TextContent));
        var more = row.QuerySelector("[data-testid=member-tags-more]")!;
        Assert.Equal("+2 个", more.TextContent);
        Assert.Equal("标签7, 标签8", more.GetAttribute("title"));
    }

    [Fact]
    public async Task Address_WithTagAndLevel_ListsOnlyTheMembersMatchingBoth()
    {
        using var culture = Chinese();
        var keen = await TagAsync("高意向");
        var yu = await MemberAsync("小雨妈妈", GrowthLevel.S);
        var amy = await MemberAsync("Amy", GrowthLevel.A);
        await MemberAsync("豆豆爸爸", GrowthLevel.S);
        await TagMembersAsync(keen, yu, amy);
        Nav.NavigateTo($"members?all={keen.Id}&level=S");

        var cut = Render<MembersPage>();

        cut.WaitForAssertion(() => Assert.Equal(["小雨妈妈"], Names(cut)));
        Assert.Contains("筛选出 1 位会员", cut.Find("[data-testid=members-total]").TextContent);
        // The panel shows the filter it came with.
        Assert.Contains("高意向", cut.Find("[data-testid=filter-all]").TextContent);
    }

    [Fact]
    public async Task PickingATag_PutsItInTheAddress_AndFiltersTheList()
    {
        using var culture = Chinese();
        var keen = await TagAsync("高意向");
        var yu = await MemberAsync("小雨妈妈");
        await MemberAsync("Amy");
        await TagMembersAsync(keen, yu);
        var cut = Render<MembersPage>();
        cut.WaitForAssertion(() => Assert.Equal(2, Names(cut).Count));

        cut.Find("[data-testid=filter-all-toggle]").Click();
        cut.FindAll("[data-testid=filter-all] [data-testid=tag-option]").Single(b => b.TextContent == "高意向").Click();

        Assert.EndsWith($"/members?all={keen.Id}", Nav.Uri);
        cut.WaitForAssertion(() => Assert.Equal(["小雨妈妈"], Names(cut)));
    }

    [Fact]
    public async Task ExcludingATag_AndSearching_GoIntoTheAddressTogether()
    {
        using var culture = Chinese();
        var spam = await TagAsync("广告");
        var yu = await MemberAsync("小雨妈妈");
        await MemberAsync("豆豆妈妈");
        await MemberAsync("Amy");
        await TagMembersAsync(spam, yu);
        var cut = Render<MembersPage>();
        cut.WaitForAssertion(() => Assert.Equal(3, Names(cut).Count));

        cut.Find("#member-search").Change("妈妈");
        cut.WaitForAssertion(() => Assert.Equal(2, Names(cut).Count));
        cut.Find("[data-testid=filter-none-toggle]").Click();
        cut.FindAll("[data-testid=filter-none] [data-testid=tag-option]").Single(b => b.TextContent == "广告").Click();

        Assert.EndsWith($"/members?q=%E5%A6%88%E5%A6%88&none={spam.Id}", Nav.Uri);
        cut.WaitForAssertion(() => Assert.Equal(["豆豆妈妈"], Names(cut)));
    }

    [Fact]
    public async Task List_IsNewestFirst_AndSortsByTheClickedColumn()
    {
        using var culture = Chinese();
        await MemberAsync("b 豆豆爸爸");
        await MemberAsync("c 小雨妈妈");
        await MemberAsync("a Amy");
        var cut = Render<MembersPage>();
        cut.WaitForAssertion(() => Assert.Equal(["a Amy", "c 小雨妈妈", "b 豆豆爸爸"], Names(cut)));

        // The column's sort button.
        cut.FindAll("th").Single(th => th.TextContent.Contains("昵称")).QuerySelector("button")!.Click();

        cut.WaitForAssertion(() => Assert.Equal(["a Amy", "b 豆豆爸爸", "c 小雨妈妈"], Names(cut)));
    }

    [Fact]
    public async Task Address_WithAGroup_ListsItsMembers_AndNamesTheGroup()
    {
        using var culture = Chinese();
        var group = await Get<GroupService>().CreateAsync(new GroupInput { Name = "读书会1群", Status = GroupStatus.Open, Capacity = 200 });
        var yu = await MemberAsync("小雨妈妈");
        await MemberAsync("Amy");
        await Get<MembershipService>().JoinAsync(yu.Id, group.Id, MembershipSource.Manual);
        Nav.NavigateTo($"members?group={group.Id}");

        var cut = Render<MembersPage>();

        cut.WaitForAssertion(() => Assert.Equal(["小雨妈妈"], Names(cut)));
        cut.WaitForAssertion(() => Assert.Equal("读书会1群", cut.Find("#filter-group").GetAttribute("value")));
    }

    [Fact]
    public async Task Filter_MatchingNobody_OffersToClearIt()
    {
        using var culture = Chinese();
        await MemberAsync("小雨妈妈", GrowthLevel.C);
        Nav.NavigateTo("members?level=S");
        var cut = Render<MembersPage>();
        cut.WaitForAssertion(() => Assert.Contains("没有符合筛选条件的会员", cut.Find("[data-testid=members-empty]").TextContent));

        cut.Find("[data-testid=members-empty] button").Click();

        Assert.EndsWith("/members", Nav.Uri);
        cut.WaitForAssertion(() => Assert.Equal(["小雨妈妈"], Names(cut)));
    }

    [Fact]
    public async Task BlacklistedMember_IsMarkedRed()
    {
        using var culture = Chinese();
        var spammer = await MemberAsync("广告号");
        await MemberAsync("小雨妈妈");
        await Get<MemberService>().BlacklistAsync(spammer.Id, "发广告", Xiaowang);

        var cut = Render<MembersPage>();

        cut.WaitForAssertion(() => Assert.Equal(2, Names(cut).Count));
        var red = Assert.Single(Rows(cut), r => r.ClassList.Contains("member-blacklisted"));
        Assert.Contains("广告号", red.TextContent);
        Assert.Contains("黑名单", red.TextContent);
    }

    [Fact]
    public async Task Viewer_SeesNoTicksBulkTagsSaveOrExport()
    {
        using var culture = Chinese();
        await MemberAsync("小雨妈妈");
        SignInAsViewer();

        var cut = Render<MembersPage>();

        cut.WaitForAssertion(() => Assert.Single(Names(cut)));
        Assert.Empty(cut.FindAll("[data-testid=select-member]"));
        Assert.Empty(cut.FindAll("[data-testid=bulk-bar]"));
        Assert.Empty(cut.FindAll("[data-testid=save-segment]"));
        Assert.Empty(cut.FindAll("[data-testid=export-csv]"));
    }

    [Fact]
    public async Task Export_LinksToTheCsvOfTheCurrentFilter()
    {
        using var culture = Chinese();
        var keen = await TagAsync("高意向");
        Nav.NavigateTo($"members?all={keen.Id}&status=Active");

        var cut = Render<MembersPage>();

        cut.WaitForAssertion(() => Assert.Equal($"members/export.csv?all={keen.Id}&status=Active",
            cut.Find("[data-testid=export-csv]").GetAttribute("href")));
    }

    [Fact]
    public async Task BulkAddToAll_AsksWithTheNumberMatching_ThenTagsEveryOneOfThem_BeyondThePage()
    {
        using var culture = Chinese();
        var keen = await TagAsync("高意向");
        var s = new List<MemberHeader>();
        for (var i = 0; i < 23; i++)
        {
            s.Add(await MemberAsync($"S类{i}", GrowthLevel.S));
        }
        var other = await MemberAsync("C类", GrowthLevel.C);
        Nav.NavigateTo("members?level=S");
        var dialogs = Render<MudDialogProvider>();
        var cut = Render<MembersPage>();
        cut.WaitForAssertion(() => Assert.Equal(20, Names(cut).Count));

        await PickBulkTagAsync(cut, keen.Id);
        cut.Find("[data-testid=bulk-add-all]").Click();

        dialogs.WaitForAssertion(() => Assert.Equal("将给符合当前筛选条件的全部 23 位会员添加标签“意向 · 高意向”。确定继续吗？",
            dialogs.Find("[data-testid=bulk-question]").TextContent));
        Assert.Empty(await TaggedMemberIdsAsync(keen.Id));
        dialogs.Find("[data-testid=bulk-confirm]").Click();

        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("[data-testid=bulk-dialog]")));
        Assert.Equal(s.Select(m => m.Id).Order(), await TaggedMemberIdsAsync(keen.Id));
        Assert.DoesNotContain(other.Id, await TaggedMemberIdsAsync(keen.Id));
        cut.WaitForAssertion(() => Assert.Equal(20, Rows(cut).Count(r => r.TextContent.Contains("高意向"))));
    }

    [Fact]
    public async Task BulkAddToAll_WhenCancelled_ChangesNothing()
    {
        using var culture = Chinese();
        var keen = await TagAsync("高意向");
        await MemberAsync("小雨妈妈", GrowthLevel.S);
        Nav.NavigateTo("members?level=S");
        var dialogs = Render<MudDialogProvider>();
        var cut = Render<MembersPage>();
        cut.WaitForAssertion(() => Assert.Single(Names(cut)));

        await PickBulkTagAsync(cut, keen.Id);
        cut.Find("[data-testid=bulk-add-all]").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("全部 1 位会员", dialogs.Find("[data-testid=bulk-question]").TextContent));
        dialogs.Find("[data-testid=cancel]").Click();

        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("[data-testid=bulk-dialog]")));
        Assert.Empty(await TaggedMemberIdsAsync(keen.Id));
    }

    [Fact]
    public async Task BulkAddToSelected_TagsOnlyTheTickedMembers()
    {
        using var culture = Chinese();
        var keen = await TagAsync("高意向");
        var yu = await MemberAsync("小雨妈妈");
        var amy = await MemberAsync("Amy");
        await MemberAsync("豆豆爸爸");
        var dialogs = Render<MudDialogProvider>();
        var cut = Render<MembersPage>();
        cut.WaitForAssertion(() => Assert.Equal(3, Names(cut).Count));

        Tick(cut, "小雨妈妈");
        Tick(cut, "Amy");
        cut.WaitForAssertion(() => Assert.Contains("已选 2 人", cut.Find("[data-testid=bulk-selected]").TextContent));
        await PickBulkTagAsync(cut, keen.Id);
        cut.Find("[data-testid=bulk-add-selected]").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("所选的 2 位会员", dialogs.Find("[data-testid=bulk-question]").TextContent));
        dialogs.Find("[data-testid=bulk-confirm]").Click();

        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("[data-testid=bulk-dialog]")));
        Assert.Equal(new[] { yu.Id, amy.Id }.Order(), await TaggedMemberIdsAsync(keen.Id));
        cut.WaitForAssertion(() => Assert.Contains("已选 0 人", cut.Find("[data-testid=bulk-selected]").TextContent));
    }

    private static List<string> Names(IRenderedComponent<MembersPage> cut) =>
        [.. cut.FindAll("[data-testid=member-name]").Select(a => a.TextContent)];

    /// <summary>The grid's member rows (each has its 学号 link).</summary>
    private static List<AngleSharp.Dom.IElement> Rows(IRenderedComponent<MembersPage> cut) =>
        [.. cut.FindAll("[data-testid=members-grid] tbody tr").Where(r => r.QuerySelector("[data-testid=member-no]") is not null)];

    private static void Tick(IRenderedComponent<MembersPage> cut, string nickname) =>
        Rows(cut).Single(r => r.TextContent.Contains(nickname)).QuerySelector("[data-testid=select-member]")!.Change(true);

    private static async Task PickBulkTagAsync(IRenderedComponent<MembersPage> cut, int tagId)
    {
        var bar = cut.FindComponent<BulkTagBar>();
        var picker = bar.FindComponent<MudAutocomplete<TagOption>>();
        var offered = await picker.Instance.SearchFunc!("", CancellationToken.None)!;
        var option = offered!.Single(o => o.Id == tagId);
        await cut.InvokeAsync(() => picker.Instance.ValueChanged.InvokeAsync(option));
    }
}
