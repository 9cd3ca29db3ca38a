using CommunityPortal.Infrastructure.Domain;

using CommunityPortal.Features.Members.Tags;
namespace CommunityPortal.Features.Members;

/// <summary>标签组: tags of one kind and theme, e.g. "来源渠道" (Behaviour) or "意向产品" (Attribute).</summary>
public sealed class TagGroup : Entity
{
    public const int NameMax = 30;
    public const int AutoKeyMax = 32;

    public string Name { get; set; } = "";

    public TagGroupKind Kind { get; set; }

    /// <summary>Set on the groups the portal keeps itself (<see cref="AutoTags"/>); null for groups operators made.</summary>
    public string? AutoKey { get; set; }

    public List<Tag> Tags { get; set; } = [];
}

/// <summary>标签: a name with a colour, in a group.</summary>
public sealed class Tag : Entity
{
    /// <summary>Long enough for the name of a channel or group (60), which automatic behaviour tags carry.</summary>
    public const int NameMax = 60;
    public const int AutoKeyMax = 32;
    public const string DefaultColour = "#1E88E5";

    public int TagGroupId { get; set; }

    public TagGroup? TagGroup { get; set; }

    public string Name { get; set; } = "";

    /// <summary>#RRGGBB.</summary>
    public string Colour { get; set; } = DefaultColour;

    /// <summary>"channel:{id}" or "group:{id}" for behaviour tags added automatically; null for tags operators made.</summary>
    public string? AutoKey { get; set; }
}

/// <summary>A tag on a member: who put it there, when and how. Removing the tag deletes the row; the timeline keeps both facts.</summary>
public sealed class MemberTag
{
    public int MemberId { get; set; }

    public int TagId { get; set; }

    public DateTime AddedAt { get; set; }

    public string? AddedById { get; set; }

    public string? AddedByName { get; set; }

    public TagSource Source { get; set; }
}

/// <summary>行为 / 成长 / 属性 tags (seeds/003).</summary>
public enum TagGroupKind
{
    /// <summary>Where people came from, what they clicked, which groups they joined, what they bought.</summary>
    Behaviour = 0,
    /// <summary>From ordinary to core member.</summary>
    Growth = 1,
    /// <summary>Age, gender, intended product.</summary>
    Attribute = 2,
}

public enum TagSource
{
    Manual = 0,
    Auto = 1,
    Bulk = 2,
}
