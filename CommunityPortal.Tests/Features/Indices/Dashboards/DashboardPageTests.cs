using Bunit;
using CommunityPortal.Features.Indices.Dashboards;

namespace CommunityPortal.Tests.Features.Indices.Dashboards;

/// <summary>Every dashboard: its data in a chart and a table, its empty state, its refusals of a bad range.</summary>
public sealed class DashboardPageTests : DashboardTest
{
    [Theory]
    [MemberData(nameof(DashboardPage.Names), MemberType = typeof(DashboardPage))]
    public async Task Page_ShowsItsFiguresInAChartAndATable(string name)
    {
        using var culture = Chinese();
        var page = DashboardPage.All[name];
        await page.Fill(this, Queries, false);

        var cut = page.Open(this);

        cut.WaitForAssertion(() => Assert.Contains(page.Figure, DashboardPage.Cells(cut, page.Table)), Wait);
        Assert.NotEmpty(cut.FindAll(".index-chart"));
        Assert.Empty(cut.FindAll("[data-testid=dashboard-invalid]"));
        Assert.Empty(cut.FindAll("[data-testid=dashboard-empty]"));
    }

    [Theory]
    [MemberData(nameof(DashboardPage.Names), MemberType = typeof(DashboardPage))]
    public async Task Page_WithNoDataInTheRange_ShowsTheEmptyStateNotZeros(string name)
    {
        using var culture = Chinese();
        var page = DashboardPage.All[name];
        await page.Fill(this, Queries, false);
        page.Empty(Queries);

        var cut = page.Open(this);

        cut.WaitForAssertion(() => Assert.Contains("这段时间没有数据", cut.Find("[data-testid=dashboard-empty]").TextContent), Wait);
        Assert.Empty(DashboardPage.Cells(cut, page.Table));
    }

    [Theory]
    [MemberData(nameof(DashboardPage.BadAddresses), MemberType = typeof(DashboardPage))]
    public void Page_WithABadAddress_NamesTheFieldAndAsksNothing(string name, string query, string message)
    {
        using var culture = Chinese();

        var cut = DashboardPage.All[name].Open(this, query);

        Assert.Equal(message, cut.WaitForElement("[data-testid=dashboard-invalid]", Wait).TextContent.Trim());
        Assert.Equal(0, Queries.Calls);
    }

    [Fact]
    public void Page_WithAYearExactly_Asks()
    {
        Queries.Daily = IndexSamples.Daily();

        var cut = DashboardPage.All["daily"].Open(this, "?from=2025-12-01&to=2026-12-01");

        cut.WaitForAssertion(() => Assert.Equal(new DateOnly(2025, 12, 1), Queries.LastFilter?.From), Wait);
        Assert.Equal(366, Queries.LastFilter!.Days);
        Assert.Empty(cut.FindAll("[data-testid=dashboard-invalid]"));
    }

    [Fact]
    public void Page_WithoutARange_AsksForTheLast30DaysEndingTodayInTheTeamsTimeZone()
    {
        // The clock says 2026-12-02 17:00 UTC, which is already 2026-12-03 in Shanghai.
        Assert.Equal(2, Clock.GetUtcNow().Day);
        Queries.Daily = IndexSamples.Daily();

        var cut = DashboardPage.All["daily"].Open(this);

        cut.WaitForAssertion(() => Assert.NotNull(Queries.LastFilter), Wait);
        Assert.Equal((new DateOnly(2026, 11, 4), IndexSamples.Today), (Queries.LastFilter!.From, Queries.LastFilter.To));
    }

    [Fact]
    public void Page_WhenTheQueriesRefuseAFilter_ShowsTheirMessage()
    {
        using var culture = Chinese();
        Queries.Refusal = new PortalValidationException(new Dictionary<string, string[]> { ["ChannelId"] = ["渠道不存在。"] });

        var cut = DashboardPage.All["daily"].Open(this, "?channel=999");

        cut.WaitForAssertion(() => Assert.Equal("渠道不存在。", cut.Find("[data-testid=dashboard-invalid]").TextContent.Trim()), Wait);
    }

    [Fact]
    public void Page_LeavesOutFiltersItOffersNoControlFor()
    {
        Queries.Signups = IndexSamples.Signups();

        var cut = DashboardPage.All["signups"].Open(this, "?series=5&channel=3&tier=Core");

        cut.WaitForAssertion(() => Assert.NotNull(Queries.LastFilter), Wait);
        Assert.Equal((5, null, null), (Queries.LastFilter!.SeriesId, Queries.LastFilter.ChannelId, Queries.LastFilter.Tier));
    }

    [Fact]
    public void TablesCsvLink_AsksWhatThePageAsked()
    {
        Queries.Daily = IndexSamples.Daily();

        var cut = DashboardPage.All["daily"].Open(this, "?from=2026-11-04&to=2026-12-03&tier=Core");

        cut.WaitForAssertion(() => Assert.Equal("indices/daily/daily.csv?from=2026-11-04&to=2026-12-03&tier=Core",
            cut.Find("[data-testid=csv-daily]").GetAttribute("href")), Wait);
    }
}
