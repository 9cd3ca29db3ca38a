using Bunit;
using CommunityPortal.Features.Matrix.Groups;

namespace CommunityPortal.Tests.Features.Matrix.Groups;

public sealed class GroupPageTests : MatrixComponentTestBase
{
    [Fact]
    public void UnknownId_ShowsNotFound_NotAnError()
    {
        using var culture = Chinese();

        var cut = Render<GroupPage>(p => p.Add(x => x.Id, 4242));

        var notFound = cut.WaitForElement("[data-testid=group-not-found]");
        Assert.Contains("找不到这个社群", notFound.TextContent);
        Assert.Contains("4242", notFound.TextContent);
    }

    [Fact]
    public async Task Viewer_SeesTheGroup_WithoutSaveArchiveOrDelete()
    {
        using var culture = Chinese();
        var group = await SeedGroupAsync(null, "会员群", 0);
        SignInAsViewer();

        var cut = Render<GroupPage>(p => p.Add(x => x.Id, group.Id));

        cut.WaitForAssertion(() => Assert.Equal("会员群", cut.Find("[data-testid=page-title]").TextContent));
        Assert.Empty(cut.FindAll("#save"));
        Assert.Empty(cut.FindAll("[data-testid=archive]"));
        Assert.Empty(cut.FindAll("[data-testid=delete]"));
    }

    [Fact]
    public async Task Delete_IsOfferedOnlyForAGroupThatNeverOpenedAndHasNoMembers()
    {
        using var culture = Chinese();
        var empty = await SeedGroupAsync(null, "空群", 0);
        var used = await SeedGroupAsync(null, "老群", 5);

        var emptyPage = Render<GroupPage>(p => p.Add(x => x.Id, empty.Id));
        var usedPage = Render<GroupPage>(p => p.Add(x => x.Id, used.Id));

        emptyPage.WaitForElement("[data-testid=delete]");
        usedPage.WaitForElement("[data-testid=archive]");
        Assert.Empty(usedPage.FindAll("[data-testid=delete]"));
    }
}
