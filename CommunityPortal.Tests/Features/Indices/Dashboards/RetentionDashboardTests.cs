using Bunit;
using CommunityPortal.Features.Indices.Dashboards;
using CommunityPortal.Tests.Features.Signups;

namespace CommunityPortal.Tests.Features.Indices.Dashboards;

/// <summary>/indices/retention asks by series: the address's, else the first with periods; its matrix reads row by row.</summary>
public sealed class RetentionDashboardTests : DashboardTest
{
    [Fact]
    public async Task Page_WithoutASeries_ShowsTheFirstSeriesWithPeriods()
    {
        using var culture = Chinese();
        var activity = await SignupSeed.ActivityAsync(Services);
        Queries.Retention = IndexSamples.Retention(activity.SeriesId);

        var cut = DashboardPage.All["retention"].Open(this);

        // Row by row, a column for each period that can be a source (the last cannot): of period 3's 40 people, 12.5% were in
        // period 1 and 25% in period 2.
        cut.WaitForAssertion(() => Assert.Equal(
            ["亲子阅读 第3期", "40", "12.5%", "25.0%"],
            DashboardPage.Cells(cut, RetentionView.SharesTable).Skip(8)), Wait);
        Assert.Equal(activity.SeriesId, Queries.LastSeriesId);
        Assert.Contains(activity.SeriesName, cut.Find("[data-testid=dashboard-filter-summary]").TextContent);
        cut.Find("[data-testid=dashboard-filter-toggle]").Click();
        Assert.Contains(activity.SeriesName, cut.Find("#index-series").GetAttribute("value"));
        // Its CSV asks for the series shown.
        Assert.EndsWith($"retention-shares.csv?series={activity.SeriesId}", cut.Find("[data-testid=csv-retention-shares]").GetAttribute("href"));
    }

    [Fact]
    public void Page_IgnoresARangeItDoesNotUse()
    {
        Queries.Retention = IndexSamples.Retention(3);

        var cut = DashboardPage.All["retention"].Open(this, "?series=3&from=2026-12-10&to=2026-12-01");

        cut.WaitForAssertion(() => Assert.Equal(3, Queries.LastSeriesId), Wait);
        Assert.Empty(cut.FindAll("[data-testid=dashboard-invalid]"));
        cut.Find("[data-testid=dashboard-filter-toggle]").Click();
        Assert.Empty(cut.FindAll("#index-from"));
        Assert.NotEmpty(cut.FindAll("#index-series"));
    }
}
