namespace CommunityPortal.Features.Indices.Wall;

/// <summary>
/// Tells this instance's open wall screens at once that a link was revoked. Screens served by another instance learn it
/// from their periodic check (<see cref="WallOptions.RecheckSeconds"/>).
/// </summary>
public sealed class WallLinkRevocations
{
    private readonly Lock _gate = new();
    private readonly List<Action<int>> _listeners = [];

    /// <summary>Listens for revoked link ids; the listener must be quick and must not throw. Dispose to stop.</summary>
    public IDisposable Subscribe(Action<int> listener)
    {
        lock (_gate)
        {
            _listeners.Add(listener);
        }
        return new Subscription(this, listener);
    }

    public void Publish(int linkId)
    {
        Action<int>[] listeners;
        lock (_gate)
        {
            listeners = [.. _listeners];
        }
        foreach (var listener in listeners)
        {
            listener(linkId);
        }
    }

    private sealed class Subscription(WallLinkRevocations owner, Action<int> listener) : IDisposable
    {
        public void Dispose()
        {
            lock (owner._gate)
            {
                owner._listeners.Remove(listener);
            }
        }
    }
}
