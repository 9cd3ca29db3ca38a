using Bunit;
using CommunityPortal.Features.Members;
using CommunityPortal.Features.Members.List;
using CommunityPortal.Features.Members.Tags;
using MudBlazor;
using CommunityPortal.Tests.Features.Members.List;

namespace CommunityPortal.Tests.Features.Members.Tags;

/// <summary>The tags page: groups by kind with member counts, the portal's automatic groups read-only, delete says who is affected.</summary>
public sealed class TagsPageTests : MemberListComponentTestBase
{
    [Fact]
    public void Page_WithoutTags_ShowsTheEmptyStateAndTheThreeKinds()
    {
        using var culture = Chinese();

        var cut = Render<TagsPage>();

        cut.WaitForAssertion(() => Assert.Contains("还没有标签", cut.Find("[data-testid=tags-empty]").TextContent));
        Assert.Contains("行为标签", cut.Find("[data-testid=tag-kind-Behaviour]").TextContent);
        Assert.Contains("成长标签", cut.Find("[data-testid=tag-kind-Growth]").TextContent);
        Assert.Contains("属性标签", cut.Find("[data-testid=tag-kind-Attribute]").TextContent);
    }

    [Fact]
    public async Task Groups_AreShownUnderTheirKind_WithEachTagsMemberCount()
    {
        using var culture = Chinese();
        var keen = await TagAsync("高意向", group: "意向");
        await TagAsync("观望", group: "意向");
        await TagMembersAsync(keen, await MemberAsync("小雨妈妈"), await MemberAsync("Amy"));

        var cut = Render<TagsPage>();

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=tag-row]").Count));
        var attribute = cut.Find("[data-testid=tag-kind-Attribute]");
        Assert.Contains("意向", attribute.QuerySelector("[data-testid=tag-group-name]")!.TextContent);
        var rows = cut.FindAll("[data-testid=tag-row]");
        Assert.Contains("2 人", rows.Single(r => r.TextContent.Contains("高意向")).TextContent);
        Assert.Contains("0 人", rows.Single(r => r.TextContent.Contains("观望")).TextContent);
    }

    [Fact]
    public async Task AutomaticGroup_IsReadOnly_EvenForEditors()
    {
        using var culture = Chinese();
        var channel = await ChannelAsync("公众号文章");
        await MemberAsync("小雨妈妈", channelId: channel);

        var cut = Render<TagsPage>();

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=tag-group-auto]")));
        var behaviour = cut.Find("[data-testid=tag-kind-Behaviour]");
        Assert.Contains("公众号文章", behaviour.TextContent);
        Assert.Empty(behaviour.QuerySelectorAll("[data-testid=edit-tag]"));
        Assert.Empty(behaviour.QuerySelectorAll("[data-testid=delete-tag]"));
        Assert.Empty(behaviour.QuerySelectorAll("[data-testid=edit-tag-group]"));
        Assert.Empty(behaviour.QuerySelectorAll("[data-testid=new-tag]"));
    }

    [Fact]
    public async Task Viewer_SeesNoWayToChangeTags()
    {
        using var culture = Chinese();
        await TagAsync("高意向");
        SignInAsViewer();

        var cut = Render<TagsPage>();

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=tag-row]")));
        Assert.Empty(cut.FindAll("[data-testid=edit-tag]"));
        Assert.Empty(cut.FindAll("[data-testid=new-tag]"));
        Assert.Empty(cut.FindAll("[data-testid=new-tag-group-Attribute]"));
    }

    [Fact]
    public async Task DeleteTag_SaysHowManyMembersCarryIt_AndTakesItOffThemAfterConfirming()
    {
        using var culture = Chinese();
        var keen = await TagAsync("高意向");
        await TagMembersAsync(keen, await MemberAsync("小雨妈妈"), await MemberAsync("Amy"), await MemberAsync("豆豆爸爸"));
        var dialogs = Render<MudDialogProvider>();
        var cut = Render<TagsPage>();
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=tag-row]")));

        cut.Find("[data-testid=delete-tag]").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("目前有 3 位会员带有该标签", dialogs.Markup));
        Assert.Single(await Get<TagService>().ListAsync(), g => g.Tags.Count == 1);
        Assert.Equal("删除", dialogs.Find("[data-testid=confirm-ok]").TextContent.Trim());
        dialogs.Find("[data-testid=confirm-ok]").Click();

        cut.WaitForAssertion(() => Assert.Contains("这个组里还没有标签", cut.Find("[data-testid=tag-group]").TextContent));
        Assert.Empty((await Get<TagService>().ListAsync()).SelectMany(g => g.Tags));
        Assert.Equal(0, (await Get<MemberQueryService>().QueryAsync(new MemberQuery { TagsAnyOf = [keen.Id] })).TotalCount);
    }

    [Fact]
    public async Task NewTag_WithAColour_IsAddedToTheGroup()
    {
        using var culture = Chinese();
        await Get<TagService>().CreateGroupAsync(new TagGroupInput { Name = "意向", Kind = TagGroupKind.Attribute });
        var dialogs = Render<MudDialogProvider>();
        var cut = Render<TagsPage>();
        cut.WaitForAssertion(() => cut.Find("[data-testid=new-tag]"));

        cut.Find("[data-testid=new-tag]").Click();
        dialogs.WaitForElement("#tag-name");
        dialogs.Find("#tag-name").Change("高意向");
        dialogs.Find("#tag-colour").Change("#43a047");
        dialogs.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Contains("高意向", cut.Find("[data-testid=tag-row]").TextContent));
        var tag = Assert.Single((await Get<TagService>().ListAsync()).SelectMany(g => g.Tags));
        Assert.Equal(("高意向", "#43A047"), (tag.Name, tag.Colour));
    }

    [Fact]
    public async Task NewTag_WithATakenName_ShowsTheMessageUnderTheField()
    {
        using var culture = Chinese();
        await TagAsync("高意向");
        var dialogs = Render<MudDialogProvider>();
        var cut = Render<TagsPage>();
        cut.WaitForAssertion(() => cut.Find("[data-testid=new-tag]"));

        cut.Find("[data-testid=new-tag]").Click();
        dialogs.WaitForElement("#tag-name");
        dialogs.Find("#tag-name").Change("高意向");
        dialogs.Find("form").Submit();

        dialogs.WaitForAssertion(() => Assert.Contains("同一上级下已存在相同的名称", dialogs.FieldMessage("tag-name")));
        Assert.Single((await Get<TagService>().ListAsync()).SelectMany(g => g.Tags));
    }
}
