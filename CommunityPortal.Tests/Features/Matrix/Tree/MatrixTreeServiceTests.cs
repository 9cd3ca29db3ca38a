using CommunityPortal.Features.Matrix;
using CommunityPortal.Features.Matrix.SeriesEditor;

namespace CommunityPortal.Tests.Features.Matrix.Tree;

/// <summary>
/// The matrix tree with counts at every level, over:
/// <code>
///   读书会 → 阅读营 → 第1期: 福利1群 100, 福利2群 50
///                 → 第2期: 福利1群 30
///         → 写作营 → 第1期: 写作1群 20
///   健身营 (empty)
///   standalone: 上海长期群 200, 北京长期群 10
/// </code>
/// </summary>
public sealed class MatrixTreeServiceTests : MatrixTestBase
{
    private int _readingTheme, _fitnessTheme, _readingCamp, _writingCamp, _firstPeriod, _secondPeriod, _writingPeriod;
    private int _welfare2, _beijing;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _readingTheme = (await ThemeAsync("读书会")).Id;
        _fitnessTheme = (await ThemeAsync("健身营")).Id;
        _writingCamp = (await SeriesAsync(_readingTheme, "写作营")).Id;
        _readingCamp = (await SeriesAsync(_readingTheme, "阅读营")).Id;
        _secondPeriod = (await ActivityAsync(_readingCamp, 2, "阅读营第2期")).Id;
        _firstPeriod = (await ActivityAsync(_readingCamp, 1, "阅读营第1期")).Id;
        _writingPeriod = (await ActivityAsync(_writingCamp, 1, "写作营第1期")).Id;
        _welfare2 = (await GroupAsync("福利2群", _firstPeriod, memberCount: 50)).Id;
        await GroupAsync("福利1群", _firstPeriod, memberCount: 100, status: GroupStatus.Open);
        await GroupAsync("福利1群", _secondPeriod, memberCount: 30);
        await GroupAsync("写作1群", _writingPeriod, memberCount: 20);
        await GroupAsync("上海长期群", memberCount: 200, capacity: 300);
        _beijing = (await GroupAsync("北京长期群", memberCount: 10)).Id;
    }

    private static string Counts(int groups, int members) => $"{groups} groups/{members} members";

    private static string Counts(MatrixTree tree) => Counts(tree.GroupCount, tree.MemberCount);

    private static string Counts(ThemeNode theme) => Counts(theme.GroupCount, theme.MemberCount);

    private static string Counts(SeriesNode series) => Counts(series.GroupCount, series.MemberCount);

    private static string Counts(ActivityNode activity) => Counts(activity.GroupCount, activity.MemberCount);

    [Fact]
    public async Task AnEmptyPortal_HasAnEmptyTree()
    {
        foreach (var theme in await Themes.ListAsync(includeArchived: true))
        {
            await Themes.SetArchivedAsync(theme.Id, true);
        }
        await Groups.ArchiveAsync(_beijing);
        var standalone = (await Query.QueryAsync(new GroupQuery { StandaloneOnly = true })).Items.Single();
        await Groups.ArchiveAsync(standalone.Id);

        var tree = await Tree.GetAsync();

        Assert.Empty(tree.Themes);
        Assert.Empty(tree.StandaloneGroups);
        Assert.Equal(Counts(0, 0), Counts(tree));
    }

    [Fact]
    public async Task Tree_CountsGroupsAndMembersAtEveryLevel()
    {
        var tree = await Tree.GetAsync();

        var reading = tree.Themes.Single(t => t.Id == _readingTheme);
        var camp = reading.Series.Single(s => s.Id == _readingCamp);
        Assert.Equal(Counts(6, 410), Counts(tree));
        Assert.Equal(Counts(4, 200), Counts(reading));
        Assert.Equal(Counts(0, 0), Counts(tree.Themes.Single(t => t.Id == _fitnessTheme)));
        Assert.Equal(Counts(3, 180), Counts(camp));
        Assert.Equal(Counts(1, 20), Counts(reading.Series.Single(s => s.Id == _writingCamp)));
        Assert.Equal(Counts(2, 150), Counts(camp.Activities.Single(a => a.Id == _firstPeriod)));
        Assert.Equal(Counts(1, 30), Counts(camp.Activities.Single(a => a.Id == _secondPeriod)));
        Assert.Equal(Counts(2, 210), Counts(tree.StandaloneGroups.Count, tree.StandaloneGroups.Sum(g => g.MemberCount)));
    }

    [Fact]
    public async Task Tree_OrdersThemesAndSeriesByName_ActivitiesByPeriod_AndGroupsByName()
    {
        var tree = await Tree.GetAsync();

        Assert.Equal(["健身营", "读书会"], tree.Themes.Select(t => t.Name));
        var reading = tree.Themes.Single(t => t.Id == _readingTheme);
        Assert.Equal(["写作营", "阅读营"], reading.Series.Select(s => s.Name));
        var camp = reading.Series.Single(s => s.Id == _readingCamp);
        Assert.Equal([1, 2], camp.Activities.Select(a => a.PeriodNo));
        Assert.Equal(["福利1群", "福利2群"], camp.Activities[0].Groups.Select(g => g.Name));
        Assert.Equal(["上海长期群", "北京长期群"], tree.StandaloneGroups.Select(g => g.Name));
    }

    [Fact]
    public async Task Leaves_CarryTheGroupsTierStatusAndFill()
    {
        var tree = await Tree.GetAsync();

        var leaf = tree.Themes.Single(t => t.Id == _readingTheme).Series.Single(s => s.Id == _readingCamp).Activities[0].Groups[0];
        Assert.Equal(("福利1群", _firstPeriod, GroupTier.Welfare, GroupStatus.Open, 100, 200),
            (leaf.Name, leaf.ActivityId, leaf.Tier, leaf.Status, leaf.MemberCount, leaf.Capacity));
        Assert.Equal(300, tree.StandaloneGroups.Single(g => g.Name == "上海长期群").Capacity);
    }

    [Fact]
    public async Task AnArchivedGroup_IsLeftOutOfTheCounts_UnlessAskedFor()
    {
        await Groups.ArchiveAsync(_welfare2);
        await Groups.ArchiveAsync(_beijing);

        var tree = await Tree.GetAsync();
        var all = await Tree.GetAsync(includeArchived: true);

        Assert.Equal(Counts(4, 350), Counts(tree));
        Assert.Equal(["上海长期群"], tree.StandaloneGroups.Select(g => g.Name));
        Assert.Equal(Counts(6, 410), Counts(all));
        Assert.Contains(all.StandaloneGroups, g => g.Id == _beijing && g.Status == GroupStatus.Archived);
    }

    [Fact]
    public async Task AnArchivedActivity_DisappearsWithItsGroups_UnlessAskedFor()
    {
        await Activities.ArchiveAsync(_firstPeriod);

        var camp = (await Tree.GetAsync()).Themes.Single(t => t.Id == _readingTheme).Series.Single(s => s.Id == _readingCamp);
        var campWithArchive = (await Tree.GetAsync(includeArchived: true)).Themes.Single(t => t.Id == _readingTheme).Series.Single(s => s.Id == _readingCamp);

        Assert.Equal([_secondPeriod], camp.Activities.Select(a => a.Id));
        Assert.Equal(Counts(1, 30), Counts(camp));
        Assert.Equal(Counts(3, 180), Counts(campWithArchive));
        Assert.Equal(ActivityStatus.Archived, campWithArchive.Activities.Single(a => a.Id == _firstPeriod).Status);
    }

    [Fact]
    public async Task AnArchivedSeries_DisappearsWithEverythingUnderIt_UnlessAskedFor()
    {
        await SeriesService.SetArchivedAsync(_readingCamp, true);

        var reading = (await Tree.GetAsync()).Themes.Single(t => t.Id == _readingTheme);
        var readingWithArchive = (await Tree.GetAsync(includeArchived: true)).Themes.Single(t => t.Id == _readingTheme);

        Assert.Equal([_writingCamp], reading.Series.Select(s => s.Id));
        Assert.Equal(Counts(1, 20), Counts(reading));
        Assert.True(readingWithArchive.Series.Single(s => s.Id == _readingCamp).IsArchived);
        Assert.Equal(Counts(4, 200), Counts(readingWithArchive));
    }

    [Fact]
    public async Task AnArchivedTheme_DisappearsWithEverythingUnderIt_ButStandaloneGroupsStay()
    {
        await Themes.SetArchivedAsync(_readingTheme, true);

        var tree = await Tree.GetAsync();
        var all = await Tree.GetAsync(includeArchived: true);

        Assert.Equal([_fitnessTheme], tree.Themes.Select(t => t.Id));
        Assert.Equal(Counts(2, 210), Counts(tree));
        Assert.True(all.Themes.Single(t => t.Id == _readingTheme).IsArchived);
        Assert.Equal(Counts(6, 410), Counts(all));
    }

    [Fact]
    public async Task Tree_FollowsAMemberCountChange()
    {
        var group = await Groups.GetAsync(_welfare2);
        var input = group.ToInput();
        input.MemberCount = 150;

        await Groups.UpdateAsync(group.Id, input, group.Version);

        Assert.Equal(Counts(6, 510), Counts(await Tree.GetAsync()));
    }
}
