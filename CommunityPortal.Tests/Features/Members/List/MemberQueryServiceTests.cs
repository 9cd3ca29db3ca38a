using CommunityPortal.Features.Members;

namespace CommunityPortal.Tests.Features.Members.List;

/// <summary>Four members with known tags, levels, channels, groups and status; each filter picks exactly its own.</summary>
public sealed class MemberQueryServiceTests : MemberTestBase
{
    private const string UnionId = "o6_bmjrPTlm6_2sgVt7hMZOPfL2M";
    private MemberHeader _yu = default!;
    private MemberHeader _amy = default!;
    private MemberHeader _doudou = default!;
    private MemberHeader _may = default!;
    private int _article;
    private int _poster;
    private int _reading;
    private int _english;
    private int _coding;
    private int _group;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _article = await ChannelAsync("公众号文章");
        _poster = await ChannelAsync("线下海报");
        _reading = (await TagAsync("阅读")).Id;
        _english = (await TagAsync("英语")).Id;
        _coding = (await TagAsync("编程")).Id;
        _group = (await GroupAsync("福利1群")).Id;

        _yu = await CreateMemberAsync("小雨妈妈", phone: "13812345678", unionId: UnionId, level: GrowthLevel.S, channelId: _article);
        _amy = await CreateMemberAsync("Amy", phone: "13900001111", level: GrowthLevel.A, channelId: _poster);
        _doudou = await CreateMemberAsync("豆豆爸爸");
        _may = await Members.CreateAsync(new MemberInput { Nickname = "阿May", RemarkName = "王老师" }, Xiaowang);

        await Tags.BulkAddAsync([_yu.Id, _amy.Id], [_reading], Xiaowang);
        await Tags.BulkAddAsync([_yu.Id, _doudou.Id], [_english], Xiaowang);
        await Tags.AddToMemberAsync(_doudou.Id, _coding, Xiaowang);
        await Memberships.JoinAsync(_yu.Id, _group, MembershipSource.Manual);
        await Memberships.JoinAsync(_doudou.Id, _group, MembershipSource.Manual);
        await Members.BlacklistAsync(_doudou.Id, "发广告", Xiaowang);
    }

    [Theory]
    [InlineData("10003", "豆豆爸爸")]
    [InlineData("13812345678", "小雨妈妈")]
    [InlineData("+86 138 1234 5678", "小雨妈妈")]
    [InlineData("1111", "Amy")]
    [InlineData(UnionId, "小雨妈妈")]
    [InlineData("amy", "Amy")]
    [InlineData("妈妈", "小雨妈妈")]
    [InlineData("王老师", "阿May")]
    public async Task Search_FindsByNumberPhoneTailUnionIdNicknameOrRemarkName(string search, string expected)
    {
        var page = await Query.QueryAsync(new MemberQuery { Search = search });

        Assert.Equal(expected, Assert.Single(page.Items).Nickname);
    }

    [Fact]
    public async Task Search_ForNobody_IsAnEmptyPage()
    {
        var page = await Query.QueryAsync(new MemberQuery { Search = "不存在的人" });

        Assert.Equal(0, page.TotalCount);
        Assert.Empty(page.Items);
    }

    [Fact]
    public async Task Tags_AllOf_AnyOf_NoneOf_AndTogether()
    {
        Assert.Equal([_yu.Id], await IdsAsync(new MemberQuery { TagsAllOf = [_reading, _english] }));
        Assert.Equal([_doudou.Id, _yu.Id], await IdsAsync(new MemberQuery { TagsAnyOf = [_english, _coding] }));
        Assert.Equal([_may.Id, _doudou.Id], await IdsAsync(new MemberQuery { TagsNoneOf = [_reading] }));
        Assert.Equal([_yu.Id], await IdsAsync(new MemberQuery { TagsAllOf = [_english], TagsNoneOf = [_coding] }));
        Assert.Equal([_amy.Id], await IdsAsync(new MemberQuery { TagsAnyOf = [_reading, _coding], TagsNoneOf = [_english] }));
    }

    [Fact]
    public async Task GrowthLevel_Channel_Status_AndGroup_EachPickTheirOwn()
    {
        Assert.Equal([_yu.Id], await IdsAsync(new MemberQuery { GrowthLevel = GrowthLevel.S }));
        Assert.Equal([_may.Id, _doudou.Id], await IdsAsync(new MemberQuery { GrowthLevel = GrowthLevel.C }));
        Assert.Equal([_amy.Id], await IdsAsync(new MemberQuery { ChannelId = _poster }));
        Assert.Equal([_doudou.Id], await IdsAsync(new MemberQuery { Status = MemberStatus.Blacklisted }));
        Assert.Equal([_may.Id, _amy.Id, _yu.Id], await IdsAsync(new MemberQuery { Status = MemberStatus.Active }));
        Assert.Equal([_doudou.Id, _yu.Id], await IdsAsync(new MemberQuery { GroupId = _group }));

        await Memberships.LeaveAsync(_doudou.Id, _group, MembershipSource.Manual);

        Assert.Equal([_yu.Id], await IdsAsync(new MemberQuery { GroupId = _group }));
    }

    [Fact]
    public async Task CreatedBetween_FromIsInclusive_ToIsExclusive()
    {
        var ids = await IdsAsync(new MemberQuery { CreatedFrom = _amy.CreatedAt, CreatedTo = _may.CreatedAt });

        Assert.Equal([_doudou.Id, _amy.Id], ids);
    }

    [Fact]
    public async Task Page_IsNewestFirstByDefault_WithTheTotal_AndRowsCarryTagsAndChannel()
    {
        var page = await Query.QueryAsync(new MemberQuery { Skip = 2, Take = 2 });

        Assert.Equal(4, page.TotalCount);
        Assert.Equal([10002, 10001], page.Items.Select(m => m.MemberNo));
        var yu = page.Items[1];
        Assert.Equal(("公众号文章", "138****5678"), (yu.FirstChannelName, yu.MaskedPhone));
        Assert.Equal(["公众号文章", "福利1群", "英语", "阅读"], yu.Tags.Select(t => t.Name).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("memberNo", false, new[] { 10001, 10002, 10003, 10004 })]
    [InlineData("growthLevel", false, new[] { 10001, 10002, 10003, 10004 })]
    [InlineData("growthLevel", true, new[] { 10004, 10003, 10002, 10001 })]
    [InlineData("nickname", false, new[] { 10002, 10001, 10003, 10004 })]
    public async Task Sort_ByTheAskedColumn_ThenByNumber(string sortBy, bool descending, int[] expected)
    {
        var page = await Query.QueryAsync(new MemberQuery { SortBy = sortBy, Descending = descending });

        Assert.Equal(expected, page.Items.Select(m => m.MemberNo));
    }

    [Fact]
    public async Task TagAndGroupFilters_GiveTheSamePage_WhetherFewOrManyMatch()
    {
        var ids = await ManyMembersAsync(300);
        var rare = await TagAsync("稀有");
        var common = await TagAsync("常见");
        await Tags.BulkAddAsync([ids[10], ids[20]], [rare.Id], Xiaowang);
        await Tags.BulkAddAsync([.. ids.Where((_, i) => i % 3 != 0)], [common.Id], Xiaowang);

        var few = await Query.QueryAsync(new MemberQuery { TagsAnyOf = [rare.Id], Take = 5 });
        var many = await Query.QueryAsync(new MemberQuery { TagsAllOf = [common.Id], Take = 5, Skip = 5 });

        Assert.Equal(2, few.TotalCount);
        Assert.Equal([ids[20], ids[10]], few.Items.Select(m => m.Id));
        Assert.Equal(200, many.TotalCount);
        Assert.Equal(ids.Where((_, i) => i % 3 != 0).Reverse().Skip(5).Take(5), many.Items.Select(m => m.Id));
    }

    [Fact]
    public async Task Count_MatchesThePagesTotal()
    {
        Assert.Equal(2, await Query.CountAsync(new MemberFilter { TagsAnyOf = [_english] }));
    }

    private async Task<int[]> IdsAsync(MemberQuery query) => [.. (await Query.QueryAsync(query)).Items.Select(m => m.Id)];
}
