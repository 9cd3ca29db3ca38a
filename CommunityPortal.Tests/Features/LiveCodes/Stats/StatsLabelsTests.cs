using System.Globalization;
using CommunityPortal.Features.LiveCodes.Stats;

namespace CommunityPortal.Tests.Features.LiveCodes.Stats;

public sealed class StatsLabelsTests
{
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    [Fact]
    public void Hours_ShowTheTimeEverySixHours_AndTheDateAtMidnight_InTheReadersCulture()
    {
        Assert.Equal("18:00", StatsLabels.Axis(StatsGranularity.Hour, new DateTime(2026, 11, 22, 18, 0, 0), Chinese));
        Assert.Matches(@"^6\sPM$", StatsLabels.Axis(StatsGranularity.Hour, new DateTime(2026, 11, 22, 18, 0, 0), English));
        Assert.Equal("11/22", StatsLabels.Axis(StatsGranularity.Hour, new DateTime(2026, 11, 22), Chinese));
        Assert.Equal("", StatsLabels.Axis(StatsGranularity.Hour, new DateTime(2026, 11, 21, 23, 0, 0), Chinese));
    }

    [Fact]
    public void Minutes_ShowTheTimeEveryTenMinutes()
    {
        Assert.Equal("14:10", StatsLabels.Axis(StatsGranularity.Minute, new DateTime(2026, 11, 22, 14, 10, 0), Chinese));
        Assert.Matches(@"^2:10\sPM$", StatsLabels.Axis(StatsGranularity.Minute, new DateTime(2026, 11, 22, 14, 10, 0), English));
        Assert.Equal("", StatsLabels.Axis(StatsGranularity.Minute, new DateTime(2026, 11, 22, 14, 11, 0), Chinese));
        Assert.Equal("11/23", StatsLabels.Axis(StatsGranularity.Minute, new DateTime(2026, 11, 23), Chinese));
    }

    [Fact]
    public void Days_ShowMonthAndDay_WithoutTheYear_EveryFifthDay()
    {
        var labelled = Enumerable.Range(0, 30).Select(d => new DateTime(2026, 11, 1).AddDays(d))
            .Where(d => StatsLabels.Axis(StatsGranularity.Day, d, Chinese) != "").ToList();

        Assert.Equal(6, labelled.Count);
        Assert.All(labelled.Zip(labelled.Skip(1)), pair => Assert.Equal(5, (pair.Second - pair.First).Days));
        Assert.Equal(labelled[0].ToString("M/d", Chinese), StatsLabels.Axis(StatsGranularity.Day, labelled[0], English));
        Assert.Equal("dd.MM", StatsLabels.MonthDayPattern(CultureInfo.GetCultureInfo("de-DE")));
    }
}
