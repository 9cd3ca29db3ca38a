namespace CommunityPortal.Features.Indices.Live;

/// <summary>
/// The indices moved: <see cref="Version"/> rises with every applied batch of events; <see cref="Days"/> are the
/// team-time-zone days whose figures changed. Raised at most every coalescing interval, never per event.
/// </summary>
public sealed record IndexChange(long Version, IReadOnlyCollection<DateOnly> Days, IReadOnlyCollection<IndexEventType> Types);

/// <summary>Tells open dashboards, wall screens and the hub that the indices moved.</summary>
public interface IIndexChanges
{
    /// <summary>The aggregator's state: false while it is still rebuilding from the stream at start.</summary>
    bool Ready { get; }

    long Version { get; }

    /// <summary>Subscribes; the listener must be quick and must not throw. Dispose to stop.</summary>
    IDisposable Subscribe(Action<IndexChange> listener);
}
