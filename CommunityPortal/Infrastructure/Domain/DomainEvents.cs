
namespace CommunityPortal.Infrastructure.Domain;

/// <summary>A fact that happened and was committed. Published after the database commit, never before.</summary>
public interface IDomainEvent;

public interface IDomainEventPublisher
{
    void Publish(IReadOnlyList<IDomainEvent> events);
}

/// <summary>
/// In-process bus: later features (live indices, SignalR hub) subscribe here.
/// Subscribe returns an IDisposable so Blazor components can unsubscribe on dispose.
/// </summary>
public sealed class DomainEventBus(ILogger<DomainEventBus> logger) : IDomainEventPublisher
{
    private readonly Lock _gate = new();
    private Action<IDomainEvent>[] _handlers = [];

    public IDisposable Subscribe(Action<IDomainEvent> handler)
    {
        lock (_gate)
        {
            _handlers = [.. _handlers, handler];
        }
        return new Subscription(this, handler);
    }

    public void Publish(IReadOnlyList<IDomainEvent> events)
    {
        var handlers = Volatile.Read(ref _handlers);
        foreach (var domainEvent in events)
        {
            foreach (var handler in handlers)
            {
                try
                {
                    handler(domainEvent);
                }
                catch (Exception ex)
                {
                    // A faulty subscriber must not undo or block a committed change.
                    logger.LogError(ex, "Domain event handler failed for {Event}", domainEvent.GetType().Name);
                }
            }
        }
    }

    private void Unsubscribe(Action<IDomainEvent> handler)
    {
        lock (_gate)
        {
            // Only this subscription's entry: delegates of one method on one target compare equal, so removing by
            // equality would also end a renewed subscription of the same handler.
            var index = Array.FindIndex(_handlers, h => ReferenceEquals(h, handler));
            if (index >= 0)
            {
                _handlers = [.. _handlers[..index], .. _handlers[(index + 1)..]];
            }
        }
    }

    private sealed class Subscription(DomainEventBus bus, Action<IDomainEvent> handler) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                bus.Unsubscribe(handler);
            }
        }
    }
}
