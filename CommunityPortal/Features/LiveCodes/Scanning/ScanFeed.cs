
namespace CommunityPortal.Features.LiveCodes.Scanning;

/// <summary>
/// Tells in-process listeners (stats panels, the alert monitor) that scans were committed. Raised by the scan writer
/// after each batch's commit, so a listener that reads the database then sees them. Listeners must be quick and must
/// not throw; a slow listener should hand the work to its own task (a Blazor component re-renders via InvokeAsync).
/// </summary>
public interface IScanFeed
{
    /// <summary>Subscribes; dispose the result to stop listening.</summary>
    IDisposable Subscribe(Action<IReadOnlyList<Scan>> onCommitted);
}

internal sealed class ScanFeed(ILogger<ScanFeed> logger) : IScanFeed
{
    private readonly Lock _gate = new();
    private Action<IReadOnlyList<Scan>>[] _listeners = [];

    public IDisposable Subscribe(Action<IReadOnlyList<Scan>> onCommitted)
    {
        lock (_gate)
        {
            _listeners = [.. _listeners, onCommitted];
        }
        return new Subscription(this, onCommitted);
    }

    public void Publish(IReadOnlyList<Scan> committed)
    {
        if (committed.Count == 0)
        {
            return;
        }
        foreach (var listener in _listeners)
        {
            try
            {
                listener(committed);
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "A scan listener failed");
            }
        }
    }

    private void Unsubscribe(Action<IReadOnlyList<Scan>> listener)
    {
        lock (_gate)
        {
            _listeners = [.. _listeners.Where(l => l != listener)];
        }
    }

    private sealed class Subscription(ScanFeed feed, Action<IReadOnlyList<Scan>> listener) : IDisposable
    {
        public void Dispose() => feed.Unsubscribe(listener);
    }
}
