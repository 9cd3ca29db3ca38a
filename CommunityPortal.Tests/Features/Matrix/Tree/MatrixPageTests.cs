using AngleSharp.Dom;
using Bunit;
using CommunityPortal.Features.Matrix.Tree;
using CommunityPortal.Infrastructure.Security;
using MudBlazor;

namespace CommunityPortal.Tests.Features.Matrix.Tree;

public sealed class MatrixPageTests : MatrixComponentTestBase
{
    private static readonly string[] ChangeButtons = ["add-theme", "add-series", "add-activity", "add-group", "copy-previous", "edit", "archive", "delete"];

    [Fact]
    public void EmptyPortal_SaysWhatToDoFirst_WithTheAddThemeButton()
    {
        using var culture = Chinese();

        var cut = Render<MatrixPage>();

        var empty = cut.WaitForElement("[data-testid=matrix-empty]");
        Assert.Contains("还没有任何主题", empty.TextContent);
        Assert.Contains("新建主题", empty.TextContent);
        Assert.NotNull(empty.QuerySelector("[data-testid=empty-add-theme]"));
        Assert.Empty(cut.FindAll("[data-testid=matrix-tree]"));
    }

    [Fact]
    public async Task Tree_ShowsGroupAndMemberCounts_AtEveryLevel()
    {
        using var culture = Chinese();
        var activity = await SeedActivityAsync();
        await SeedGroupAsync(activity.Id, "1期-1群", 120);
        await SeedGroupAsync(activity.Id, "1期-2群", 30, capacity: 150);
        await SeedGroupAsync(null, "会员群", 300, capacity: 500);

        var cut = Render<MatrixPage>();
        cut.WaitForElement("[data-testid=node-group]");

        Assert.Equal((2, 150), Counts(Row(cut, "theme", "读书会")));
        Assert.Equal((2, 150), Counts(Row(cut, "series", "21天共读")));
        Assert.Equal((2, 150), Counts(Row(cut, "activity", "21天共读 第1期")));
        Assert.Equal((1, 300), Counts(Row(cut, "standalone", "长期群")));
        Assert.Equal("120", Row(cut, "group", "1期-1群").QuerySelector("[data-testid=count-members]")!.TextContent);
        Assert.Contains("/150", Row(cut, "group", "1期-2群").TextContent);
        Assert.Contains("第1期", Row(cut, "activity", "21天共读 第1期").TextContent);
        Assert.Contains("共 3 个社群，450 名成员", cut.Find("[data-testid=matrix-summary]").TextContent);
        Assert.Equal("groups/1", Row(cut, "group", "1期-1群").QuerySelector("a.node-name")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Viewer_SeesTheTree_ButNoButtonThatChangesIt()
    {
        using var culture = Chinese();
        var activity = await SeedActivityAsync();
        await SeedGroupAsync(activity.Id, "1期-1群", 10);
        SignInAsViewer();

        var cut = Render<MatrixPage>();
        cut.WaitForElement("[data-testid=node-group]");

        foreach (var button in ChangeButtons)
        {
            Assert.Empty(cut.FindAll($"[data-testid={button}]"));
        }
    }

    [Fact]
    public async Task Operator_MayCreateAndEdit_ButNotArchiveDeleteOrCopy()
    {
        using var culture = Chinese();
        var activity = await SeedActivityAsync();
        await SeedGroupAsync(activity.Id, "1期-1群", 10);
        Auth.SetPolicies(Policies.Read, Policies.Edit);

        var cut = Render<MatrixPage>();
        cut.WaitForElement("[data-testid=node-group]");

        Assert.NotEmpty(cut.FindAll("[data-testid=add-theme]"));
        Assert.NotNull(Row(cut, "series", "21天共读").QuerySelector("[data-testid=add-activity]"));
        Assert.NotNull(Row(cut, "activity", "21天共读 第1期").QuerySelector("[data-testid=edit]"));
        Assert.Empty(cut.FindAll("[data-testid=archive]"));
        Assert.Empty(cut.FindAll("[data-testid=delete]"));
        Assert.Empty(cut.FindAll("[data-testid=copy-previous]"));
    }

    [Fact]
    public async Task Collapsing_ATheme_HidesItsSeries()
    {
        using var culture = Chinese();
        await SeedActivityAsync();
        var cut = Render<MatrixPage>();
        cut.WaitForElement("[data-testid=node-series]");

        Row(cut, "theme", "读书会").QuerySelector("[data-testid=toggle]")!.Click();

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=node-series]")));
        Assert.Equal("false", Row(cut, "theme", "读书会").QuerySelector("[data-testid=toggle]")!.GetAttribute("aria-expanded"));
    }

    [Fact]
    public async Task DeletingANonEmptyTheme_AfterConfirming_ShowsTheServiceRefusal()
    {
        using var culture = Chinese();
        await SeedActivityAsync();
        var dialogs = Render<MudDialogProvider>();
        var toasts = Render<MudSnackbarProvider>();
        var cut = Render<MatrixPage>();
        cut.WaitForElement("[data-testid=node-theme]");

        Row(cut, "theme", "读书会").QuerySelector("[data-testid=delete]")!.Click();
        dialogs.WaitForAssertion(() => Assert.Contains("确定删除“读书会”吗", dialogs.Find("[data-testid=confirm-question]").TextContent));
        dialogs.Find("[data-testid=confirm-ok]").Click();

        toasts.WaitForAssertion(() => Assert.Contains(toasts.FindAll("[data-testid=toast]"),
            t => t.GetAttribute("data-severity") == "error" && t.TextContent.Contains("主题下还有系列，不能删除；请改为归档。", StringComparison.Ordinal)));
        Assert.Single(cut.FindAll("[data-testid=node-theme]"));
    }

    [Fact]
    public async Task CopyPrevious_ClickedTwice_AsksOnce_AndMakesOnePeriod()
    {
        using var culture = Chinese();
        await SeedActivityAsync();
        var dialogs = Render<MudDialogProvider>();
        var cut = Render<MatrixPage>();
        cut.WaitForElement("[data-testid=node-series]");

        Row(cut, "series", "21天共读").QuerySelector("[data-testid=copy-previous]")!.Click();
        Row(cut, "series", "21天共读").QuerySelector("[data-testid=copy-previous]")!.Click();
        dialogs.WaitForElement("[data-testid=confirm-ok]");
        Assert.Single(dialogs.FindAll("[data-testid=confirm-ok]"));
        dialogs.Find("[data-testid=confirm-ok]").Click();

        cut.WaitForAssertion(() => Assert.NotNull(cut.FindAll("[data-testid=node-activity]").SingleOrDefault(r => r.TextContent.Contains("第2期", StringComparison.Ordinal))));
        Assert.Equal(2, (await Get<CommunityPortal.Features.Matrix.Activities.ActivityService>().ListAsync()).Count);
    }

    private static IElement Row(IRenderedComponent<MatrixPage> cut, string kind, string name) =>
        cut.FindAll($"[data-testid=node-{kind}]").Single(r => r.QuerySelector(".node-name")!.TextContent.Trim() == name);

    private static (int Groups, int Members) Counts(IElement row) =>
        (int.Parse(row.QuerySelector("[data-testid=count-groups]")!.TextContent), int.Parse(row.QuerySelector("[data-testid=count-members]")!.TextContent));
}
