using Bunit;
using CommunityPortal.Features.LiveCodes.Stats;
using CommunityPortal.Tests.Infrastructure;
using MudBlazor;
using MudBlazor.Charts;

namespace CommunityPortal.Tests.Features.LiveCodes.Stats;

public sealed class StatsChartTests : ComponentTest
{
    [Fact]
    public void Axis_ReachesTheScansLine_WhenScansAreNotPeople()
    {
        using var culture = Chinese();
        var start = new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.FromHours(8));
        // Four scans, all of them bots or closed-code visits: the stacked bars are empty, the line is at 4.
        var series = Enumerable.Range(0, 6)
            .Select(i => new StatsBucket(start.AddHours(i), i == 5 ? 4 : 0, 0, 0, 0))
            .ToList();
        var stats = new LiveCodeStats(1, StatsGranularity.Hour, "Asia/Shanghai", start, start.AddHours(6),
            new StatsTotals(4, 0, 0, 0, 0, 1, 0, 0, 3), series, [], []);

        var cut = Render<StatsChart>(p => p.Add(x => x.Stats, stats));

        // Both the bars' axis and the line drawn on it reach the line's top, so the line stays inside the chart.
        var bars = cut.FindComponent<MudChart<double>>().Instance.ChartOptions;
        var line = cut.FindComponent<Line<double>>().Instance.ChartOptions;
        Assert.Equal(4, Assert.IsType<StackedBarChartOptions>(bars).YAxisSuggestedMax);
        Assert.Equal(4, Assert.IsType<LineChartOptions>(line).YAxisSuggestedMax);
    }
}
