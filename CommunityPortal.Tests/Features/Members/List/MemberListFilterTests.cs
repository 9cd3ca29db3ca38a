using CommunityPortal.Features.Members;
using CommunityPortal.Features.Members.List;

namespace CommunityPortal.Tests.Features.Members.List;

/// <summary>The list's filter in the address: what the page writes, it reads back; local days become UTC instants.</summary>
public sealed class MemberListFilterTests
{
    [Fact]
    public void QueryString_RoundTrips_EveryCriterion()
    {
        var filter = new MemberListFilter
        {
            Search = "小雨 妈妈",
            TagsAllOf = [3, 5],
            TagsAnyOf = [7],
            TagsNoneOf = [9, 11],
            GrowthLevel = GrowthLevel.S,
            ChannelId = 2,
            GroupId = 4,
            ActivityId = 8,
            Status = MemberStatus.Blacklisted,
            JoinedFrom = new DateOnly(2026, 11, 1),
            JoinedTo = new DateOnly(2026, 11, 30),
            SegmentId = 6,
        };

        var query = filter.ToQueryString();
        var back = MemberListFilter.Parse("http://portal/members" + query);

        Assert.Equal("?q=%E5%B0%8F%E9%9B%A8%20%E5%A6%88%E5%A6%88&all=3,5&any=7&none=9,11&level=S&channel=2&group=4&activity=8&status=Blacklisted&from=2026-11-01&to=2026-11-30&seg=6", query);
        Assert.Equal(filter.Search, back.Search);
        Assert.Equal(filter.TagsAllOf, back.TagsAllOf);
        Assert.Equal(filter.TagsAnyOf, back.TagsAnyOf);
        Assert.Equal(filter.TagsNoneOf, back.TagsNoneOf);
        Assert.Equal((filter.GrowthLevel, filter.ChannelId, filter.GroupId, filter.Status), (back.GrowthLevel, back.ChannelId, back.GroupId, back.Status));
        Assert.Equal((filter.JoinedFrom, filter.JoinedTo, filter.SegmentId), (back.JoinedFrom, back.JoinedTo, back.SegmentId));
        Assert.Equal(8, back.ActivityId);
        Assert.Equal(8, back.ToFilter().ActivityId);
        Assert.Equal(8, MemberListFilter.From(back.ToFilter()).ActivityId);
        Assert.Equal(8, back.ToQuery(0, 20, null, false).ActivityId);
        Assert.False(new MemberListFilter { ActivityId = 8 }.IsEmpty);
    }

    [Fact]
    public void NoFilter_IsNoQueryString()
    {
        Assert.Equal("", new MemberListFilter().ToQueryString());
        Assert.True(MemberListFilter.Parse("http://portal/members").IsEmpty);
    }

    [Fact]
    public void Parse_LeavesOutWhatItCannotRead()
    {
        var filter = MemberListFilter.Parse("?all=3,x,-1,3&level=Z&status=banned&channel=abc&from=2026-13-01&to=yesterday&q=%20%20");

        Assert.Equal([3], filter.TagsAllOf);
        Assert.True(filter.IsEmpty is false);
        Assert.Null(filter.GrowthLevel);
        Assert.Null(filter.Status);
        Assert.Null(filter.ChannelId);
        Assert.Null(filter.JoinedFrom);
        Assert.Null(filter.JoinedTo);
        Assert.Null(filter.Search);
    }

    [Fact]
    public void JoinedDays_AreWholeShanghaiDays_InUtc()
    {
        var filter = new MemberListFilter { JoinedFrom = new DateOnly(2026, 11, 1), JoinedTo = new DateOnly(2026, 11, 30) }.ToFilter();

        // Shanghai is UTC+8: 1 Nov 00:00 local is 31 Oct 16:00 UTC; the 30th is included up to 1 Dec 00:00 local.
        Assert.Equal(new DateTime(2026, 10, 31, 16, 0, 0, DateTimeKind.Utc), filter.CreatedFrom);
        Assert.Equal(new DateTime(2026, 11, 30, 16, 0, 0, DateTimeKind.Utc), filter.CreatedTo);
    }

    [Fact]
    public void From_AStoredFilter_ShowsTheSameDays()
    {
        var stored = new MemberListFilter { JoinedFrom = new DateOnly(2026, 11, 1), JoinedTo = new DateOnly(2026, 11, 30), TagsAnyOf = [4] }.ToFilter();

        var shown = MemberListFilter.From(stored, segmentId: 9);

        Assert.Equal(new DateOnly(2026, 11, 1), shown.JoinedFrom);
        Assert.Equal(new DateOnly(2026, 11, 30), shown.JoinedTo);
        Assert.Equal([4], shown.TagsAnyOf);
        Assert.Equal(9, shown.SegmentId);
    }

    [Fact]
    public void SegmentId_IsNotACriterion()
    {
        var filter = new MemberListFilter { SegmentId = 3 };

        Assert.True(filter.IsEmpty);
        Assert.Equal(new MemberFilter(), filter.ToFilter());
    }
}
