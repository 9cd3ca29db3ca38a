using CommunityPortal.Features.LiveCodes;
using CommunityPortal.Features.LiveCodes.Scanning;
using CommunityPortal.Features.Matrix;
using CommunityPortal.Features.Members;
using CommunityPortal.Features.Signups;

namespace CommunityPortal.Features.Indices.Aggregation;

/// <summary>
/// Collects, from the host's start, what committed changes mean for the indices: scans (with their data), members whose
/// facts must be read again, and whether the matrix or the channels changed. The aggregator takes it all as one batch.
/// </summary>
public sealed class IndexInbox(DomainEventBus events, IScanFeed scanFeed) : IHostedService
{
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _signal = new(0, 1);
    private List<Scan> _scans = [];
    private HashSet<int> _members = [];
    private bool _lookups;
    private long _received;
    private IDisposable? _eventSubscription;
    private IDisposable? _scanSubscription;

    /// <summary>What to apply; <see cref="Through"/>: the <see cref="Received"/> count it covers.</summary>
    public sealed record Batch(IReadOnlyList<Scan> Scans, IReadOnlyCollection<int> MemberIds, bool LookupsChanged, long Through);

    /// <summary>How many notifications (scan batches, events that concern the indices) have come in since the start.</summary>
    public long Received
    {
        get
        {
            lock (_gate)
            {
                return _received;
            }
        }
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _eventSubscription = events.Subscribe(OnEvent);
        _scanSubscription = scanFeed.Subscribe(OnScans);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _eventSubscription?.Dispose();
        _scanSubscription?.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Waits until something is pending; false when stopping.</summary>
    public async Task<bool> WaitAsync(CancellationToken ct)
    {
        try
        {
            await _signal.WaitAsync(ct);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public Batch Take()
    {
        lock (_gate)
        {
            var batch = new Batch(_scans, _members, _lookups, _received);
            (_scans, _members, _lookups) = ([], [], false);
            return batch;
        }
    }

    private void OnScans(IReadOnlyList<Scan> scans)
    {
        lock (_gate)
        {
            _scans.AddRange(scans);
            _received++;
        }
        Wake();
    }

    private void OnEvent(IDomainEvent e)
    {
        int[] members = e switch
        {
            MemberCreated c => [c.MemberId],
            MemberJoinedGroup j => [j.MemberId],
            MemberLeftGroup l => [l.MemberId],
            MemberStatusChanged s => [s.MemberId],
            MemberDeleted d => [d.MemberId],
            ActivitySignedUp s => [s.MemberId],
            MemberFactsChanged f => [.. f.MemberIds],
            _ => [],
        };
        var lookups = e is GroupCreated or GroupUpdated or GroupDeleted or ActivityChanged or SeriesChanged or ChannelChanged;
        if (members.Length == 0 && !lookups)
        {
            return;
        }
        lock (_gate)
        {
            _members.UnionWith(members);
            _lookups |= lookups;
            _received++;
        }
        Wake();
    }

    private void Wake()
    {
        try
        {
            if (_signal.CurrentCount == 0)
            {
                _signal.Release();
            }
        }
        catch (SemaphoreFullException)
        {
            // Already signalled.
        }
    }
}
