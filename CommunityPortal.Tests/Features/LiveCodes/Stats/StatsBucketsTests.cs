using CommunityPortal.Features.LiveCodes.Stats;

namespace CommunityPortal.Tests.Features.LiveCodes.Stats;

public sealed class StatsBucketsTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    [Fact]
    public void Shanghai_GroupsByUtcHour_AndMapsTheHourBeforeLocalMidnightToTheDayBefore()
    {
        var buckets = StatsBuckets.Plan(StatsGranularity.Day,
            new DateTime(2026, 11, 20, 16, 0, 0, DateTimeKind.Utc), new DateTime(2026, 11, 22, 16, 0, 0, DateTimeKind.Utc), Shanghai)!;

        Assert.Equal(13, buckets.KeyLength);
        Assert.Equal(0, buckets.IndexOfKey("2026-11-21 15"));
        Assert.Equal(1, buckets.IndexOfKey("2026-11-21 16"));
        Assert.Equal(-1, buckets.IndexOfKey("2026-11-22 16"));
    }

    [Fact]
    public void HalfHourZone_GroupsByTenMinutes_AndQuarterHourZoneByMinute()
    {
        var from = new DateTime(2026, 11, 20, 0, 0, 0, DateTimeKind.Utc);
        var india = TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata");
        var nepal = TimeZoneInfo.FindSystemTimeZoneById("Asia/Kathmandu");

        var hours = StatsBuckets.Plan(StatsGranularity.Hour, from, from.AddHours(5), india)!;

        Assert.Equal(15, hours.KeyLength);
        Assert.Equal(new DateTime(2026, 11, 20, 5, 0, 0), hours.LocalStarts[0]);
        Assert.Equal(0, hours.IndexOfKey("2026-11-20 00:2"));
        Assert.Equal(1, hours.IndexOfKey("2026-11-20 00:3"));
        Assert.Equal(16, StatsBuckets.Plan(StatsGranularity.Hour, from, from.AddHours(5), nepal)!.KeyLength);
    }

    [Fact]
    public void DstZone_DayOfTheSpringChangeHas23Hours_AndKeepsItsLocalMidnight()
    {
        var newYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        // 2026-03-08: clocks go from 02:00 to 03:00.
        var buckets = StatsBuckets.Plan(StatsGranularity.Day,
            new DateTime(2026, 3, 7, 5, 0, 0, DateTimeKind.Utc), new DateTime(2026, 3, 10, 4, 0, 0, DateTimeKind.Utc), newYork)!;

        Assert.Equal([7, 8, 9], buckets.LocalStarts.Select(d => d.Day));
        Assert.Equal(TimeSpan.FromHours(23), buckets.StartOf(2) - buckets.StartOf(1));
        Assert.Equal(1, buckets.IndexOfKey("2026-03-09 03"));
        Assert.Equal(2, buckets.IndexOfKey("2026-03-09 04"));
    }

    [Fact]
    public void Plan_RefusesMoreThanTheMaximumBuckets()
    {
        var from = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

        Assert.NotNull(StatsBuckets.Plan(StatsGranularity.Day, from, from.AddDays(StatsBuckets.MaxBuckets), TimeZoneInfo.Utc));
        Assert.Null(StatsBuckets.Plan(StatsGranularity.Day, from, from.AddDays(StatsBuckets.MaxBuckets).AddTicks(1), TimeZoneInfo.Utc));
    }
}
