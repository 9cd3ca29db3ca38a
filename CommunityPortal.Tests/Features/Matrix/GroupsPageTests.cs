using Bunit;
using CommunityPortal.Features.Matrix.Pages;

namespace CommunityPortal.Tests.Features.Matrix;

public sealed class GroupsPageTests : MatrixComponentTestBase
{
    [Fact]
    public async Task Grid_LoadsGroupsFromTheService_WithTheTotal()
    {
        using var culture = Chinese();
        var activity = await SeedActivityAsync();
        await SeedGroupAsync(activity.Id, "1期-1群", 120);
        await SeedGroupAsync(activity.Id, "1期-2群", 30);
        await SeedGroupAsync(null, "会员群", 300, capacity: 500);

        var cut = Render<GroupsPage>();

        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("[data-testid=group-link]").Count));
        Assert.Contains("共 3 个社群", cut.Find("[data-testid=groups-total]").TextContent);
        Assert.Equal(["1期-1群", "1期-2群", "会员群"], cut.FindAll("[data-testid=group-link]").Select(a => a.TextContent));
        Assert.Contains("独立长期群", cut.Markup);
    }

    [Fact]
    public void Grid_WithoutGroups_ShowsTheEmptyState()
    {
        using var culture = Chinese();

        var cut = Render<GroupsPage>();

        cut.WaitForAssertion(() => Assert.Contains("还没有社群", cut.Find("[data-testid=groups-empty]").TextContent));
    }
}
