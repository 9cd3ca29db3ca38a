using CommunityPortal.Features.Members.Timeline;

namespace CommunityPortal.Features.Members;

/// <summary>
/// A fact on a member's timeline that has no other home: tag changes, blacklisting, growth changes, a scan linked to
/// the member, and activity or purchase events from the events API. Append-only. Joins and leaves
/// (<see cref="GroupMembership"/>) and service records have their own tables; <see cref="MemberTimelineService"/>
/// merges them all into one list.
/// </summary>
/// <remarks>
/// The references (tag, group, activity, scan) are plain ids without foreign keys: a fact outlives what it points at,
/// and this table grows to millions of rows, where every foreign key would cost an index. <see cref="Detail"/> keeps a
/// snapshot (the tag's name, the blacklist reason) so the fact still reads right after a rename or a delete.
/// </remarks>
public sealed class MemberEvent
{
    public const int DetailMax = 500;
    public const int SourceMax = 64;
    public const int ClientEventIdMax = 64;

    public long Id { get; set; }

    public int MemberId { get; set; }

    public MemberEventKind Kind { get; set; }

    /// <summary>When it happened (for API events, the time the client sent).</summary>
    public DateTime At { get; set; }

    /// <summary>When the portal stored it.</summary>
    public DateTime RecordedAt { get; set; }

    /// <summary>Who did it: a user id, "apikey:N", or null for the portal itself (automatic tags).</summary>
    public string? ActorId { get; set; }

    public string? ActorName { get; set; }

    public int? TagId { get; set; }

    public int? GroupId { get; set; }

    public int? ActivityId { get; set; }

    public long? ScanId { get; set; }

    /// <summary>Purchases: the amount in yuan.</summary>
    public decimal? Amount { get; set; }

    /// <summary>What else the fact needs to be read: the tag's name, a reason, "C→A", "message" / "checkin" / "visit".</summary>
    public string? Detail { get; set; }

    /// <summary>With <see cref="ClientEventId"/>: who sent an API event ("apikey:N"); a re-sent event is recognised and ignored.</summary>
    public string? Source { get; set; }

    public string? ClientEventId { get; set; }
}

public enum MemberEventKind
{
    TagAdded = 0,
    TagRemoved = 1,
    Blacklisted = 2,
    BlacklistLifted = 3,
    GrowthChanged = 4,
    /// <summary>A /q scan recognised as this member's (e.g. by the sign-up that followed it).</summary>
    ScanLinked = 5,
    /// <summary>Events API "active": Detail is message, checkin or visit.</summary>
    Active = 6,
    /// <summary>Events API "purchased", with <see cref="MemberEvent.Amount"/>.</summary>
    Purchased = 7,
    /// <summary>Events API "signedUp" for <see cref="MemberEvent.ActivityId"/>; Detail is the activity's name then.</summary>
    SignedUp = 8,
}
