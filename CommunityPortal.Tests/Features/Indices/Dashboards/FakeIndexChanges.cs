using CommunityPortal.Features.Indices;
using CommunityPortal.Features.Indices.Live;

namespace CommunityPortal.Tests.Features.Indices.Dashboards;

/// <summary>The change signal as a test drives it: ready or not, and changes fired when the test says.</summary>
public sealed class FakeIndexChanges : IIndexChanges
{
    private readonly Lock _gate = new();
    private readonly List<Action<IndexChange>> _listeners = [];
    private long _version;

    public bool Ready { get; set; } = true;

    public long Version => Interlocked.Read(ref _version);

    public int Listening
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
        return new Unsubscribe(this, listener);
    }

    /// <summary>The indices moved: every listener hears it on the caller's thread, as from the aggregator.</summary>
    public void Fire()
    {
        var change = new IndexChange(Interlocked.Increment(ref _version), [], [IndexEventType.Scan]);
        Action<IndexChange>[] listeners;
        lock (_gate)
        {
            listeners = [.. _listeners];
        }
        foreach (var listener in listeners)
        {
            listener(change);
        }
    }

    private sealed class Unsubscribe(FakeIndexChanges changes, Action<IndexChange> listener) : IDisposable
    {
        public void Dispose()
        {
            lock (changes._gate)
            {
                changes._listeners.Remove(listener);
            }
        }
    }
}
