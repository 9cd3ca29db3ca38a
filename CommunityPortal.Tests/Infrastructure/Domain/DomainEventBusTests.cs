using CommunityPortal.Infrastructure.Domain;
using Microsoft.Extensions.Logging;

namespace CommunityPortal.Tests.Infrastructure.Domain;

public sealed class DomainEventBusTests
{
    private sealed record Happened(int No) : IDomainEvent;

    private readonly RecordingLogger _logger = new();

    private DomainEventBus NewBus() => new(_logger);

    [Fact]
    public void Publish_DeliversEveryEvent_ToEverySubscriber_InOrder()
    {
        var bus = NewBus();
        var first = new List<IDomainEvent>();
        var second = new List<IDomainEvent>();
        using var a = bus.Subscribe(first.Add);
        using var b = bus.Subscribe(second.Add);

        bus.Publish([new Happened(1), new Happened(2)]);

        Assert.Equal([new Happened(1), new Happened(2)], first);
        Assert.Equal(first, second);
    }

    [Fact]
    public void Publish_WithoutSubscribers_DoesNothing()
    {
        NewBus().Publish([new Happened(1)]);
    }

    [Fact]
    public void ASubscriberThatThrows_DoesNotStopTheOthersNorTheNextEvents_AndIsLogged()
    {
        var bus = NewBus();
        var before = new List<IDomainEvent>();
        var after = new List<IDomainEvent>();
        using var a = bus.Subscribe(before.Add);
        using var faulty = bus.Subscribe(e => throw new InvalidOperationException("subscriber bug"));
        using var b = bus.Subscribe(after.Add);

        bus.Publish([new Happened(1), new Happened(2)]);

        Assert.Equal(2, before.Count);
        Assert.Equal(2, after.Count);
        Assert.Equal(2, _logger.Errors.Count);
        Assert.All(_logger.Errors, e => Assert.Equal("subscriber bug", e.Message));
    }

    [Fact]
    public void DisposingTheSubscription_StopsDelivery()
    {
        var bus = NewBus();
        var received = new List<IDomainEvent>();
        var subscription = bus.Subscribe(received.Add);
        bus.Publish([new Happened(1)]);

        subscription.Dispose();
        bus.Publish([new Happened(2)]);

        Assert.Equal([new Happened(1)], received);
    }

    [Fact]
    public void DisposingTwice_IsHarmless()
    {
        var bus = NewBus();
        var received = new List<IDomainEvent>();
        var subscription = bus.Subscribe(received.Add);
        using var other = bus.Subscribe(received.Add);

        subscription.Dispose();
        subscription.Dispose();
        bus.Publish([new Happened(1)]);

        Assert.Single(received);
    }

    [Fact]
    public void ResubscribingTheSameHandler_ThenDisposingTheOldSubscription_KeepsTheNewOne()
    {
        // A component that renews its subscription (subscribe anew, then dispose the old one) must keep receiving.
        var bus = NewBus();
        var received = new List<IDomainEvent>();
        Action<IDomainEvent> handler = received.Add;
        var old = bus.Subscribe(handler);
        using var renewed = bus.Subscribe(handler);

        old.Dispose();
        bus.Publish([new Happened(1)]);

        Assert.Equal([new Happened(1)], received);
    }

    [Fact]
    public void ASubscriberAddedWhilePublishing_GetsTheNextPublication()
    {
        var bus = NewBus();
        var late = new List<IDomainEvent>();
        IDisposable? lateSubscription = null;
        using var first = bus.Subscribe(_ => lateSubscription ??= bus.Subscribe(late.Add));

        bus.Publish([new Happened(1)]);
        bus.Publish([new Happened(2)]);
        lateSubscription?.Dispose();

        Assert.Equal([new Happened(2)], late);
    }

    [Fact]
    public void ASubscriberCanUnsubscribeItselfWhileHandling()
    {
        var bus = NewBus();
        var received = new List<IDomainEvent>();
        IDisposable? self = null;
        self = bus.Subscribe(e =>
        {
            received.Add(e);
            self!.Dispose();
        });

        bus.Publish([new Happened(1)]);
        bus.Publish([new Happened(2)]);

        Assert.Equal(new Happened(1), received[0]);
        Assert.DoesNotContain(new Happened(2), received);
    }

    [Fact]
    public async Task SubscribingFromManyThreadsAtOnce_LosesNoSubscriber()
    {
        var bus = NewBus();
        var calls = 0;
        var subscriptions = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => Task.Run(() => bus.Subscribe(_ => Interlocked.Increment(ref calls)))));

        bus.Publish([new Happened(1)]);

        Assert.Equal(200, calls);
        Parallel.ForEach(subscriptions, s => s.Dispose());
        bus.Publish([new Happened(2)]);
        Assert.Equal(200, calls);
    }

    private sealed class RecordingLogger : ILogger<DomainEventBus>
    {
        public List<Exception> Errors { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel >= LogLevel.Error && exception is not null)
            {
                lock (Errors)
                {
                    Errors.Add(exception);
                }
            }
        }
    }
}
