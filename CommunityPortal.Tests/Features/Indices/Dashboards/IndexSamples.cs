using CommunityPortal.Features.Indices;
using CommunityPortal.Features.Indices.Queries;
using CommunityPortal.Features.LiveCodes;
using CommunityPortal.Features.Matrix;
using Microsoft.Extensions.Time.Testing;

namespace CommunityPortal.Tests.Features.Indices.Dashboards;

/// <summary>Index answers with recognisable numbers, and the day the tests are on.</summary>
internal static class IndexSamples
{
    /// <summary>2026-12-03 in Shanghai: the default range is 2026-11-04 to 2026-12-03.</summary>
    public static readonly DateOnly Today = new(2026, 12, 3);

    /// <summary>2026-12-02 17:00 UTC: still the 2nd in UTC, already 01:00 on the 3rd in Shanghai.</summary>
    public static FakeTimeProvider Clock() => new(new DateTimeOffset(2026, 12, 2, 17, 0, 0, TimeSpan.Zero));

    public static HoursIndex NoHours { get; } = new([.. Enumerable.Range(0, 7).Select(_ => (IReadOnlyList<int>)new int[24])], 0);

    /// <summary>Days of the default range; day i has i new members and 1000 + i active ones (the last day: 1029).</summary>
    public static IReadOnlyList<DailyIndexRow> Daily(int extra = 0) =>
        [.. Enumerable.Range(0, 30).Select(i => new DailyIndexRow(Today.AddDays(i - 29), i + extra, 1000 + i + extra, 1500, 4000, i == 0 ? null : 0.25,
            3 * i, 7 * i, 5 * i))];

    public static IReadOnlyList<DailyIndexRow> QuietDaily() =>
        [.. Enumerable.Range(0, 30).Select(i => new DailyIndexRow(Today.AddDays(i - 29), 0, 0, 0, 0, null, 0, 0, 0))];

    public static LiveFigures Live(DateOnly today, int newMembers = 12) =>
        new(today, newMembers, 345, 67, 890, [1, 2, 3], [], [new(1, "公众号推文", 88, 6)], null);

    public static IReadOnlyList<SignupIndexRow> Signups(int first = 42) =>
    [
        new(11, "亲子阅读 第1期", 5, "亲子阅读", 1, new DateOnly(2026, 11, 7), first, 30),
        new(12, "亲子阅读 第2期", 5, "亲子阅读", 2, new DateOnly(2026, 11, 21), 18, 0),
    ];

    /// <summary>Three periods; half of period 2 were in period 1; period 3 has 40 people, 10 of them from period 2.</summary>
    public static RetentionIndex Retention(int seriesId, int thirdPeople = 40) => new(seriesId, "亲子阅读",
        [
            new(11, "亲子阅读 第1期", 1, new DateOnly(2026, 10, 1), 100),
            new(12, "亲子阅读 第2期", 2, new DateOnly(2026, 10, 15), 60),
            new(13, "亲子阅读 第3期", 3, new DateOnly(2026, 11, 1), thirdPeople),
        ],
        [
            [null, null, null],
            [0.5, null, null],
            [0.125, 0.25, null],
        ],
        [
            new(11, 100, []),
            new(12, 30, [new(11, 30)]),
            new(13, thirdPeople - 15, [new(11, 5), new(12, 10)]),
        ]);

    public static IReadOnlyList<ChannelIndexRow> Channels(int scans = 500) =>
    [
        new(1, "公众号推文", ChannelType.Article, scans, 400, 350, 120, 40, 10, 2990m, 1000m, 8.33m, 1.99),
        new(2, "=HYPERLINK(\"x\")", ChannelType.PaidAd, 80, 70, 60, 20, 0, 0, 0m, null, null, null),
    ];

    public static HoursIndex Hours(int mondayNine = 17)
    {
        var counts = Enumerable.Range(0, 7).Select(_ => new int[24]).ToArray();
        counts[0][9] = mondayNine;
        counts[5][20] = 3;
        return new HoursIndex([.. counts], mondayNine + 3);
    }

    public static CycleIndex Cycle() => new(
        [new(0, 6, 25), new(7, 29, 9), new(30, null, 4)],
        [new(0, 29, 11), new(30, null, 27)]);

    public static IReadOnlyList<GroupIndexRow> Groups(int joins = 31) =>
    [
        new(7, "读书会1群", GroupTier.Welfare, 11, 180, 150, joins, 1, joins - 1, 0.005, 420, 2.33),
        new(8, "核心会员群", GroupTier.Core, 5, 40, 38, 0, 2, -2, 0.05, 12, 0.3),
    ];

    /// <summary>A change the aggregator would announce.</summary>
    public static IndexEventType AnyType => IndexEventType.Scan;
}
