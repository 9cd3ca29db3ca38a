using System.Threading.Channels;
using CommunityPortal.Infrastructure.Domain;
using CommunityPortal.Features.GroupQrs;
using CommunityPortal.Features.Matrix;

using CommunityPortal.Features.LiveCodes.Routing;
using CommunityPortal.Features.LiveCodes.Scanning;
namespace CommunityPortal.Features.LiveCodes.Alerts;

/// <summary>
/// Keeps the set of active live-code alerts (ADR 012: computed from routing memory, never stored). Evaluates every
/// minute, and soon after scans commit, after group and QR events, and when a reload replaced a code's settings or pool
/// (live-code edits publish no event); never more than once a second. Subscribers hear of each change once.
/// </summary>
public sealed class LiveCodeAlertMonitor(
    ILiveCodeRoutingState routing,
    LiveCodeAlertRules rules,
    LiveCodeNames names,
    IScanFeed scans,
    DomainEventBus events,
    TimeProvider clock,
    ILogger<LiveCodeAlertMonitor> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan MinimumGap = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan ChangePoll = TimeSpan.FromSeconds(2);

    private readonly Channel<bool> _wake = System.Threading.Channels.Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly SemaphoreSlim _evaluating = new(1, 1);
    private readonly AlertListeners _listeners = new(logger);
    private Dictionary<string, LiveCodeAlert> _byKey = [];
    private volatile IReadOnlyList<LiveCodeAlert> _current = [];
    private volatile IReadOnlyDictionary<string, DateTimeOffset> _raisedAt = new Dictionary<string, DateTimeOffset>();
    private Dictionary<int, (LiveCodeSettings, IReadOnlyList<PoolGroup>)> _seen = [];
    private Task<bool>? _pendingWake;

    /// <summary>The active alerts, most severe first.</summary>
    public IReadOnlyList<LiveCodeAlert> Current => _current;

    public IReadOnlyList<LiveCodeAlert> For(int liveCodeId) => [.. _current.Where(a => a.LiveCodeId == liveCodeId)];

    /// <summary>When an active alert was raised (appeared, or last became more severe): its time in the notification bell.</summary>
    public DateTimeOffset RaisedAt(LiveCodeAlert alert) => _raisedAt.TryGetValue(alert.Key, out var at) ? at : clock.GetUtcNow();

    /// <summary>
    /// Called after each evaluation that changed anything; must be quick (components use InvokeAsync). The listener runs
    /// in the culture it subscribed in (see <see cref="AlertListeners"/>).
    /// </summary>
    public IDisposable Subscribe(Action<LiveCodeAlertUpdate> onChange) => _listeners.Subscribe(onChange);

    /// <summary>Asks for an evaluation soon (coalesced; at most one a second).</summary>
    public void RequestEvaluation() => _wake.Writer.TryWrite(true);

    public async Task EvaluateAsync(CancellationToken ct = default)
    {
        await _evaluating.WaitAsync(ct);
        try
        {
            var routes = routing.All;
            _seen = Snapshot(routes);
            var next = rules.Evaluate(routes, await names.ResolveAsync(routes, ct));
            if (Apply(next) is { } update)
            {
                _listeners.Publish(update);
            }
        }
        finally
        {
            _evaluating.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var scanSubscription = scans.Subscribe(_ => RequestEvaluation());
        using var eventSubscription = events.Subscribe(OnDomainEvent);
        try
        {
            while (true)
            {
                try
                {
                    await EvaluateAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogError(ex, "Live-code alert evaluation failed");
                }
                var evaluatedAt = clock.GetUtcNow();
                await Task.Delay(MinimumGap, clock, stoppingToken);
                while (!await WokenAsync(stoppingToken) && !RoutingChanged() && clock.GetUtcNow() - evaluatedAt < Interval)
                {
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private void OnDomainEvent(IDomainEvent domainEvent)
    {
        if (domainEvent is GroupStatusChanged or GroupMemberCountChanged or GroupUpdated or GroupQrChanged or GroupDeleted)
        {
            RequestEvaluation();
        }
    }

    /// <summary>True when an evaluation was asked for, false after a short wait without one.</summary>
    private async Task<bool> WokenAsync(CancellationToken ct)
    {
        // One pending wait is kept across polls, so waiting never piles up waiters on the channel.
        _pendingWake ??= _wake.Reader.WaitToReadAsync(ct).AsTask();
        var done = await Task.WhenAny(_pendingWake, Task.Delay(ChangePoll, clock, ct));
        ct.ThrowIfCancellationRequested();
        if (done != _pendingWake)
        {
            return false;
        }
        _pendingWake = null;
        _wake.Reader.TryRead(out _);
        return true;
    }

    /// <summary>A reload replaces a code's settings and pool objects: comparing references costs nothing.</summary>
    private bool RoutingChanged()
    {
        var routes = routing.All;
        return routes.Count != _seen.Count || routes.Any(r =>
            !_seen.TryGetValue(r.Settings.Id, out var seen)
            || !ReferenceEquals(seen.Item1, r.Settings) || !ReferenceEquals(seen.Item2, r.Router.Pool));
    }

    private static Dictionary<int, (LiveCodeSettings, IReadOnlyList<PoolGroup>)> Snapshot(IReadOnlyCollection<LiveCodeRoute> routes) =>
        routes.ToDictionary(r => r.Settings.Id, r => (r.Settings, r.Router.Pool));

    private LiveCodeAlertUpdate? Apply(IReadOnlyList<LiveCodeAlert> next)
    {
        var byKey = next.DistinctBy(a => a.Key).ToDictionary(a => a.Key);
        var before = _byKey;
        var raised = byKey.Values.Where(a => !before.TryGetValue(a.Key, out var old) || a.Severity > old.Severity).ToList();
        var cleared = before.Values.Where(a => !byKey.ContainsKey(a.Key)).ToList();
        var changed = raised.Count > 0 || cleared.Count > 0 || byKey.Values.Any(a => !before[a.Key].Equals(a));
        _byKey = byKey;
        if (!changed)
        {
            return null;
        }
        var now = clock.GetUtcNow();
        var raisedKeys = raised.Select(a => a.Key).ToHashSet();
        var raisedAt = _raisedAt;
        _raisedAt = byKey.Keys.ToDictionary(k => k, k => !raisedKeys.Contains(k) && raisedAt.TryGetValue(k, out var at) ? at : now);
        _current = [.. byKey.Values.OrderByDescending(a => a.Severity).ThenBy(a => a.LiveCodeName, StringComparer.CurrentCulture)
            .ThenBy(a => a.LiveCodeId).ThenBy(a => a.Kind).ThenBy(a => a.GroupName, StringComparer.CurrentCulture)];
        return new LiveCodeAlertUpdate(raised, cleared, _current);
    }
}
