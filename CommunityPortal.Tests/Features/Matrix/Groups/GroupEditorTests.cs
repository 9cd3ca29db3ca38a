using AngleSharp.Dom;
using Bunit;
using CommunityPortal.Features.Matrix;
using CommunityPortal.Features.Matrix.Groups;
using MudBlazor;

namespace CommunityPortal.Tests.Features.Matrix.Groups;

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
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Equal(["华东", "新品", "VIP"], saved?.Labels));
        Assert.Empty(cut.FindAll("[data-testid=conflict]"));
    }

    [Fact]
    public async Task Save_PressedWhileAChoiceIsStillOnItsWay_WaitsForItAndSavesIt()
    {
        using var culture = Chinese();
        var group = await SeedGroupAsync(null, "会员群", 10);
        // The browser's answer to the save's round trip is held back, as on a busy connection.
        var browser = JSInterop.SetupVoid("Math.max");
        var cut = Render<GroupEditor>(p => p.Add(x => x.Group, group));
        cut.WaitForElement("#group-members").Change("20");

        cut.Find("form").Submit();
        // MudSelect sets a chosen value only after its own call to the browser: here that value lands after the Save press.
        var tier = cut.FindComponents<MudSelect<GroupTier>>().Single();
        await cut.InvokeAsync(() => tier.Instance.ValueChanged.InvokeAsync(GroupTier.Core));
        Assert.Equal(10, (await Get<GroupService>().GetAsync(group.Id)).MemberCount);
        await cut.InvokeAsync(() => browser.SetVoidResult());

        await WaitForAsync(async () => (await Get<GroupService>().GetAsync(group.Id)).MemberCount == 20);
        var saved = await Get<GroupService>().GetAsync(group.Id);
        Assert.Equal(GroupTier.Core, saved.Tier);
        cut.WaitForAssertion(() => Assert.Equal("核心群", cut.Find("#group-tier").GetAttribute("value")));
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

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        for (var waited = 0; !await condition(); waited += 50)
        {
            Assert.True(waited < 5_000, "The save did not happen.");
            await Task.Delay(50);
        }
    }

    /// <summary>The error line of an input (the element its aria-describedby names), or null when the field is valid.</summary>
    private static string? FieldError(IRenderedComponent<GroupEditor> cut, string inputId)
    {
        var input = cut.Find($"#{inputId}");
        if (input.GetAttribute("aria-invalid") != "true")
        {
            return null;
        }
        var described = (input.GetAttribute("aria-describedby") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return string.Join(" ", described.Select(id => cut.Find($"[id='{id}']").TextContent.Trim()));
    }
}
