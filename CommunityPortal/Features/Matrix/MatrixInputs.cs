
namespace CommunityPortal.Features.Matrix;

// Mutable input models: bound by forms and by the API, validated by the services.

public sealed class ThemeInput
{
    public string Name { get; set; } = "";

    public string? Description { get; set; }
}

public sealed class SeriesInput
{
    public int ThemeId { get; set; }

    public string Name { get; set; } = "";

    public string? Description { get; set; }
}

public sealed class ActivityInput
{
    public int SeriesId { get; set; }

    /// <summary>第N期; 0 or less means "the next free number".</summary>
    public int PeriodNo { get; set; }

    /// <summary>Blank means "{series} 第N期".</summary>
    public string? Name { get; set; }

    public DateOnly? StartDate { get; set; }

    public DateOnly? EndDate { get; set; }

    public ActivityStatus Status { get; set; } = ActivityStatus.Planned;
}

public sealed class GroupInput
{
    /// <summary>Null for a standalone (long-term) group outside any activity.</summary>
    public int? ActivityId { get; set; }

    public string Name { get; set; } = "";

    public GroupTier Tier { get; set; } = GroupTier.Welfare;

    public GroupLifetime Lifetime { get; set; } = GroupLifetime.Temporary;

    /// <summary>E-mail of the portal user who owns the group; blank for none.</summary>
    public string? OwnerEmail { get; set; }

    public int Capacity { get; set; } = Group.DefaultCapacity;

    public int MemberCount { get; set; }

    public GroupStatus Status { get; set; } = GroupStatus.Planned;

    public List<string> Rules { get; set; } = [];

    public string? Announcement { get; set; }

    public string? WelcomeMessage { get; set; }

    public List<string> Labels { get; set; } = [];
}
