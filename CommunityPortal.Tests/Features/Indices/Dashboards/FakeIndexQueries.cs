using CommunityPortal.Features.Indices.Queries;

namespace CommunityPortal.Tests.Features.Indices.Dashboards;

/// <summary>
/// The index queries as a test sets them: each answer is whatever its property holds at the moment of the call (a test
/// changes it, then fires a change). Counts calls, remembers the last filter, and can hold calls in flight (<see cref="Hold"/>)
/// to see how many a page runs at once.
/// </summary>
public sealed class FakeIndexQueries : IIndexQueries
{
    private readonly Lock _gate = new();
    private int _calls;
    private int _inFlight;
    private int _mostInFlight;
    private TaskCompletionSource? _held;

    public IReadOnlyList<DailyIndexRow> Daily { get; set; } = [];
    public IReadOnlyList<SignupIndexRow> Signups { get; set; } = [];
    public RetentionIndex Retention { get; set; } = new(0, "", [], [], []);
    public IReadOnlyList<ChannelIndexRow> Channels { get; set; } = [];
    public HoursIndex Hours { get; set; } = IndexSamples.NoHours;
    public CycleIndex Cycle { get; set; } = new([], []);
    public IReadOnlyList<GroupIndexRow> Groups { get; set; } = [];
    public LiveFigures Live { get; set; } = IndexSamples.Live(IndexSamples.Today);

    /// <summary>Thrown by every call instead of an answer (an unknown id in the filter, as the real queries refuse it).</summary>
    public Exception? Refusal { get; set; }

    /// <summary>Calls so far, of any query (a page that asks two queries per load counts two).</summary>
    public int Calls => Volatile.Read(ref _calls);

    /// <summary>The most calls that were running at the same moment.</summary>
    public int MostInFlight => Volatile.Read(ref _mostInFlight);

    public IndexFilter? LastFilter { get; private set; }

    public int? LastSeriesId { get; private set; }

    /// <summary>Waits (up to 5 s) until <paramref name="calls"/> calls have been made: a held call renders nothing to wait on.</summary>
    public async Task UntilCallsAsync(int calls)
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (Calls < calls)
        {
            Assert.True(DateTime.UtcNow < deadline, $"Expected {calls} calls, saw {Calls}.");
            await Task.Delay(10);
        }
    }

    /// <summary>From now on calls wait until <see cref="Release"/>.</summary>
    public void Hold()
    {
        lock (_gate)
        {
            _held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    public void Release()
    {
        TaskCompletionSource? held;
        lock (_gate)
        {
            (held, _held) = (_held, null);
        }
        held?.TrySetResult();
    }

    public Task<IReadOnlyList<DailyIndexRow>> DailyAsync(IndexFilter filter, CancellationToken ct = default) => Answer(filter, () => Daily);

    public Task<IReadOnlyList<SignupIndexRow>> SignupsAsync(IndexFilter filter, CancellationToken ct = default) => Answer(filter, () => Signups);

    public Task<RetentionIndex> RetentionAsync(int seriesId, CancellationToken ct = default)
    {
        LastSeriesId = seriesId;
        return Answer(null, () => Retention);
    }

    public Task<IReadOnlyList<ChannelIndexRow>> ChannelsAsync(IndexFilter filter, CancellationToken ct = default) => Answer(filter, () => Channels);

    public Task<HoursIndex> HoursAsync(IndexFilter filter, CancellationToken ct = default) => Answer(filter, () => Hours);

    public Task<CycleIndex> CycleAsync(IndexFilter filter, CancellationToken ct = default) => Answer(filter, () => Cycle);

    public Task<IReadOnlyList<GroupIndexRow>> GroupsAsync(IndexFilter filter, CancellationToken ct = default) => Answer(filter, () => Groups);

    public Task<LiveFigures> LiveAsync(CancellationToken ct = default) => Answer(null, () => Live);

    private async Task<T> Answer<T>(IndexFilter? filter, Func<T> answer)
    {
        Task wait;
        lock (_gate)
        {
            _calls++;
            _mostInFlight = Math.Max(_mostInFlight, ++_inFlight);
            LastFilter = filter ?? LastFilter;
            wait = _held?.Task ?? Task.CompletedTask;
        }
        try
        {
            await wait;
            // Like a real query: the answer comes later, on another thread.
            await Task.Yield();
            return Refusal is { } refusal ? throw refusal : answer();
        }
        finally
        {
            lock (_gate)
            {
                _inFlight--;
            }
        }
    }
}
