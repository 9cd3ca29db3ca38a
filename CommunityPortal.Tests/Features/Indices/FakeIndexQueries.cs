using CommunityPortal.Features.Indices;
using CommunityPortal.Features.Indices.Queries;

namespace CommunityPortal.Tests.Features.Indices;

/// <summary>
/// Today's figures as the test sets them, until the aggregator's own queries exist. Counts the reads, and can hold a read
/// open (<see cref="Hold"/>) to show that changes arriving meanwhile are coalesced. Thread-safe: a test server reads it too.
/// </summary>
public sealed class FakeIndexQueries : IIndexQueries
{
    private readonly Lock _gate = new();
    private LiveFigures _live = LiveSamples.Figures();
    private int _reads;
    private TaskCompletionSource? _hold;
    private TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public LiveFigures Live
    {
        get
        {
            lock (_gate)
            {
                return _live;
            }
        }
        set
        {
            lock (_gate)
            {
                _live = value;
            }
        }
    }

    public int LiveReads => Volatile.Read(ref _reads);

    /// <summary>From now on a read waits until <see cref="Release"/>; <see cref="ReadStarted"/> completes when one has begun.</summary>
    public void Hold()
    {
        lock (_gate)
        {
            _hold = new(TaskCreationOptions.RunContinuationsAsynchronously);
            _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    public Task ReadStarted
    {
        get
        {
            lock (_gate)
            {
                return _entered.Task;
            }
        }
    }

    public void Release()
    {
        TaskCompletionSource? hold;
        lock (_gate)
        {
            (hold, _hold) = (_hold, null);
        }
        hold?.TrySetResult();
    }

    public async Task<LiveFigures> LiveAsync(CancellationToken ct = default)
    {
        Interlocked.Increment(ref _reads);
        Task? wait;
        lock (_gate)
        {
            _entered.TrySetResult();
            wait = _hold?.Task;
        }
        if (wait is not null)
        {
            await wait.WaitAsync(ct);
        }
        return Live;
    }

    public Task<IReadOnlyList<DailyIndexRow>> DailyAsync(IndexFilter filter, CancellationToken ct = default) => throw new NotSupportedException();

    public Task<IReadOnlyList<SignupIndexRow>> SignupsAsync(IndexFilter filter, CancellationToken ct = default) => throw new NotSupportedException();

    public Task<RetentionIndex> RetentionAsync(int seriesId, CancellationToken ct = default) => throw new NotSupportedException();

    public Task<IReadOnlyList<ChannelIndexRow>> ChannelsAsync(IndexFilter filter, CancellationToken ct = default) => throw new NotSupportedException();

    public Task<HoursIndex> HoursAsync(IndexFilter filter, CancellationToken ct = default) => throw new NotSupportedException();

    public Task<CycleIndex> CycleAsync(IndexFilter filter, CancellationToken ct = default) => throw new NotSupportedException();

    public Task<IReadOnlyList<GroupIndexRow>> GroupsAsync(IndexFilter filter, CancellationToken ct = default) => throw new NotSupportedException();
}

/// <summary>Today's figures for tests: what a small team's morning looks like.</summary>
public static class LiveSamples
{
    public static readonly DateOnly Today = new(2026, 12, 3);

    public static LiveFigures Figures(int newMembers = 7, int activeMembers = 1234, int signups = 56, int lastMinuteScans = 9) =>
        new(Today, newMembers, activeMembers, signups, Scans: 3456,
            ScansPerMinute: [.. Enumerable.Range(0, 59).Select(i => i % 7), lastMinuteScans],
            Ticker:
            [
                new TickerItem(IndexEventType.Scan, new DateTime(2026, 12, 3, 2, 15, 30, DateTimeKind.Utc), null, "新品体验活码"),
                new TickerItem(IndexEventType.SignedUp, new DateTime(2026, 12, 3, 2, 16, 5, DateTimeKind.Utc), "张*明", "第3期 早餐会"),
            ],
            TopChannels: [new TopChannel(1, "公众号文章", 321, 45), new TopChannel(2, "线下海报", 120, 12)],
            SopOnTimeRate: 0.9);
}
