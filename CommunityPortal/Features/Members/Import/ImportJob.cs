using System.Diagnostics;

namespace CommunityPortal.Features.Members.Import;

public enum ImportJobState
{
    Running = 0,
    Succeeded = 1,
    Failed = 2,
    Cancelled = 3,
}

/// <summary>
/// One user's import running in the background: rows done of the total, then the result or the reason it stopped.
/// Listeners hear about progress at most every <see cref="NotifyInterval"/>, and always about the end.
/// </summary>
public sealed class ImportJob : IProgress<int>
{
    public static readonly TimeSpan NotifyInterval = TimeSpan.FromMilliseconds(150);

    private readonly CancellationTokenSource _cancel = new();
    private readonly Lock _gate = new();
    private Action[] _listeners = [];
    private int _done;
    private long _notifiedAt;

    internal ImportJob(string userId, string fileName, int total)
    {
        UserId = userId;
        FileName = fileName;
        Total = total;
    }

    public string UserId { get; }

    public string FileName { get; }

    /// <summary>Rows to write: the new and updated ones.</summary>
    public int Total { get; }

    public int Done => Volatile.Read(ref _done);

    public ImportJobState State { get; private set; }

    public bool IsRunning => State == ImportJobState.Running;

    public bool CancelRequested => _cancel.IsCancellationRequested;

    public ImportResult? Result { get; private set; }

    /// <summary>Why a failed import stopped, in the importing user's language.</summary>
    public string? Error { get; private set; }

    public Task Completion { get; internal set; } = Task.CompletedTask;

    internal CancellationToken Token => _cancel.Token;

    /// <summary>Asks the import to stop; the transaction rolls back and nothing is written.</summary>
    public void Cancel()
    {
        if (IsRunning)
        {
            _cancel.Cancel();
            Notify();
        }
    }

    public IDisposable Subscribe(Action listener)
    {
        lock (_gate)
        {
            _listeners = [.. _listeners, listener];
        }
        return new Subscription(this, listener);
    }

    void IProgress<int>.Report(int value)
    {
        Volatile.Write(ref _done, value);
        var now = Stopwatch.GetTimestamp();
        var last = Interlocked.Read(ref _notifiedAt);
        if (Stopwatch.GetElapsedTime(last, now) >= NotifyInterval && Interlocked.CompareExchange(ref _notifiedAt, now, last) == last)
        {
            Notify();
        }
    }

    internal void Finish(ImportJobState state, ImportResult? result = null, string? error = null)
    {
        (Result, Error) = (result, error);
        if (result is not null)
        {
            Volatile.Write(ref _done, Total);
        }
        State = state;
        Notify();
    }

    private void Notify()
    {
        foreach (var listener in Volatile.Read(ref _listeners))
        {
            listener();
        }
    }

    private void Unsubscribe(Action listener)
    {
        lock (_gate)
        {
            var index = Array.FindIndex(_listeners, l => ReferenceEquals(l, listener));
            if (index >= 0)
            {
                _listeners = [.. _listeners[..index], .. _listeners[(index + 1)..]];
            }
        }
    }

    private sealed class Subscription(ImportJob job, Action listener) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                job.Unsubscribe(listener);
            }
        }
    }
}
