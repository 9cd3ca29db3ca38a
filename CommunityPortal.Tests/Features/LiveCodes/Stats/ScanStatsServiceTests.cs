using CommunityPortal.Features.LiveCodes;
using CommunityPortal.Features.LiveCodes.Channels;
using CommunityPortal.Features.LiveCodes.Routing;
using CommunityPortal.Features.LiveCodes.Stats;
using static CommunityPortal.Tests.Features.LiveCodes.Stats.StatsSeed;

namespace CommunityPortal.Tests.Features.LiveCodes.Stats;

/// <summary>The stats service over a real migrated SQLite file, in the default portal zone (Asia/Shanghai).</summary>
public sealed class ScanStatsServiceTests : IAsyncLifetime
{
    private readonly PortalDatabase _db = new();

    public Task InitializeAsync() => _db.InitializeAsync();

    public Task DisposeAsync() => _db.DisposeAsync();

    private ScanStatsService Service => _db.Get<ScanStatsService>();

    [Fact]
    public async Task Day_BucketsAreShanghaiDays_ASecondBeforeLocalMidnightCountsForTheDayBefore()
    {
        var code = await LiveCodeSeed.LiveCodeAsync(_db.Services, "midnight", []);
        await AddAsync(_db.Services,
            Scan(code.Id, Shanghai(2026, 11, 21, 23, 59, 59), ScanOutcome.Fallback, "a"),
            Scan(code.Id, Shanghai(2026, 11, 22, 0, 0, 0), ScanOutcome.Fallback, "b"),
            Scan(code.Id, Shanghai(2026, 11, 22, 7, 59, 0), ScanOutcome.Fallback, "c"));

        // Kind-less times are portal wall-clock times.
        var stats = await Service.GetAsync(code.Id, new StatsQuery(StatsGranularity.Day, new DateTime(2026, 11, 20), new DateTime(2026, 11, 23)));

        Assert.Equal("Asia/Shanghai", stats.TimeZone);
        Assert.Equal([new DateTime(2026, 11, 20), new DateTime(2026, 11, 21), new DateTime(2026, 11, 22)], stats.Series.Select(b => b.Start.DateTime));
        Assert.All(stats.Series, b => Assert.Equal(TimeSpan.FromHours(8), b.Start.Offset));
        Assert.Equal([0, 1, 2], stats.Series.Select(b => b.Scans));
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 0, 0, 0, TimeSpan.FromHours(8)), stats.From);
    }

    [Fact]
    public async Task Hour_BucketsAroundLocalMidnight_KeepEmptyHoursAndSplitAtTheHour()
    {
        var code = await LiveCodeSeed.LiveCodeAsync(_db.Services, "hours", []);
        await AddAsync(_db.Services,
            Scan(code.Id, Shanghai(2026, 11, 21, 22, 10), ScanOutcome.Fallback, "a"),
            Scan(code.Id, Shanghai(2026, 11, 21, 23, 59, 59), ScanOutcome.Fallback, "b"),
            Scan(code.Id, Shanghai(2026, 11, 22, 1, 0), ScanOutcome.Fallback, "c"));

        var stats = await Service.GetAsync(code.Id, new StatsQuery(StatsGranularity.Hour,
            Shanghai(2026, 11, 21, 22, 0), Shanghai(2026, 11, 22, 2, 0)));

        Assert.Equal([22, 23, 0, 1], stats.Series.Select(b => b.Start.Hour));
        Assert.Equal([1, 1, 0, 1], stats.Series.Select(b => b.Scans));
        Assert.Equal(22, stats.Series[2].Start.Day);
    }

    [Fact]
    public async Task Minute_SeriesHasOneBucketPerMinute_EmptyOnesIncluded_AndIgnoresOtherCodesAndOtherTimes()
    {
        var code = await LiveCodeSeed.LiveCodeAsync(_db.Services, "minutes", []);
        var other = await LiveCodeSeed.LiveCodeAsync(_db.Services, "other", []);
        var start = Shanghai(2026, 11, 22, 9, 0);
        await AddAsync(_db.Services,
            Scan(code.Id, start.AddSeconds(5), ScanOutcome.Fallback, "a"),
            Scan(code.Id, start.AddMinutes(3).AddSeconds(59), ScanOutcome.Fallback, "b"),
            Scan(code.Id, start.AddMinutes(10), ScanOutcome.Fallback, "after the range"),
            Scan(code.Id, start.AddSeconds(-1), ScanOutcome.Fallback, "before the range"),
            Scan(other.Id, start.AddMinutes(1), ScanOutcome.Fallback, "another code"));

        var stats = await Service.GetAsync(code.Id, new StatsQuery(StatsGranularity.Minute, start, start.AddMinutes(10)));

        Assert.Equal(10, stats.Series.Count);
        Assert.Equal([1, 0, 0, 1, 0, 0, 0, 0, 0, 0], stats.Series.Select(b => b.Scans));
        Assert.Equal(2, stats.Totals.Scans);
    }

    [Fact]
    public async Task Totals_CountPeopleOnce_RepeatsApart_AndBotsAreNotPeople()
    {
        var group = await LiveCodeSeed.OpenGroupAsync(_db.Services, "一群");
        var code = await LiveCodeSeed.LiveCodeAsync(_db.Services, "people", [new(group)]);
        var at = Shanghai(2026, 11, 22, 10, 0);
        await AddAsync(_db.Services,
            Scan(code.Id, at, ScanOutcome.Assigned, "anna", group),
            Scan(code.Id, at.AddMinutes(1), ScanOutcome.Repeat, "anna", group),
            Scan(code.Id, at.AddMinutes(2), ScanOutcome.Repeat, "anna", group),
            Scan(code.Id, at.AddMinutes(3), ScanOutcome.Assigned, "bo", group),
            Scan(code.Id, at.AddMinutes(4), ScanOutcome.Fallback, "chen"),
            Scan(code.Id, at.AddMinutes(5), ScanOutcome.Bot, "preview-1"),
            Scan(code.Id, at.AddMinutes(6), ScanOutcome.Bot, "preview-2"),
            Scan(code.Id, at.AddMinutes(7), ScanOutcome.Paused, "dai"),
            Scan(code.Id, at.AddMinutes(8), ScanOutcome.Expired, "anna"),
            Scan(code.Id, at.AddMinutes(9), ScanOutcome.NotStarted, "eve"));

        var stats = await Service.GetAsync(code.Id, new StatsQuery(StatsGranularity.Hour, at, at.AddHours(1)));

        Assert.Equal(new StatsTotals(Scans: 10, UniquePeople: 5, NewPeople: 2, Repeats: 2, Fallbacks: 1, Expired: 1, Paused: 1, NotStarted: 1, Bots: 2),
            stats.Totals);
        var bucket = Assert.Single(stats.Series);
        Assert.Equal((10, 2, 2, 1), (bucket.Scans, bucket.NewPeople, bucket.Repeats, bucket.Fallbacks));
        // No channel codes: every scan is in the "no channel" row.
        var direct = Assert.Single(stats.Channels);
        Assert.Equal(((int?)null, 10, 5, 2, 1), (direct.ChannelCodeId, direct.Scans, direct.UniquePeople, direct.NewPeople, direct.Fallbacks));
    }

    [Fact]
    public async Task Channels_SplitScansByChannelCode_WithANoChannelRow_AndCostPerNewPerson()
    {
        var group = await LiveCodeSeed.OpenGroupAsync(_db.Services, "一群");
        var code = await LiveCodeSeed.LiveCodeAsync(_db.Services, "channels", [new(group)]);
        var channels = _db.Get<ChannelService>();
        var article = await channels.CreateAsync(new ChannelInput { Name = "公众号推文", Type = ChannelType.Article, Cost = 300m });
        var kol = await channels.CreateAsync(new ChannelInput { Name = "达人推荐", Type = ChannelType.Kol });
        var poster = await channels.CreateAsync(new ChannelInput { Name = "地铁海报", Type = ChannelType.OfflinePoster, Cost = 1000m });
        var viaArticle = await channels.CreateCodeAsync(code.Id, article.Id);
        var viaKol = await channels.CreateCodeAsync(code.Id, kol.Id);
        await channels.CreateCodeAsync(code.Id, poster.Id);
        var at = Shanghai(2026, 11, 22, 10, 0);
        await AddAsync(_db.Services,
            Scan(code.Id, at, ScanOutcome.Assigned, "a", group, viaArticle.Id),
            Scan(code.Id, at, ScanOutcome.Assigned, "b", group, viaArticle.Id),
            Scan(code.Id, at, ScanOutcome.Assigned, "c", group, viaArticle.Id),
            Scan(code.Id, at, ScanOutcome.Repeat, "c", group, viaArticle.Id),
            Scan(code.Id, at, ScanOutcome.Bot, "bot", null, viaArticle.Id),
            Scan(code.Id, at, ScanOutcome.Assigned, "d", group, viaKol.Id),
            Scan(code.Id, at, ScanOutcome.Fallback, "e", null, viaKol.Id),
            Scan(code.Id, at, ScanOutcome.Assigned, "f", group),
            Scan(code.Id, at, ScanOutcome.Fallback, "g"));

        var stats = await Service.GetAsync(code.Id, new StatsQuery(StatsGranularity.Day, at.AddDays(-1), at.AddDays(1)));

        Assert.Equal(["公众号推文", "地铁海报", "达人推荐", null], stats.Channels.Select(c => c.ChannelName));
        var a = stats.Channels[0];
        Assert.Equal((viaArticle.Id, ChannelType.Article, 5, 3, 3, 0), (a.ChannelCodeId, a.Type, a.Scans, a.UniquePeople, a.NewPeople, a.Fallbacks));
        Assert.Equal(100.00m, a.CostPerNewPerson);
        var unused = stats.Channels[1];
        Assert.Equal((0, 1000m, (decimal?)null), (unused.Scans, unused.Cost, unused.CostPerNewPerson));
        var k = stats.Channels[2];
        Assert.Equal((2, 2, 1, 1, (decimal?)null), (k.Scans, k.UniquePeople, k.NewPeople, k.Fallbacks, k.CostPerNewPerson));
        var none = stats.Channels[3];
        Assert.Equal(((int?)null, 2, 2, 1, 1), (none.ChannelCodeId, none.Scans, none.UniquePeople, none.NewPeople, none.Fallbacks));
    }

    [Fact]
    public async Task Groups_ShowNewPeopleAndRepeats_WithThresholdAndFillFromRouting_AndGroupsThatLeftThePool()
    {
        var first = await LiveCodeSeed.OpenGroupAsync(_db.Services, "一群");
        var second = await LiveCodeSeed.OpenGroupAsync(_db.Services, "二群");
        var gone = await LiveCodeSeed.OpenGroupAsync(_db.Services, "旧群");
        var code = await LiveCodeSeed.LiveCodeAsync(_db.Services, "groups", [new(first, 10), new(second, 4)]);
        var router = _db.Get<ILiveCodeRoutingState>().Find(code.Id)!.Router;
        var now = DateTime.UtcNow;
        foreach (var visitor in new[] { "a", "b", "c", "d" })
        {
            Assert.Equal(first, router.Route(visitor, now).Group!.GroupId);
        }
        await AddAsync(_db.Services,
            Scan(code.Id, now, ScanOutcome.Assigned, "a", first),
            Scan(code.Id, now, ScanOutcome.Assigned, "b", first),
            Scan(code.Id, now, ScanOutcome.Repeat, "a", first),
            Scan(code.Id, now, ScanOutcome.Assigned, "x", gone),
            Scan(code.Id, now, ScanOutcome.Assigned, "y", gone),
            Scan(code.Id, now, ScanOutcome.Assigned, "z", gone));

        var stats = await Service.GetAsync(code.Id, new StatsQuery(StatsGranularity.Hour));

        Assert.Equal(["一群", "二群", "旧群"], stats.Groups.Select(g => g.GroupName));
        Assert.Equal(new GroupStats(first, "一群", 2, 1, true, 10, 4, 40.0), stats.Groups[0]);
        Assert.Equal(new GroupStats(second, "二群", 0, 0, true, 4, 0, 0.0), stats.Groups[1]);
        Assert.Equal(new GroupStats(gone, "旧群", 3, 0, false, null, null, null), stats.Groups[2]);
    }

    [Theory]
    [InlineData(StatsGranularity.Minute, 60, 60)]
    [InlineData(StatsGranularity.Hour, 48, 3600)]
    [InlineData(StatsGranularity.Day, 30, 86400)]
    public async Task Defaults_EndNow_WithTheLastBucketHoldingNow(StatsGranularity granularity, int buckets, int seconds)
    {
        var code = await LiveCodeSeed.LiveCodeAsync(_db.Services, "defaults", []);
        await AddAsync(_db.Services, Scan(code.Id, DateTime.UtcNow.AddSeconds(-1), ScanOutcome.Fallback, "now"));

        var stats = await Service.GetAsync(code.Id, new StatsQuery(granularity));

        Assert.Equal(buckets, stats.Series.Count);
        Assert.Equal(1, stats.Series[^1].Scans);
        Assert.InRange(DateTimeOffset.UtcNow - stats.To, TimeSpan.Zero, TimeSpan.FromMinutes(1));
        Assert.InRange((stats.To - stats.Series[^1].Start).TotalSeconds, 0, seconds);
    }

    [Fact]
    public async Task UnknownLiveCode_IsNotFound()
    {
        await Assert.ThrowsAsync<CommunityPortal.Infrastructure.Validation.NotFoundException>(() => Service.GetAsync(999, new StatsQuery()));
    }
}
