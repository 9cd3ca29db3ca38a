using CommunityPortal.Infrastructure.Domain;

using CommunityPortal.Features.Members.Segments;
namespace CommunityPortal.Features.Members;

/// <summary>
/// 分群: a member-list filter saved under a name, so "高意向·未进群" can be opened again and its members counted or
/// tagged. The filter is stored as JSON (<see cref="SegmentFilterJson"/>); its member count is always taken fresh.
/// </summary>
public sealed class MemberSegment : Entity
{
    public const int NameMax = 40;
    public const int FilterMax = 4000;

    public string Name { get; set; } = "";

    /// <summary>The <see cref="MemberFilter"/> as JSON (tag ids, growth level by name, UTC instants).</summary>
    public string FilterJson { get; set; } = "{}";

    /// <summary>Who saved it (user id) and their name then, as a snapshot (<see cref="MemberActor"/>).</summary>
    public string? CreatedById { get; set; }

    public string? CreatedByName { get; set; }
}

public sealed class SegmentInput
{
    public string Name { get; set; } = "";
}

public sealed record SegmentDto(int Id, string Name, MemberFilter Filter, string? CreatedByName, DateTime CreatedAt, int Version);
