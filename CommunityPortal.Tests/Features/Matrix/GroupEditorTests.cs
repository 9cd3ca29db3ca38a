using AngleSharp.Dom;
using Bunit;
using CommunityPortal.Features.Matrix;
using CommunityPortal.Features.Matrix.Components;

namespace CommunityPortal.Tests.Features.Matrix;

public sealed class GroupEditorTests : MatrixComponentTestBase
{
    [Fact]
    public async Task Save_WhenTheNameIsTakenInTheActivity_ShowsTheServiceMessageUnderTheNameField()
    {
        using var culture = Chinese();
        var activity = await SeedActivityAsync();
        await SeedGroupAsync(activity.Id, "1期-1群", 0);
        var cut = Render<GroupEditor>(p => p.Add(x => x.ActivityId, activity.Id));

        cut.WaitForElement("#group-name").Change("1期-1群");
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Equal("同一上级下已存在相同的名称。", FieldError(cut, "group-name")));
        Assert.Null(FieldError(cut, "group-members"));
    }

    [Fact]
    public async Task Save_WithMoreMembersThanCapacity_ShowsTheRangeUnderTheMemberCount()
    {
        using var culture = Chinese();
        var cut = Render<GroupEditor>();

        cut.WaitForElement("#group-name").Change("会员群");
        cut.Find("#group-capacity").Change("100");
        cut.Find("#group-members").Change("150");
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Equal("成员数必须在 0 到 100 之间。", FieldError(cut, "group-members")));
        Assert.Equal(0, (await Get<GroupQueryService>().QueryAsync(new GroupQuery())).TotalCount);
    }

    [Fact]
    public async Task Save_AfterSomeoneElseSaved_IsRefusedWithReload_AndNothingIsOverwritten()
    {
        using var culture = Chinese();
        var group = await SeedGroupAsync(null, "会员群", 10);
        var cut = Render<GroupEditor>(p => p.Add(x => x.Group, group));
        cut.WaitForElement("#group-members");

        var other = group.ToInput();
        other.MemberCount = 40;
        await Get<GroupService>().UpdateAsync(group.Id, other, group.Version);
        cut.Find("#group-members").Change("90");
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Contains("此社群已被他人修改", cut.Find("[data-testid=conflict]").TextContent));
        Assert.Equal(40, (await Get<GroupService>().GetAsync(group.Id)).MemberCount);

        cut.Find("[data-testid=reload]").Click();
        cut.WaitForAssertion(() => Assert.Equal("40", cut.Find("#group-members").GetAttribute("value")));
        Assert.Empty(cut.FindAll("[data-testid=conflict]"));
    }

    [Fact]
    public async Task Save_KeepsTheLoadedVersion_SoASecondSaveOfMyOwnWorks()
    {
        using var culture = Chinese();
        var group = await SeedGroupAsync(null, "会员群", 10);
        GroupDto? saved = null;
        var cut = Render<GroupEditor>(p => p.Add(x => x.Group, group).Add(x => x.Saved, (GroupDto g) => saved = g));

        cut.WaitForElement("#group-members").Change("20");
        cut.Find("form").Submit();
        cut.WaitForAssertion(() => Assert.Equal(20, saved?.MemberCount));
        cut.Find("#group-labels").Input("华东，新品、VIP");
        cut.Find("#group-labels").Change("华东，新品、VIP");
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Equal(["华东", "新品", "VIP"], saved?.Labels));
        Assert.Empty(cut.FindAll("[data-testid=conflict]"));
    }

    [Fact]
    public async Task ReadOnly_ShowsTheGroupWithoutASaveButton()
    {
        using var culture = Chinese();
        var group = await SeedGroupAsync(null, "会员群", 10);

        var cut = Render<GroupEditor>(p => p.Add(x => x.Group, group).Add(x => x.ReadOnly, true));

        Assert.True(cut.WaitForElement("#group-name").HasAttribute("readonly"));
        Assert.Empty(cut.FindAll("#save"));
    }

    private static string? FieldError(IRenderedComponent<GroupEditor> cut, string inputId) =>
        cut.FindAll(".field").Single(f => f.QuerySelector($"#{inputId}") is not null)
            .QuerySelector(".validation-message")?.TextContent.Trim();
}
