using CommunityPortal.Infrastructure.Domain;
using CommunityPortal.Features.Matrix;
using CommunityPortal.Features.Matrix.SeriesEditor;

namespace CommunityPortal.Tests.Features.Matrix.Groups;

/// <summary>Archiving a period, series or theme puts its groups away in the grid, as it does in the tree.</summary>
public sealed class ArchivedParentsTests : MatrixTestBase
{
    [Fact]
    public async Task GroupsOfAnArchivedActivity_LeaveTheDefaultGrid_ButStayFindable()
    {
        var activity = await MatrixWithOneActivityAsync();
        await GroupAsync("1期-福利群", activity.Id, memberCount: 50);
        await GroupAsync("长期群", memberCount: 10);

        await Activities.ArchiveAsync(activity.Id);

        Assert.Equal(["长期群"], Names(await Query.QueryAsync(new GroupQuery())));
        Assert.Equal(["1期-福利群", "长期群"], Names(await Query.QueryAsync(new GroupQuery { IncludeArchived = true })));
        // Asking for that period by id still shows its groups.
        Assert.Equal(["1期-福利群"], Names(await Query.QueryAsync(new GroupQuery { ActivityId = activity.Id })));
    }

    [Fact]
    public async Task GroupsUnderAnArchivedTheme_LeaveTheDefaultGrid()
    {
        var activity = await MatrixWithOneActivityAsync();
        await GroupAsync("1期-福利群", activity.Id);
        var series = await SeriesService.GetAsync(activity.SeriesId);

        await Themes.SetArchivedAsync(series.ThemeId, archived: true);
        Assert.Empty((await Query.QueryAsync(new GroupQuery())).Items);

        await Themes.SetArchivedAsync(series.ThemeId, archived: false);
        Assert.Equal(["1期-福利群"], Names(await Query.QueryAsync(new GroupQuery())));
    }

    private static string[] Names(PagedResult<GroupDto> page) => [.. page.Items.Select(g => g.Name)];
}
