using Bunit;
using CommunityPortal.Features.LiveCodes;
using CommunityPortal.Features.LiveCodes.Scanning;
using CommunityPortal.Features.LiveCodes.Stats;
using Microsoft.Extensions.DependencyInjection;
using static CommunityPortal.Tests.Features.LiveCodes.Stats.StatsSeed;

namespace CommunityPortal.Tests.Features.LiveCodes.Stats;

public sealed class LiveCodeStatsPanelTests : LiveCodeComponentTestBase
{
    private static readonly TimeSpan Fast = TimeSpan.FromMilliseconds(50);

    /// <summary>The real feed, counted: how many listeners are subscribed right now.</summary>
    protected override void AddFeatureServices(IServiceCollection services)
    {
        base.AddFeatureServices(services);
        services.AddSingleton<CountingFeed>();
        services.AddSingleton<IScanFeed>(sp => sp.GetRequiredService<CountingFeed>());
    }

    private IRenderedComponent<LiveCodeStatsPanel> RenderPanel(int liveCodeId) =>
        Render<LiveCodeStatsPanel>(p => p.Add(x => x.LiveCodeId, liveCodeId).Add(x => x.RefreshInterval, Fast));

    [Fact]
    public async Task Panel_WithoutScans_ShowsTheEmptyState()
    {
        using var culture = Chinese();
        var code = await SeedLiveCodeAsync();

        var cut = RenderPanel(code.Id);

        cut.WaitForAssertion(() => Assert.Contains("这段时间还没有人扫码", cut.Find("[data-testid=stats-empty]").TextContent));
        Assert.Empty(cut.FindAll("[data-testid=stat-Scans]"));
    }

    [Fact]
    public async Task Panel_WhenABatchOfItsScansIsPublished_RerendersWithTheNewCounts()
    {
        using var culture = Chinese();
        var group = await SeedOpenGroupAsync("一群");
        var code = await SeedLiveCodeAsync();
        var first = Scan(code.Id, DateTime.UtcNow.AddMinutes(-5), ScanOutcome.Assigned, "anna", group.Id);
        await AddAsync(Services, first);
        var cut = RenderPanel(code.Id);
        cut.WaitForAssertion(() => Assert.Equal("1", Tile(cut, "Scans")));

        var batch = new[]
        {
            Scan(code.Id, DateTime.UtcNow, ScanOutcome.Assigned, "bo", group.Id),
            Scan(code.Id, DateTime.UtcNow, ScanOutcome.Repeat, "anna", group.Id),
        };
        await AddAsync(Services, batch);
        Get<ScanFeed>().Publish(batch);

        cut.WaitForAssertion(() => Assert.Equal("3", Tile(cut, "Scans")), TimeSpan.FromSeconds(5));
        Assert.Equal("2", Tile(cut, "NewPeople"));
        Assert.Equal("1", Tile(cut, "Repeats"));
        Assert.Equal("2", cut.Find("[data-testid=stats-group-new]").TextContent);
    }

    [Fact]
    public async Task Panel_IgnoresBatchesOfOtherLiveCodes()
    {
        using var culture = Chinese();
        var code = await SeedLiveCodeAsync();
        var other = await SeedLiveCodeAsync("另一个活码", "other");
        var cut = RenderPanel(code.Id);
        cut.WaitForAssertion(() => cut.Find("[data-testid=stats-empty]"));

        // Ours is in the table but not announced; only the other code's scan is.
        await AddAsync(Services, Scan(code.Id, DateTime.UtcNow, ScanOutcome.Fallback, "quiet"));
        var foreign = Scan(other.Id, DateTime.UtcNow, ScanOutcome.Fallback, "elsewhere");
        await AddAsync(Services, foreign);
        Get<ScanFeed>().Publish([foreign]);
        await Task.Delay(Fast * 8);

        Assert.NotEmpty(cut.FindAll("[data-testid=stats-empty]"));
    }

    [Fact]
    public async Task Panel_StopsListeningWhenDisposed()
    {
        var feed = Get<CountingFeed>();
        var code = await SeedLiveCodeAsync();
        var cut = RenderPanel(code.Id);
        cut.WaitForAssertion(() => Assert.Equal(1, feed.Listening));

        await DisposeComponentsAsync();

        Assert.Equal(0, feed.Listening);
    }

    private static string Tile(IRenderedComponent<LiveCodeStatsPanel> cut, string key) =>
        cut.Find($"[data-testid=stat-{key}] .stats-tile-value").TextContent;

    private sealed class CountingFeed(ScanFeed inner) : IScanFeed
    {
        public int Listening;

        public IDisposable Subscribe(Action<IReadOnlyList<Scan>> onCommitted)
        {
            Interlocked.Increment(ref Listening);
            return new Unsubscribe(this, inner.Subscribe(onCommitted));
        }

        private sealed class Unsubscribe(CountingFeed feed, IDisposable inner) : IDisposable
        {
            public void Dispose()
            {
                inner.Dispose();
                Interlocked.Decrement(ref feed.Listening);
            }
        }
    }
}
