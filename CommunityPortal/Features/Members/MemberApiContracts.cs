using System.ComponentModel;

namespace CommunityPortal.Features.Members;

// The members API's wire shape. Request members are optional on the wire: what is missing or wrong is reported by the
// services' validation, naming the field in the caller's language.

public sealed record MemberRequest
{
    [Description("Required on create.")]
    public string? Nickname { get; init; }

    public string? RemarkName { get; init; }

    [Description("Mainland mobile number; spaces, dashes and +86 are accepted. On update, the masked form read from the API (138****5678) keeps the current number.")]
    public string? Phone { get; init; }

    [Description("WeChat UnionID, unique among members.")]
    public string? UnionId { get; init; }

    public Gender? Gender { get; init; }

    public string? Region { get; init; }

    [Description("The channel that brought the member in; on update 0 clears it.")]
    public int? FirstChannelId { get; init; }

    [Description("S, A or C; new members are C unless told otherwise.")]
    public GrowthLevel? GrowthLevel { get; init; }

    [Description("The version last read; required on update (PUT).")]
    public int? Version { get; init; }

    public MemberInput ToInput() => new()
    {
        Nickname = Nickname ?? "", RemarkName = RemarkName, Phone = Phone, UnionId = UnionId, Gender = Gender ?? Members.Gender.Unknown,
        Region = Region, FirstChannelId = FirstChannelId, GrowthLevel = GrowthLevel ?? Members.GrowthLevel.C,
    };

    /// <summary>An update changes what is sent: a missing (or null) field keeps its value, "" clears a text field.</summary>
    public MemberInput MergeInto(MemberHeader current) => new()
    {
        Nickname = Nickname ?? current.Nickname,
        RemarkName = RemarkName ?? current.RemarkName,
        Phone = Phone is null || (current.Phone is not null && Phone.Trim() == MemberRules.MaskPhone(current.Phone)) ? current.Phone : Phone,
        UnionId = UnionId ?? current.UnionId,
        Gender = Gender ?? current.Gender,
        Region = Region ?? current.Region,
        FirstChannelId = FirstChannelId switch { null => current.FirstChannelId, 0 => null, var id => id },
        GrowthLevel = GrowthLevel ?? current.GrowthLevel,
    };
}

public sealed record BlacklistRequest
{
    [Description("Why the member is blacklisted (required, at most 200 characters); shown on the profile and the timeline.")]
    public string? Reason { get; init; }
}

/// <summary>A member as the API shows it. <see cref="Phone"/> is masked (138****5678) unless the key may manage members.</summary>
public sealed record MemberResponse(
    int Id,
    int MemberNo,
    string? UnionId,
    string Nickname,
    string? RemarkName,
    string? Phone,
    bool PhoneMasked,
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
    public static MemberResponse From(MemberHeader m, bool fullPhone) => new(
        m.Id, m.MemberNo, m.UnionId, m.Nickname, m.RemarkName, fullPhone ? m.Phone : m.MaskedPhone, !fullPhone && m.Phone is not null,
        m.Gender, m.Region, m.FirstChannelId, m.FirstChannelName, m.GrowthLevel, m.Status, m.BlacklistReason, m.BlacklistedByName,
        m.BlacklistedAt, m.CreatedAt, m.Tags, m.Version);
}

/// <summary>One search result. <see cref="Phone"/> is masked unless the key may manage members.</summary>
public sealed record MemberRowResponse(
    int Id,
    int MemberNo,
    string Nickname,
    string? RemarkName,
    string? Phone,
    bool PhoneMasked,
    Gender Gender,
    string? Region,
    GrowthLevel GrowthLevel,
    MemberStatus Status,
    int? FirstChannelId,
    string? FirstChannelName,
    DateTime CreatedAt,
    IReadOnlyList<TagChip> Tags);

/// <summary>A page of results: <see cref="Page"/> counts from 1.</summary>
public sealed record PageResponse<T>(IReadOnlyList<T> Items, int TotalCount, int Page, int PageSize);

public sealed record TagGroupRequest
{
    public string? Name { get; init; }

    [Description("Behaviour, Growth or Attribute (default Attribute).")]
    public TagGroupKind? Kind { get; init; }

    [Description("The version last read; required on update (PUT).")]
    public int? Version { get; init; }

    public TagGroupInput ToInput() => new() { Name = Name ?? "", Kind = Kind ?? TagGroupKind.Attribute };
}

public sealed record TagRequest
{
    public int? TagGroupId { get; init; }

    public string? Name { get; init; }

    [Description("#RRGGBB (default #1E88E5).")]
    public string? Colour { get; init; }

    [Description("The version last read; required on update (PUT).")]
    public int? Version { get; init; }

    public TagInput ToInput() => new() { TagGroupId = TagGroupId ?? 0, Name = Name ?? "", Colour = Colour ?? Tag.DefaultColour };
}
