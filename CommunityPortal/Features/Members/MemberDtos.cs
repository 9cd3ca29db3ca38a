using CommunityPortal.Features.LiveCodes;
namespace CommunityPortal.Features.Members;

public sealed record TagChip(int Id, string Name, string Colour, int TagGroupId, TagGroupKind Kind);

/// <summary>The profile header: numbers, names, level, tags and status. The full phone is for the profile only.</summary>
public sealed record MemberHeader(
    int Id,
    int MemberNo,
    string? UnionId,
    string Nickname,
    string? RemarkName,
    string? Phone,
    Gender Gender,
    string? Region,
    int? FirstChannelId,
    string? FirstChannelName,
    GrowthLevel GrowthLevel,
    MemberStatus Status,
    string? BlacklistReason,
    string? BlacklistedByName,
    DateTime? BlacklistedAt,
    DateTime CreatedAt,
    IReadOnlyList<TagChip> Tags,
    int Version)
{
    public string? MaskedPhone => MemberRules.MaskPhone(Phone);
}

/// <summary>One row of the member list: the phone only masked.</summary>
public sealed record MemberRow(
    int Id,
    int MemberNo,
    string Nickname,
    string? RemarkName,
    string? MaskedPhone,
    Gender Gender,
    string? Region,
    GrowthLevel GrowthLevel,
    MemberStatus Status,
    int? FirstChannelId,
    string? FirstChannelName,
    DateTime CreatedAt,
    IReadOnlyList<TagChip> Tags);

public sealed record TagDto(int Id, int TagGroupId, string Name, string Colour, bool IsAuto, int Version);

public sealed record TagGroupDto(int Id, string Name, TagGroupKind Kind, bool IsAuto, IReadOnlyList<TagDto> Tags, int Version);

/// <summary>A bulk tag change: how many members were asked about, and how many actually changed.</summary>
public sealed record BulkTagResult(int Members, int Changed);

public sealed record ServiceRecordDto(
    int Id,
    int MemberId,
    ServiceRecordKind Kind,
    string Text,
    string? AuthorName,
    DateTime CreatedAt,
    string? EditedByName,
    DateTime? EditedAt,
    int RevisionCount,
    int Version);

/// <summary>An earlier text of a record: who wrote it, when, and when it was replaced.</summary>
public sealed record ServiceRecordRevisionDto(ServiceRecordKind Kind, string Text, string? WrittenByName, DateTime WrittenAt, DateTime ReplacedAt);

public sealed record MembershipDto(long Id, int GroupId, string GroupName, DateTime JoinedAt, DateTime? LeftAt, MembershipSource Source);

/// <summary>
/// One line of a member's timeline. <see cref="SourceId"/> is the row's id in its own table (service record, membership,
/// member event; for Created, the MemberNo). Names are today's where the thing still exists, else the snapshot taken
/// at the time. <see cref="Text"/>: Created → the first channel's name; GroupJoined → the MembershipSource; ServiceRecord
/// → the record's current text; Blacklisted → the reason; BlacklistLifted → the note; GrowthChanged → "C→A"; Active →
/// message / checkin / visit; SignedUp, CheckedIn, Completed → the activity's name (SourceId: the sign-up's id); ScanLinked
/// from a scan → the live code's name (SourceId: the scan's id).
/// </summary>
public sealed record TimelineEntry(
    DateTime At,
    TimelineKind Kind,
    long SourceId,
    string? ActorName,
    string? Text,
    int? GroupId,
    string? GroupName,
    int? TagId,
    string? TagName,
    string? TagColour,
    decimal? Amount,
    ServiceRecordKind? RecordKind,
    bool Edited)
{
    /// <summary>For a scan (ScanLinked read from the Scans table): what the scan page showed; Text is the live code's name.</summary>
    public ScanOutcome? ScanOutcome { get; init; }

    /// <summary>For a scan: the channel of the channel code scanned, if any.</summary>
    public string? ChannelName { get; init; }
}

public enum TimelineKind
{
    /// <summary>The member was created (got a MemberNo); Text is the first channel's name.</summary>
    Created = 0,
    GroupJoined = 1,
    GroupLeft = 2,
    ServiceRecord = 3,
    TagAdded = 4,
    TagRemoved = 5,
    Blacklisted = 6,
    BlacklistLifted = 7,
    GrowthChanged = 8,
    ScanLinked = 9,
    Active = 10,
    Purchased = 11,
    /// <summary>Signed up for an activity (Features/Signups); Text is the activity's name.</summary>
    SignedUp = 12,
    /// <summary>Came to the activity (到场), marked by an operator.</summary>
    CheckedIn = 13,
    /// <summary>Completed the activity (完成), marked by an operator.</summary>
    Completed = 14,
}
