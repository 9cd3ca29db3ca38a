using CommunityPortal.Features.LiveCodes;

namespace CommunityPortal.Features.Indices.Aggregation;

/// <summary>
/// A stream event as the aggregator keeps it: compact, with its team-time-zone day and hour worked out once.
/// Ids are 0 when absent (database ids start at 1). Amount in fen (cents), so sums are exact.
/// </summary>
public readonly record struct Fact(
    IndexEventType Type,
    ScanOutcome Outcome,
    byte Hour,
    int Day,
    long Id,
    long Ticks,
    int MemberId,
    int GroupId,
    int ActivityId,
    int ChannelId,
    int Visitor,
    long AmountFen)
{
    public DateOnly Date => DateOnly.FromDayNumber(Day);

    /// <summary>Joined, active, signed up, checked in, purchased, or a scan linked to the member (left is not activity).</summary>
    public bool IsActivity => Type is IndexEventType.Joined or IndexEventType.Active or IndexEventType.SignedUp or IndexEventType.CheckedIn
        or IndexEventType.Purchased or IndexEventType.ScanLinked;

    public bool IsCountedScan => Type == IndexEventType.Scan && Outcome != ScanOutcome.Bot;
}

/// <summary>Where one of a member's facts is kept: enough to find it in its day and to derive the member's state.</summary>
public readonly record struct FactRef(IndexEventType Type, long Id, int Day, long Ticks);
