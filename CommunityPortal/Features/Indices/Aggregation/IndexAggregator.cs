using System.Diagnostics;
using System.Threading.Channels;
using CommunityPortal.Data;
using CommunityPortal.Features.Indices.Live;
using CommunityPortal.Features.Indices.Stream;
using Microsoft.EntityFrameworkCore;

namespace CommunityPortal.Features.Indices.Aggregation;

/// <summary>
/// Keeps <see cref="IndexState"/> equal to the stream: rebuilt from the database at start (in the background: the
/// scan page never waits for it), then fed after each commit — scans from the scan writer with their data, members by
/// reading their facts again whenever an event says they changed. Changes are applied in batches (one every
/// <see cref="IndexOptions.CoalesceMilliseconds"/> at most) and each batch raises one <see cref="IndexChange"/>.
/// </summary>
public sealed class IndexAggregator(
    IDbContextFactory<PortalDbContext> dbFactory,
    IndexStreamReader reader,
    IndexInbox inbox,
    Microsoft.Extensions.Options.IOptions<IndexOptions> options,
    TimeProvider clock,
    ILogger<IndexAggregator> logger) : BackgroundService, IIndexChanges
{
    private readonly ReaderWriterLockSlim _lock = new(LockRecursionPolicy.NoRecursion);
    private readonly Lock _listenersGate = new();
    private Action<IndexChange>[] _listeners = [];
    private IndexState _state = new();
    private IndexLookups _lookups = IndexLookups.Empty;
    private long _version;
    private long _applied;
    private TaskCompletionSource _moved = NewSignal();
    private volatile bool _ready;

    public bool Ready => _ready;

    public long Version => Interlocked.Read(ref _version);

    /// <summary>How long the last rebuild took and how many facts it read.</summary>
    public (TimeSpan Took, int Facts) LastRebuild { get; private set; }

    public IDisposable Subscribe(Action<IndexChange> listener)
    {
        lock (_listenersGate)
        {
            _listeners = [.. _listeners, listener];
        }
        return new Unsubscriber(() =>
        {
            lock (_listenersGate)
            {
                var index = Array.FindIndex(_listeners, l => ReferenceEquals(l, listener));
                if (index >= 0)
                {
                    _listeners = [.. _listeners[..index], .. _listeners[(index + 1)..]];
                }
            }
        });
    }

    /// <summary>
    /// Completes once everything committed before the call is in the indices: the rebuild is done and every change the
    /// inbox had received by then is applied (events reach it at commit, scans before their page is sent). What a test
    /// or a benchmark awaits instead of a clock.
    /// </summary>
    public async Task CaughtUpAsync(CancellationToken ct = default)
    {
        var target = inbox.Received;
        while (true)
        {
            var moved = Volatile.Read(ref _moved).Task;
            if (_ready && Interlocked.Read(ref _applied) >= target)
            {
                return;
            }
            await moved.WaitAsync(ct);
        }
    }

    /// <summary>Runs a computation over the state and lookups as they are now (many readers at once, never during a write).</summary>
    public T Read<T>(Func<IndexState, IndexLookups, T> query)
    {
        _lock.EnterReadLock();
        try
        {
            return query(_state, _lookups);
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The inbox listens from the host's start: what commits during the rebuild is applied after it, once.
        await Task.Yield();
        try
        {
            await RebuildAsync(stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "The operation indices could not be rebuilt; they stay unavailable until the next start");
            return;
        }
        var interval = TimeSpan.FromMilliseconds(options.Value.CoalesceMilliseconds);
        var last = clock.GetTimestamp();
        while (await inbox.WaitAsync(stoppingToken))
        {
            var wait = interval - clock.GetElapsedTime(last);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, clock, stoppingToken);
            }
            last = clock.GetTimestamp();
            var batch = inbox.Take();
            try
            {
                await ApplyAsync(batch, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "A batch of index changes could not be applied");
            }
            Interlocked.Exchange(ref _applied, batch.Through);
            Moved();
        }
    }

    private async Task RebuildAsync(CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var state = new IndexState();
        IndexLookups lookups;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            lookups = await IndexLookups.LoadAsync(db, ct);
        }
        await foreach (var scan in reader.ScansByIdAsync(ct))
        {
            state.AddScan(scan);
        }
        foreach (var source in reader.MemberSources())
        {
            await foreach (var e in source.WithCancellation(ct))
            {
                state.AddMemberFact(e);
            }
        }
        state.DeriveAll();
        state.TakeChanges();
        _lock.EnterWriteLock();
        try
        {
            (_state, _lookups) = (state, lookups);
        }
        finally
        {
            _lock.ExitWriteLock();
        }
        LargeHeap.CompactAfterRebuild(state.FactCount);
        LastRebuild = (watch.Elapsed, state.FactCount);
        if (logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation("Operation indices rebuilt from {Facts} facts in {Elapsed} ms", state.FactCount, watch.ElapsedMilliseconds);
        }
        Interlocked.Increment(ref _version);
        _ready = true;
        Moved();
        Notify(new IndexChange(Version, [], []));
    }

    private async Task ApplyAsync(IndexInbox.Batch batch, CancellationToken ct)
    {
        var lookups = _lookups;
        var members = batch.MemberIds.Count == 0 ? [] : await reader.OfMembersAsync(batch.MemberIds, ct);
        if (batch.LookupsChanged || batch.Scans.Any(s => !Knows(lookups, s)) || members.Any(e => !Knows(lookups, e)))
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            lookups = await IndexLookups.LoadAsync(db, ct);
        }
        var byMember = members.ToLookup(e => e.MemberId ?? 0);
        (IReadOnlyCollection<DateOnly> Days, IReadOnlyCollection<IndexEventType> Types) changes;
        _lock.EnterWriteLock();
        try
        {
            _lookups = lookups;
            foreach (var scan in batch.Scans)
            {
                _state.AddScan(ScanEvent(scan, lookups));
            }
            foreach (var id in batch.MemberIds)
            {
                _state.ReplaceMember(id, [.. byMember[id]]);
            }
            changes = _state.TakeChanges();
        }
        finally
        {
            _lock.ExitWriteLock();
        }
        if (changes.Days.Count > 0 || batch.LookupsChanged)
        {
            Notify(new IndexChange(Interlocked.Increment(ref _version), changes.Days, changes.Types));
        }
    }

    /// <summary>A scan from the writer names its channel code; the stream names the channel and its key.</summary>
    private static StreamEvent ScanEvent(LiveCodes.Scan scan, IndexLookups lookups)
    {
        var code = scan.ChannelCodeId is { } id && lookups.ChannelCodes.TryGetValue(id, out var c) ? c : default;
        return new StreamEvent(IndexEventType.Scan, scan.At, scan.Id, scan.MemberId, scan.GroupId, null, scan.LiveCodeId,
            code.ChannelId == 0 ? null : code.ChannelId, code.Key, scan.VisitorKey, scan.Outcome);
    }

    private static bool Knows(IndexLookups lookups, LiveCodes.Scan scan) =>
        (scan.GroupId is not { } g || lookups.Groups.ContainsKey(g)) && (scan.ChannelCodeId is not { } c || lookups.ChannelCodes.ContainsKey(c));

    private static bool Knows(IndexLookups lookups, StreamEvent e) =>
        (e.GroupId is not { } g || lookups.Groups.ContainsKey(g)) && (e.ActivityId is not { } a || lookups.Activities.ContainsKey(a))
        && (e.ChannelId is not { } c || lookups.Channels.ContainsKey(c));

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Wakes <see cref="CaughtUpAsync"/> callers to look again.</summary>
    private void Moved() => Interlocked.Exchange(ref _moved, NewSignal()).TrySetResult();

    private void Notify(IndexChange change)
    {
        foreach (var listener in Volatile.Read(ref _listeners))
        {
            try
            {
                listener(change);
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "An index listener failed");
            }
        }
    }

    public override void Dispose()
    {
        _lock.Dispose();
        base.Dispose();
    }

    private sealed class Unsubscriber(Action dispose) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0)
            {
                dispose();
            }
        }
    }
}
