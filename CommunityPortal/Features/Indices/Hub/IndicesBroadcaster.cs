using System.Collections.Concurrent;
using CommunityPortal.Features.Indices.Live;
using CommunityPortal.Features.Indices.Queries;
using CommunityPortal.Features.LiveCodes.Stats;
using Microsoft.AspNetCore.SignalR;

namespace CommunityPortal.Features.Indices.Hub;

/// <summary>
/// Turns index changes into deltas for this instance's hub connections: one read of the live figures per change (or per
/// burst of changes that arrive while a read is under way), sent to every connection at once — the cost does not grow
/// with the number of clients. It starts listening with the first connection and reads nothing while none is open.
/// Only this instance's own connections are addressed, so a SignalR backplane does not repeat every delta once per
/// instance (ADR 041).
/// </summary>
public sealed class IndicesBroadcaster : IDisposable
{
    private readonly IIndexChanges _changes;
    private readonly IIndexQueries _queries;
    private readonly IHubContext<IndicesHub, IIndicesClient> _hub;
    private readonly ILogger<IndicesBroadcaster> _logger;
    private readonly ConcurrentDictionary<string, byte> _connections = new();
    private readonly RefreshCoalescer _sender;
    private readonly Lock _gate = new();
    private readonly HashSet<DateOnly> _days = [];
    private long _version;
    private IDisposable? _subscription;

    public IndicesBroadcaster(IIndexChanges changes, IIndexQueries queries, IHubContext<IndicesHub, IIndicesClient> hub,
        ILogger<IndicesBroadcaster> logger, TimeProvider clock)
    {
        (_changes, _queries, _hub, _logger) = (changes, queries, hub, logger);
        // The change signal is already coalesced in time: this only keeps reads from overlapping or piling up.
        _sender = new RefreshCoalescer(TimeSpan.Zero, SendAsync, clock);
    }

    public int Connections => _connections.Count;

    public void Add(string connectionId)
    {
        _connections.TryAdd(connectionId, 0);
        lock (_gate)
        {
            _subscription ??= _changes.Subscribe(OnChange);
        }
    }

    public void Remove(string connectionId) => _connections.TryRemove(connectionId, out _);

    public async Task<IndexDelta> CurrentAsync(CancellationToken ct)
    {
        var version = _changes.Version;
        return new IndexDelta(version, [], await _queries.LiveAsync(ct));
    }

    /// <summary>Called by the aggregator: only note what moved (it must not wait for a read).</summary>
    private void OnChange(IndexChange change)
    {
        lock (_gate)
        {
            _days.UnionWith(change.Days);
            _version = Math.Max(_version, change.Version);
        }
        _sender.Request();
    }

    private async Task SendAsync(CancellationToken ct)
    {
        long version;
        DateOnly[] days;
        lock (_gate)
        {
            (version, days) = (_version, [.. _days.Order()]);
            _days.Clear();
        }
        string[] connections = [.. _connections.Keys];
        if (connections.Length == 0)
        {
            return;
        }
        try
        {
            var delta = new IndexDelta(version, days, await _queries.LiveAsync(ct));
            await _hub.Clients.Clients(connections).IndexChanged(delta);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            // The next change sends again; a client that missed this one reads Current() or the API for the days.
            _logger.LogWarning(ex, "Index delta {Version} could not be sent", version);
        }
    }

    public void Dispose()
    {
        _sender.Dispose();
        lock (_gate)
        {
            _subscription?.Dispose();
        }
    }
}
