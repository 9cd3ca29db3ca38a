using CommunityPortal.Infrastructure.Validation;
using CommunityPortal.Features.LiveCodes.Stats;

namespace CommunityPortal.Tests.Features.LiveCodes.Stats;

public sealed class ScanStatsValidationTests : IAsyncLifetime
{
    private readonly PortalDatabase _db = new();

    public Task InitializeAsync() => _db.InitializeAsync();

    public Task DisposeAsync() => _db.DisposeAsync();

    private ScanStatsService Service => _db.Get<ScanStatsService>();

    [Fact]
    public async Task MoreThan1440Buckets_ReportsFromField_InTheReadersLanguage()
    {
        using var culture = new CultureScope("en");
        var code = await LiveCodeSeed.LiveCodeAsync(_db.Services, "range", []);

        var ex = await Assert.ThrowsAsync<PortalValidationException>(() => Service.GetAsync(code.Id,
            new StatsQuery(StatsGranularity.Minute, new DateTime(2026, 11, 1), new DateTime(2026, 11, 2, 0, 1, 0))));

        var message = Assert.Single(ex.Errors["From"]);
        Assert.Contains("1,440", message);
        Assert.Contains("minute", message);
    }

    [Fact]
    public async Task Exactly1440MinuteBuckets_AreAllowed()
    {
        var code = await LiveCodeSeed.LiveCodeAsync(_db.Services, "range", []);

        var stats = await Service.GetAsync(code.Id, new StatsQuery(StatsGranularity.Minute, new DateTime(2026, 11, 1), new DateTime(2026, 11, 2)));

        Assert.Equal(StatsBuckets.MaxBuckets, stats.Series.Count);
    }

    [Fact]
    public async Task EndBeforeStart_ReportsToField_InChinese()
    {
        using var culture = new CultureScope("zh-CN");
        var code = await LiveCodeSeed.LiveCodeAsync(_db.Services, "range", []);

        var ex = await Assert.ThrowsAsync<PortalValidationException>(() => Service.GetAsync(code.Id,
            new StatsQuery(StatsGranularity.Day, new DateTime(2026, 11, 2), new DateTime(2026, 11, 1))));

        Assert.Contains("结束时间必须晚于开始时间", Assert.Single(ex.Errors["To"]));
    }

    [Fact]
    public void ParseQuery_ReadsNamesAndTimes_AndNamesEachBadField()
    {
        var ok = Service.ParseQuery("DAY", "2026-11-22T00:00:00+08:00", "2026-11-23");

        Assert.Equal(StatsGranularity.Day, ok.Granularity);
        Assert.Equal(new DateTime(2026, 11, 21, 16, 0, 0, DateTimeKind.Utc), ScanStatsService.Utc(ok.From!.Value));
        Assert.Equal(new DateTime(2026, 11, 22, 16, 0, 0, DateTimeKind.Utc), ScanStatsService.Utc(ok.To!.Value));
        Assert.Equal(new StatsQuery(), Service.ParseQuery(null, "", " "));

        var ex = Assert.Throws<PortalValidationException>(() => Service.ParseQuery("week", "yesterday", "2026-11-23"));
        Assert.Equal(["From", "Granularity"], ex.Errors.Keys.Order());
        Assert.Throws<PortalValidationException>(() => Service.ParseQuery("1", null, null));
    }
}
