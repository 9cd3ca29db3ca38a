using CommunityPortal.Features.Matrix;
using CommunityPortal.Features.Matrix.Groups;

namespace CommunityPortal.Tests.Features.Matrix.Groups;

public sealed class GroupFilterTests
{
    [Fact]
    public void Address_CarriesFiltersPageSizeAndSort_AndReadsBackTheSame()
    {
        var filter = new GroupFilter
        {
            Search = "读书 会", Tier = GroupTier.Core, Status = GroupStatus.Open, OwnerEmail = "li@example.com", Label = "华东",
            IncludeArchived = true, Page = 2, PageSize = 50, SortBy = "memberCount", Descending = true,
        };

        var query = filter.ToQueryString();
        var back = GroupFilter.Parse("http://portal/groups" + query);

        Assert.Equal("?q=%E8%AF%BB%E4%B9%A6%20%E4%BC%9A&tier=Core&status=Open&owner=li@example.com&label=%E5%8D%8E%E4%B8%9C&archived=1&page=3&size=50&sort=memberCount&desc=1", query);
        Assert.Equivalent(filter, back);
        Assert.Equal(100, back.ToQuery().Skip);
        Assert.Equal(50, back.ToQuery().Take);
    }

    [Fact]
    public void Defaults_LeaveTheAddressBare()
    {
        Assert.Equal("", new GroupFilter().ToQueryString());
        Assert.True(GroupFilter.Parse("http://portal/groups").IsEmpty);
    }

    [Theory]
    [InlineData("?tier=Gold&status=7&page=-3&size=33&sort=password&archived=yes")]
    [InlineData("?page=abc&size=&desc=1")]
    public void Parse_IgnoresWhatItCannotRead(string query)
    {
        var filter = GroupFilter.Parse("http://portal/groups" + query);

        Assert.Null(filter.Tier);
        Assert.Null(filter.Status);
        Assert.Equal(0, filter.Page);
        Assert.Equal(GroupFilter.DefaultPageSize, filter.PageSize);
        Assert.Null(filter.SortBy);
        Assert.False(filter.IncludeArchived);
    }

    [Fact]
    public void GridColumns_MapToTheServiceSortKeys()
    {
        Assert.Equal("memberCount", GroupFilter.SortKey(nameof(GroupDto.MemberCount)));
        Assert.Equal("activity", GroupFilter.SortKey(nameof(GroupDto.ActivityName)));
        Assert.Null(GroupFilter.SortKey(nameof(GroupDto.Labels)));
    }
}
