using CommunityPortal.Infrastructure.Domain;
using CommunityPortal.Features.Users;

using CommunityPortal.Features.Matrix.Groups;
namespace CommunityPortal.Features.Matrix;

/// <summary>社群: one WeChat group, in an activity or standalone (a long-term group outside any activity).</summary>
public sealed class Group : Entity
{
    public const int NameMax = 60;
    public const int MinCapacity = 1;
    public const int MaxCapacity = 500;
    public const int DefaultCapacity = 200;
    public const int MaxRules = 3;
    public const int RuleMax = 100;
    public const int AnnouncementMax = 2000;
    public const int WelcomeMessageMax = 1000;
    public const int MaxLabels = 20;
    public const int LabelMax = 30;

    public int? ActivityId { get; set; }

    public Activity? Activity { get; set; }

    public string Name { get; set; } = "";

    public GroupTier Tier { get; set; }

    public GroupLifetime Lifetime { get; set; }

    public string? OwnerId { get; set; }

    public ApplicationUser? Owner { get; set; }

    public int Capacity { get; set; } = DefaultCapacity;

    public int MemberCount { get; set; }

    public GroupStatus Status { get; set; }

    /// <summary>When the group first opened (or had members): a group with history is archived, never deleted.</summary>
    public DateTime? OpenedAt { get; set; }

    /// <summary>群规: at most three core rules.</summary>
    public List<string> Rules { get; set; } = [];

    public string? Announcement { get; set; }

    public string? WelcomeMessage { get; set; }

    /// <summary>Free labels such as a region or a product.</summary>
    public List<string> Labels { get; set; } = [];

    /// <summary>
    /// Only a group without history can be deleted: never opened, never had members; others are archived.
    /// GroupProjection repeats this rule in SQL for GroupDto.CanDelete.
    /// </summary>
    public bool CanBeDeleted() => MemberCount == 0 && Status == GroupStatus.Planned && OpenedAt == null;
}
