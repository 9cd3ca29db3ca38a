using System.Globalization;
using CommunityPortal.Features.LiveCodes.Stats;

namespace CommunityPortal.Tests.Features.LiveCodes.Stats;

public sealed class StatsLabelsTests
{
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    [Fact]
    public void Hours_ShowTheTime_AndTheDateOnlyFirstAndAtMidnight_InTheReadersCulture()
    {
        Assert.Equal("14:00", StatsLabels.Bucket(StatsGranularity.Hour, new DateTime(2026, 11, 22, 14, 0, 0), false, Chinese));
        Assert.Matches(@"^2:00\sPM$", StatsLabels.Bucket(StatsGranularity.Hour, new DateTime(2026, 11, 22, 14, 0, 0), false, English));
        Assert.Equal("11/22 00:00", StatsLabels.Bucket(StatsGranularity.Hour, new DateTime(2026, 11, 22), false, Chinese));
        Assert.Equal("11/21 23:00", StatsLabels.Bucket(StatsGranularity.Hour, new DateTime(2026, 11, 21, 23, 0, 0), true, Chinese));
    }

    [Fact]
    public void Days_ShowMonthAndDay_WithoutTheYear()
    {
        Assert.Equal("11/22", StatsLabels.Bucket(StatsGranularity.Day, new DateTime(2026, 11, 22), true, Chinese));
        Assert.Equal("11/22", StatsLabels.Bucket(StatsGranularity.Day, new DateTime(2026, 11, 22), false, English));
        Assert.Equal("dd.MM", StatsLabels.MonthDayPattern(CultureInfo.GetCultureInfo("de-DE")));
    }
}
