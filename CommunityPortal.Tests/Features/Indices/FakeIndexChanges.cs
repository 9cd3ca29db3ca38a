using CommunityPortal.Features.Indices;
using CommunityPortal.Features.Indices.Live;

namespace CommunityPortal.Tests.Features.Indices;

/// <summary>The indices' change signal, fired by the test (<see cref="Raise"/>) until the aggregator exists.</summary>
public sealed class FakeIndexChanges : IIndexChanges
{
    private readonly Lock _gate = new();
    private readonly List<Action<IndexChange>> _listeners = [];
    private long _version;

    public bool Ready { get; set; } = true;

    public long Version => Interlocked.Read(ref _version);

    public int Listeners
    {
        get
        {
            lock (_gate)
            {
                return _listeners.Count;
            }
        }
    }

    public IDisposable Subscribe(Action<IndexChange> listener)
    {
        lock (_gate)
        {
            _listeners.Add(listener);
        }
        return new Unsubscriber(() =>
        {
            lock (_gate)
            {
                _listeners.Remove(listener);
            }
        });
    }

    /// <summary>The indices moved on these days: every listener hears it, as from the aggregator.</summary>
    public IndexChange Raise(params DateOnly[] days)
    {
        var change = new IndexChange(Interlocked.Increment(ref _version), days, [IndexEventType.Scan]);
        Action<IndexChange>[] listeners;
        lock (_gate)
        {
            listeners = [.. _listeners];
        }
        foreach (var listener in listeners)
        {
            listener(change);
        }
        return change;
    }

    private sealed class Unsubscriber(Action dispose) : IDisposable
    {
        public void Dispose() => dispose();
    }
}
