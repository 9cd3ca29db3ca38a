using System.Runtime.InteropServices;
using CommunityPortal.Features.LiveCodes;

namespace CommunityPortal.Features.Indices.Aggregation;

/// <summary>
/// A stream event as the aggregator keeps it: compact, with its team-time-zone day and hour worked out once.
/// Ids are 0 when absent (database ids start at 1). Amount in fen (cents), so sums are exact. Two million of these
/// are kept at issue 11's scale, so they are packed: the kinds in a byte each and 4-byte alignment make 52 bytes where
/// the natural layout takes 64 (docs/adr/044).
/// </summary>
[StructLayout(LayoutKind.Sequential, Pack = 4)]
public readonly record struct Fact
{
    private readonly byte _type;
    private readonly byte _outcome;

    public Fact(IndexEventType type, ScanOutcome outcome, byte hour, int day, long id, long ticks, int memberId, int groupId, int activityId,
        int channelId, int visitor, long amountFen)
    {
        _type = checked((byte)type);
        _outcome = checked((byte)outcome);
        Hour = hour;
        Day = day;
        Id = id;
        Ticks = ticks;
        MemberId = memberId;
        GroupId = groupId;
        ActivityId = activityId;
        ChannelId = channelId;
        Visitor = visitor;
        AmountFen = amountFen;
    }

    public IndexEventType Type => (IndexEventType)_type;

    public ScanOutcome Outcome => (ScanOutcome)_outcome;

    public byte Hour { get; }

    public int Day { get; }

    public long Id { get; }

    public long Ticks { get; }

    public int MemberId { get; }

    public int GroupId { get; }

    public int ActivityId { get; }

    public int ChannelId { get; }

    public int Visitor { get; }

    public long AmountFen { get; }

    public DateOnly Date => DateOnly.FromDayNumber(Day);

    /// <summary>Joined, active, signed up, checked in, purchased, or a scan linked to the member (left is not activity).</summary>
    public bool IsActivity => Type is IndexEventType.Joined or IndexEventType.Active or IndexEventType.SignedUp or IndexEventType.CheckedIn
        or IndexEventType.Purchased or IndexEventType.ScanLinked;

    public bool IsCountedScan => Type == IndexEventType.Scan && Outcome != ScanOutcome.Bot;
}

/// <summary>Where one of a member's facts is kept: enough to find it in its day and to derive the member's state.</summary>
public readonly record struct FactRef(IndexEventType Type, long Id, int Day, long Ticks);
