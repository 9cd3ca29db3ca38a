using CommunityPortal.Features.Indices.Queries;

namespace CommunityPortal.Features.Indices.Hub;

/// <summary>
/// What /hubs/indices sends: the indices moved to <paramref name="Version"/>; <paramref name="Days"/> (team time zone) are
/// the days whose figures changed since the previous delta (re-read those from the API), <paramref name="Live"/> today's
/// figures as the wall screen shows them.
/// </summary>
public sealed record IndexDelta(long Version, IReadOnlyCollection<DateOnly> Days, LiveFigures Live);

/// <summary>The methods a client of /hubs/indices handles (ADR 041).</summary>
public interface IIndicesClient
{
    /// <summary>Sent to every connected client when the indices move (coalesced: bursts give one delta).</summary>
    Task IndexChanged(IndexDelta delta);
}
