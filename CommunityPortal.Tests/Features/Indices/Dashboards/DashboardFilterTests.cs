using CommunityPortal.Features.Indices.Dashboards;
using CommunityPortal.Features.Matrix;

namespace CommunityPortal.Tests.Features.Indices.Dashboards;

public sealed class DashboardFilterTests
{
    [Fact]
    public void Address_RoundTrips()
    {
        var filter = new DashboardFilter { From = new(2026, 11, 1), To = new(2026, 11, 30), SeriesId = 3, ActivityId = 4, ChannelId = 5, Tier = GroupTier.Core };

        var query = filter.ToQueryString();

        Assert.Equal("?from=2026-11-01&to=2026-11-30&series=3&activity=4&channel=5&tier=Core", query);
        Assert.True(DashboardFilter.Parse(query).SameAs(filter));
    }

    [Theory]
    [InlineData("?from=2026-11-31", "From")]
    [InlineData("?to=yesterday", "To")]
    [InlineData("?series=-1", "SeriesId")]
    [InlineData("?activity=x", "ActivityId")]
    [InlineData("?channel=1.5", "ChannelId")]
    [InlineData("?tier=7", "Tier")]
    [InlineData("?tier=Gold", "Tier")]
    public void Parse_KeepsWhatItCannotReadAsMalformed(string query, string field)
    {
        Assert.Equal([field], DashboardFilter.Parse(query).Malformed);
    }

    [Fact]
    public void Range_WithoutDates_IsTheLast30DaysEndingToday()
    {
        Assert.Equal((new DateOnly(2026, 11, 4), new DateOnly(2026, 12, 3)), new DashboardFilter().Range(new DateOnly(2026, 12, 3)));
    }

    [Fact]
    public void Range_WithOnlyAnEnd_Is30DaysEndingThen()
    {
        Assert.Equal((new DateOnly(2026, 10, 2), new DateOnly(2026, 10, 31)),
            new DashboardFilter { To = new(2026, 10, 31) }.Range(new DateOnly(2026, 12, 3)));
    }

    [Fact]
    public void SameAs_ComparesTheMalformedFieldsByContent()
    {
        Assert.True(DashboardFilter.Parse("?from=x").SameAs(DashboardFilter.Parse("?from=y")));
        Assert.False(DashboardFilter.Parse("?from=x").SameAs(DashboardFilter.Parse("?to=x")));
    }
}
