
namespace CommunityPortal.Features.Members;

// Mutable input models: bound by forms, the API and CSV rows, validated by the services.

public sealed class MemberInput
{
    public string Nickname { get; set; } = "";

    public string? RemarkName { get; set; }

    /// <summary>As typed: spaces, dashes, +86 and full-width digits are accepted and normalised.</summary>
    public string? Phone { get; set; }

    public string? UnionId { get; set; }

    public Gender Gender { get; set; }

    public string? Region { get; set; }

    public int? FirstChannelId { get; set; }

    public GrowthLevel GrowthLevel { get; set; } = GrowthLevel.C;
}

public sealed class TagGroupInput
{
    public string Name { get; set; } = "";

    public TagGroupKind Kind { get; set; } = TagGroupKind.Attribute;
}

public sealed class TagInput
{
    public int TagGroupId { get; set; }

    public string Name { get; set; } = "";

    /// <summary>#RRGGBB (a leading # may be left out; case does not matter).</summary>
    public string Colour { get; set; } = Tag.DefaultColour;
}

public sealed class ServiceRecordInput
{
    public ServiceRecordKind Kind { get; set; } = ServiceRecordKind.Consultation;

    public string Text { get; set; } = "";
}

/// <summary>
/// The member list's criteria, shared by the list, bulk tagging on a filter and (later) segments and CSV export.
/// Tag lists hold tag ids. Created times are UTC instants: From inclusive, To exclusive (pages convert the portal's
/// local dates with PortalTime.ToUtc).
/// </summary>
public record MemberFilter
{
    /// <summary>A MemberNo, a phone number (or its last digits), a UnionID, or part of a nickname or remark name.</summary>
    public string? Search { get; init; }

    /// <summary>Members that have every one of these tags.</summary>
    public IReadOnlyList<int>? TagsAllOf { get; init; }

    /// <summary>Members that have at least one of these tags.</summary>
    public IReadOnlyList<int>? TagsAnyOf { get; init; }

    /// <summary>Members that have none of these tags.</summary>
    public IReadOnlyList<int>? TagsNoneOf { get; init; }

    public GrowthLevel? GrowthLevel { get; init; }

    /// <summary>First channel (渠道) the member came from.</summary>
    public int? ChannelId { get; init; }

    /// <summary>Members in this group now (an open membership).</summary>
    public int? GroupId { get; init; }

    /// <summary>Members signed up for this activity (Features/Signups).</summary>
    public int? ActivityId { get; init; }

    public MemberStatus? Status { get; init; }

    public DateTime? CreatedFrom { get; init; }

    public DateTime? CreatedTo { get; init; }
}

public sealed record MemberQuery : MemberFilter
{
    public const int MaxTake = 200;

    /// <summary>memberNo (default), nickname, createdAt, growthLevel, status.</summary>
    public string? SortBy { get; init; }

    /// <summary>Newest first unless told otherwise.</summary>
    public bool Descending { get; init; } = true;

    public int Skip { get; init; }

    public int Take { get; init; } = 20;
}
