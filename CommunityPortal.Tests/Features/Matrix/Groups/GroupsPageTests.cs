using Bunit;
using CommunityPortal.Features.Matrix;
using CommunityPortal.Features.Matrix.Groups;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CommunityPortal.Tests.Features.Matrix.Groups;

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

    [Fact]
    public async Task Grid_StartsFromTheAddress_AndWritesAChangedFilterBack()
    {
        using var culture = Chinese();
        var activity = await SeedActivityAsync();
        await SeedGroupAsync(activity.Id, "1期-1群", 120);
        await SeedGroupAsync(activity.Id, "1期-2群", 30);
        await SeedGroupAsync(null, "会员群", 300, capacity: 500);
        var nav = Services.GetRequiredService<NavigationManager>();
        nav.NavigateTo("groups?q=1期&sort=memberCount&desc=1");

        var cut = Render<GroupsPage>();

        cut.WaitForAssertion(() => Assert.Equal(["1期-1群", "1期-2群"], cut.FindAll("[data-testid=group-link]").Select(a => a.TextContent)));
        Assert.Equal("1期", cut.Find("#filter-search").GetAttribute("value"));

        var status = cut.FindComponents<MudSelect<GroupStatus?>>().Single();
        await cut.InvokeAsync(() => status.Instance.ValueChanged.InvokeAsync(GroupStatus.Planned));

        cut.WaitForAssertion(() => Assert.EndsWith("groups?q=1%E6%9C%9F&status=Planned&sort=memberCount&desc=1", nav.Uri, StringComparison.Ordinal));
        Assert.Equal(2, cut.FindAll("[data-testid=group-link]").Count);
    }
}
