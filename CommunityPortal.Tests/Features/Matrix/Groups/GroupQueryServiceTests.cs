using CommunityPortal.Features.Matrix;
using CommunityPortal.Features.Matrix.Groups;

namespace CommunityPortal.Tests.Features.Matrix.Groups;

/// <summary>
/// The groups grid. Every test sees the same matrix (names start with a letter so the expected orders are easy to read):
/// <code>
///   name       activity      tier         lifetime  owner  capacity members status   labels
///   a-福利1群   阅读营第1期    Welfare      Temporary alice  200      150     Open     上海
///   b-核心群    阅读营第1期    Core         Temporary bob    100      100     Full     北京, VIP
///   c-福利2群   阅读营第2期    Welfare      Temporary —      200      0       Planned  (edited last)
///   d-流通群    阅读营第2期    Circulation  Temporary alice  500      320     Open     上海, 学院
///   e-上海长期群 —             Core         LongTerm  alice  300      280     Open     上海
///   f-VIP长期群  —             Circulation  LongTerm  bob    50       10      Open
///   z-旧群      阅读营第1期    Welfare      Temporary —      200      30      Archived 旧
/// </code>
/// </summary>
public sealed class GroupQueryServiceTests(GroupQueryServiceTests.Matrix matrix) : IClassFixture<GroupQueryServiceTests.Matrix>
{
    private const string Alice = "alice@example.com";

    private GroupQueryService Query => matrix.Service;

    /// <summary>Built once for the class: the tests only read.</summary>
    public sealed class Matrix : MatrixTestBase
    {
        public GroupQueryService Service => Query;

        public int FirstPeriod { get; private set; }

        public int SecondPeriod { get; private set; }

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            await UserAsync(Alice, "Alice");
            await UserAsync("bob@example.com", "Bob");
            var first = await MatrixWithOneActivityAsync();
            var second = await ActivityAsync(first.SeriesId, 2, "阅读营第2期");
            (FirstPeriod, SecondPeriod) = (first.Id, second.Id);

            await SeedAsync("a-福利1群", first.Id, GroupTier.Welfare, GroupLifetime.Temporary, Alice, 200, 150, GroupStatus.Open, "上海");
            await SeedAsync("b-核心群", first.Id, GroupTier.Core, GroupLifetime.Temporary, "bob@example.com", 100, 100, GroupStatus.Full, "北京", "VIP");
            var c = await SeedAsync("c-福利2群", second.Id, GroupTier.Welfare, GroupLifetime.Temporary, null, 200, 0, GroupStatus.Planned);
            await SeedAsync("d-流通群", second.Id, GroupTier.Circulation, GroupLifetime.Temporary, Alice, 500, 320, GroupStatus.Open, "上海", "学院");
            await SeedAsync("e-上海长期群", null, GroupTier.Core, GroupLifetime.LongTerm, Alice, 300, 280, GroupStatus.Open, "上海");
            await SeedAsync("f-VIP长期群", null, GroupTier.Circulation, GroupLifetime.LongTerm, "bob@example.com", 50, 10, GroupStatus.Open);
            var z = await SeedAsync("z-旧群", first.Id, GroupTier.Welfare, GroupLifetime.Temporary, null, 200, 30, GroupStatus.Open, "旧");
            await Groups.ArchiveAsync(z.Id);
            await Task.Delay(5);
            var edit = c.ToInput();
            edit.Announcement = "最后修改的群";
            await Groups.UpdateAsync(c.Id, edit, c.Version);
        }

        private async Task<GroupDto> SeedAsync(string name, int? activityId, GroupTier tier, GroupLifetime lifetime, string? owner,
            int capacity, int members, GroupStatus status, params string[] labels)
        {
            await Task.Delay(2); // distinct creation times, so createdAt has an order of its own
            var input = NewGroup(name, activityId, members, capacity, status);
            input.Tier = tier;
            input.Lifetime = lifetime;
            input.OwnerEmail = owner;
            input.Labels = [.. labels];
            return await Groups.CreateAsync(input);
        }
    }

    private async Task<string> NamesAsync(GroupQuery query)
    {
        var page = await Query.QueryAsync(query);
        return string.Join(' ', page.Items.Select(g => g.Name[..1]));
    }

    // ---- filters ----

    [Fact]
    public async Task ByDefault_ListsEveryLiveGroup_ByName_AndHidesArchivedOnes()
    {
        var page = await Query.QueryAsync(new GroupQuery());

        Assert.Equal("a b c d e f", string.Join(' ', page.Items.Select(g => g.Name[..1])));
        Assert.Equal((6, 0, 20), (page.TotalCount, page.Skip, page.Take));
    }

    [Fact]
    public async Task IncludeArchived_ListsArchivedGroupsToo() =>
        Assert.Equal("a b c d e f z", await NamesAsync(new GroupQuery { IncludeArchived = true }));

    [Fact]
    public async Task FilteringByStatusArchived_ListsOnlyArchivedGroups_WithoutAskingForArchived() =>
        Assert.Equal("z", await NamesAsync(new GroupQuery { Status = GroupStatus.Archived }));

    [Theory]
    [InlineData(GroupTier.Welfare, "a c")]
    [InlineData(GroupTier.Core, "b e")]
    [InlineData(GroupTier.Circulation, "d f")]
    public async Task FilteringByTier_ListsOnlyThatTier(GroupTier tier, string expected) =>
        Assert.Equal(expected, await NamesAsync(new GroupQuery { Tier = tier }));

    [Theory]
    [InlineData(GroupStatus.Planned, "c")]
    [InlineData(GroupStatus.Open, "a d e f")]
    [InlineData(GroupStatus.Full, "b")]
    public async Task FilteringByStatus_ListsOnlyThatStatus(GroupStatus status, string expected) =>
        Assert.Equal(expected, await NamesAsync(new GroupQuery { Status = status }));

    [Theory]
    [InlineData(GroupLifetime.Temporary, "a b c d")]
    [InlineData(GroupLifetime.LongTerm, "e f")]
    public async Task FilteringByLifetime_ListsOnlyThatLifetime(GroupLifetime lifetime, string expected) =>
        Assert.Equal(expected, await NamesAsync(new GroupQuery { Lifetime = lifetime }));

    [Theory]
    [InlineData("alice@example.com", "a d e")]
    [InlineData(" BOB@Example.COM ", "b f")]
    [InlineData("nobody@example.com", "")]
    public async Task FilteringByOwner_MatchesTheEmailIgnoringCase(string owner, string expected) =>
        Assert.Equal(expected, await NamesAsync(new GroupQuery { OwnerEmail = owner }));

    [Theory]
    [InlineData("上海", "a d e")]
    [InlineData("VIP", "b")]
    [InlineData("上", "")]
    public async Task FilteringByLabel_MatchesAWholeLabel(string label, string expected) =>
        Assert.Equal(expected, await NamesAsync(new GroupQuery { Label = label }));

    [Theory]
    [InlineData("福利", "a c")]
    [InlineData(" 长期 ", "e f")]
    [InlineData("vip", "f")]
    [InlineData("没有这个", "")]
    public async Task Searching_FindsNamesContainingTheText_IgnoringCase(string search, string expected) =>
        Assert.Equal(expected, await NamesAsync(new GroupQuery { Search = search }));

    [Fact]
    public async Task FilteringByActivity_ListsThatActivitysGroups()
    {
        Assert.Equal("a b", await NamesAsync(new GroupQuery { ActivityId = matrix.FirstPeriod }));
        Assert.Equal("a b z", await NamesAsync(new GroupQuery { ActivityId = matrix.FirstPeriod, IncludeArchived = true }));
        Assert.Equal("c d", await NamesAsync(new GroupQuery { ActivityId = matrix.SecondPeriod }));
    }

    [Fact]
    public async Task StandaloneOnly_ListsGroupsOutsideAnyActivity() =>
        Assert.Equal("e f", await NamesAsync(new GroupQuery { StandaloneOnly = true }));

    [Fact]
    public async Task Filters_Combine() =>
        Assert.Equal("d", await NamesAsync(new GroupQuery { OwnerEmail = Alice, Label = "上海", ActivityId = matrix.SecondPeriod, Status = GroupStatus.Open }));

    [Fact]
    public async Task Labels_ListsEveryLabelInUseOnce_InOrdinalOrder() =>
        Assert.Equal(["VIP", "上海", "北京", "学院", "旧"], await Query.LabelsAsync());

    // ---- sorting ----

    [Theory]
    [InlineData(null, false, "a b c d e f")]
    [InlineData("name", true, "f e d c b a")]
    [InlineData("tier", false, "a c b e d f")] // Welfare, Core, Circulation: the tiers' own order, not the alphabet
    [InlineData("tier", true, "d f b e a c")]
    [InlineData("status", false, "c a d e f b")] // Planned, Open, Full
    [InlineData("status", true, "b a d e f c")]
    [InlineData("memberCount", false, "c f b a e d")]
    [InlineData("memberCount", true, "d e a b f c")]
    [InlineData("capacity", false, "f b a c e d")]
    [InlineData("capacity", true, "d e a c b f")]
    [InlineData("owner", false, "c a d e b f")] // without an owner first
    [InlineData("ownerEmail", true, "b f a d e c")]
    [InlineData("activity", false, "e f a b c d")] // standalone first
    [InlineData("activityName", true, "c d a b e f")]
    [InlineData("createdAt", false, "a b c d e f")]
    [InlineData("createdAt", true, "f e d c b a")]
    [InlineData("updatedAt", false, "a b d e f c")]
    [InlineData("updatedAt", true, "c f e d b a")]
    [InlineData("MEMBERCOUNT", false, "c f b a e d")]
    [InlineData("no-such-column", false, "a b c d e f")]
    public async Task Sorting_ByEachKey_InBothDirections_BreaksTiesByAge(string? sortBy, bool descending, string expected) =>
        Assert.Equal(expected, await NamesAsync(new GroupQuery { SortBy = sortBy, Descending = descending }));

    [Theory]
    [InlineData("tier", false)]
    [InlineData("status", true)]
    [InlineData("capacity", false)]
    [InlineData("owner", true)]
    public async Task PagingOneByOne_ThroughASortWithTies_VisitsEveryGroupExactlyOnce(string sortBy, bool descending)
    {
        var all = await NamesAsync(new GroupQuery { SortBy = sortBy, Descending = descending });
        var oneByOne = new List<string>();
        for (var skip = 0; skip < 6; skip++)
        {
            oneByOne.Add(await NamesAsync(new GroupQuery { SortBy = sortBy, Descending = descending, Skip = skip, Take = 1 }));
        }

        Assert.Equal(all, string.Join(' ', oneByOne));
    }

    // ---- paging ----

    [Theory]
    [InlineData(0, 4, "a b c d")]
    [InlineData(4, 4, "e f")]
    [InlineData(2, 2, "c d")]
    [InlineData(6, 4, "")]
    [InlineData(99, 4, "")]
    public async Task Paging_ReturnsThePage_AndTheTotalOfAllMatches(int skip, int take, string expected)
    {
        var page = await Query.QueryAsync(new GroupQuery { Skip = skip, Take = take });

        Assert.Equal(expected, string.Join(' ', page.Items.Select(g => g.Name[..1])));
        Assert.Equal((6, skip, take), (page.TotalCount, page.Skip, page.Take));
    }

    [Fact]
    public async Task Paging_TotalCountsOnlyFilteredGroups()
    {
        var page = await Query.QueryAsync(new GroupQuery { Label = "上海", Take = 1, Skip = 1 });

        Assert.Equal(("d", 3), (page.Items.Single().Name[..1], page.TotalCount));
    }

    [Theory]
    [InlineData(-3, 0, 0, 1)]
    [InlineData(0, 10_000, 0, GroupQuery.MaxTake)]
    [InlineData(-1, -1, 0, 1)]
    public async Task Paging_WithOutOfRangeValues_IsClampedInsteadOfFailing(int skip, int take, int expectedSkip, int expectedTake)
    {
        var page = await Query.QueryAsync(new GroupQuery { Skip = skip, Take = take });

        Assert.Equal((expectedSkip, expectedTake, 6), (page.Skip, page.Take, page.TotalCount));
        Assert.Equal(Math.Min(6, expectedTake), page.Items.Count);
    }

    [Fact]
    public async Task Items_CarryTheActivityAndOwnerNames()
    {
        var a = (await Query.QueryAsync(new GroupQuery { Search = "a-" })).Items.Single();

        Assert.Equal(("阅读营第1期", Alice, "Alice"), (a.ActivityName, a.OwnerEmail, a.OwnerName));
    }
}
