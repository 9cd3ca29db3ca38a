
namespace CommunityPortal.Features.LiveCodes.Stats;

/// <summary>
/// Turns bursts of "something changed" into at most one run of <paramref name="work"/> per <paramref name="interval"/>:
/// requests while a run is pending join it, a request during a run schedules one more, and runs never overlap (the
/// next starts an interval after the previous one finished, or as long as the previous one took if that is longer: a
/// slow query slows the refresh instead of keeping a core busy).
/// </summary>
public sealed class RefreshCoalescer(TimeSpan interval, Func<CancellationToken, Task> work, TimeProvider? time = null) : IDisposable
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly CancellationTokenSource _stop = new();
    private readonly SemaphoreSlim _running = new(1, 1);
    private readonly Lock _gate = new();
    private bool _pending;
    private long _nextAllowed;

    /// <summary>Asks for a run; returns at once. <c>work</c> handles its own errors.</summary>
    public void Request()
    {
        lock (_gate)
        {
            if (_pending || _stop.IsCancellationRequested)
            {
                return;
            }
            _pending = true;
        }
        // Off the caller's thread: the scan writer raises the feed and must not wait for a query.
        _ = Task.Run(RunAsync);
    }

    private async Task RunAsync()
    {
        var token = _stop.Token;
        try
        {
            await _running.WaitAsync(token);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        var started = 0L;
        try
        {
            var wait = _time.GetElapsedTime(_time.GetTimestamp(), Interlocked.Read(ref _nextAllowed));
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, _time, token);
            }
            lock (_gate)
            {
                _pending = false;
            }
            started = _time.GetTimestamp();
            await work(token);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
        }
        finally
        {
            var now = _time.GetTimestamp();
            var gap = started == 0 ? interval : TimeSpan.FromTicks(Math.Max(interval.Ticks, _time.GetElapsedTime(started, now).Ticks));
            Interlocked.Exchange(ref _nextAllowed, now + (long)(gap.TotalSeconds * _time.TimestampFrequency));
            _running.Release();
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _stop.Cancel();
        }
    }
}
