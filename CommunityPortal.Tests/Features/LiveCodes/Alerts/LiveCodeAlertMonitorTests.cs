using CommunityPortal.Infrastructure.Domain;
using CommunityPortal.Features.LiveCodes;
using CommunityPortal.Features.LiveCodes.Manage;
using CommunityPortal.Features.LiveCodes.Routing;
using CommunityPortal.Features.LiveCodes.Scanning;
using CommunityPortal.Features.LiveCodes.Alerts;
using Microsoft.Extensions.Logging.Abstractions;

namespace CommunityPortal.Tests.Features.LiveCodes.Alerts;

/// <summary>The monitor over the real routing state and database, with a clock the test moves.</summary>
public sealed class LiveCodeAlertMonitorTests : IAsyncLifetime
{
    private readonly PortalDatabase _db = new();
    private readonly List<LiveCodeAlertUpdate> _updates = [];
    private ManualClock _clock = default!;

    public Task InitializeAsync() => _db.InitializeAsync();

    public Task DisposeAsync() => _db.DisposeAsync();

    private LiveCodeAlertMonitor Monitor(TimeProvider clock)
    {
        var monitor = new LiveCodeAlertMonitor(_db.Get<ILiveCodeRoutingState>(), new LiveCodeAlertRules(clock), _db.Get<LiveCodeNames>(),
            _db.Get<IScanFeed>(), _db.Get<DomainEventBus>(), clock, NullLogger<LiveCodeAlertMonitor>.Instance);
        monitor.Subscribe(_updates.Add);
        return monitor;
    }

    private async Task<(int GroupId, LiveCodeDto Code)> SeedAsync(DateTime qrExpiresAt, int threshold = 10)
    {
        var group = await LiveCodeSeed.OpenGroupAsync(_db.Services, "读书会1群", qrExpiresAt: qrExpiresAt);
        var code = await LiveCodeSeed.LiveCodeAsync(_db.Services, "reading", [new(group, threshold)]);
        return (group, code);
    }

    private IEnumerable<LiveCodeAlert> Raised => _updates.SelectMany(u => u.Raised);

    [Fact]
    public async Task Alert_IsRaisedOnce_RaisedAgainWhenItBecomesCritical_AndClearedWhenTheQrIsReplaced()
    {
        var start = DateTime.UtcNow;
        var (group, code) = await SeedAsync(start.AddDays(5));
        _clock = new ManualClock(start);
        var monitor = Monitor(_clock);

        await monitor.EvaluateAsync();
        Assert.Empty(_updates);

        _clock.UtcNow = start.AddDays(2.5);
        await monitor.EvaluateAsync();
        await monitor.EvaluateAsync();
        var warning = Assert.Single(Raised);
        Assert.Equal((LiveCodeAlertKind.QrExpiring, AlertSeverity.Warning, group, "活码 reading"),
            (warning.Kind, warning.Severity, warning.GroupId, warning.LiveCodeName));
        Assert.Equal([warning], monitor.For(code.Id));

        _clock.UtcNow = start.AddDays(4.5);
        await monitor.EvaluateAsync();
        await monitor.EvaluateAsync();
        Assert.Equal([AlertSeverity.Warning, AlertSeverity.Critical], Raised.Select(a => a.Severity));
        Assert.Equal(warning.Key, Raised.Last().Key);

        await LiveCodeSeed.AddQrAsync(_db.Services, group, start.AddDays(30));
        await monitor.EvaluateAsync();
        Assert.Equal(warning.Key, Assert.Single(_updates[^1].Cleared).Key);
        Assert.Empty(monitor.Current);
        Assert.Equal(2, Raised.Count());
    }

    [Fact]
    public async Task Alert_ThatGetsLessSevere_IsNotRaised_ButItsFiguresAreUpdated()
    {
        var (_, code) = await SeedAsync(DateTime.UtcNow.AddDays(30), threshold: 5);
        var route = _db.Get<ILiveCodeRoutingState>().Find(code.Id)!;
        var monitor = Monitor(TimeProvider.System);
        for (var i = 0; i < 5; i++)
        {
            route.Router.Route($"v{i}", DateTime.UtcNow);
        }
        await monitor.EvaluateAsync();
        Assert.Contains(Raised, a => a is { Kind: LiveCodeAlertKind.PoolFilling, Severity: AlertSeverity.Critical });

        // The threshold is raised: 5 of 6 is still above 80 %, but no longer full.
        await _db.Get<LiveCodeService>().SetPoolAsync(code.Id, [new(code.Pool[0].GroupId, 6)], code.Version);
        _updates.Clear();
        await monitor.EvaluateAsync();

        Assert.Empty(Raised);
        var pool = Assert.Single(monitor.Current, a => a.Kind == LiveCodeAlertKind.PoolFilling);
        Assert.Equal((AlertSeverity.Warning, 5, 6), (pool.Severity, pool.Assigned, pool.Threshold));
    }

    [Fact]
    public async Task Listener_RunsInTheCultureItSubscribedIn_NotTheEvaluatingThreads()
    {
        await SeedAsync(DateTime.UtcNow.AddHours(1));
        var monitor = Monitor(TimeProvider.System);
        string? heard = null;
        using (new CultureScope("zh-CN"))
        {
            monitor.Subscribe(_ => heard = System.Globalization.CultureInfo.CurrentUICulture.Name);
        }

        using (new CultureScope("en"))
        {
            await monitor.EvaluateAsync();
        }

        Assert.Equal("zh-CN", heard);
    }

    [Fact]
    public async Task RunningMonitor_ReEvaluatesSoonAfterScansCommit()
    {
        var (_, code) = await SeedAsync(DateTime.UtcNow.AddDays(30), threshold: 5);
        var route = _db.Get<ILiveCodeRoutingState>().Find(code.Id)!;
        var monitor = Monitor(TimeProvider.System);
        await monitor.StartAsync(CancellationToken.None);
        try
        {
            // Past the first evaluation (nothing to report) and its one-second gap.
            await Task.Delay(TimeSpan.FromSeconds(1.5));
            Assert.Empty(_updates);
            for (var i = 0; i < 4; i++)
            {
                route.Router.Route($"v{i}", DateTime.UtcNow);
            }
            // The scan writer announces the committed batch; the routing memory itself did not change shape.
            _db.Get<ScanFeed>().Publish([new Scan { LiveCodeId = code.Id }]);

            await WaitUntilAsync(() => monitor.Current.Any(a => a.Kind == LiveCodeAlertKind.PoolFilling));
            Assert.Equal(AlertSeverity.Warning, Assert.Single(Raised).Severity);
        }
        finally
        {
            await monitor.StopAsync(CancellationToken.None);
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out");
            await Task.Delay(50);
        }
    }
}
