using CommunityPortal.Infrastructure.Domain;

namespace CommunityPortal.Features.Matrix;

/// <summary>系列: a recurring programme inside a theme; runs activities (期) again and again.</summary>
public sealed class Series : Entity
{
    public const int NameMax = 50;
    public const int DescriptionMax = 500;

    public int ThemeId { get; set; }

    public Theme? Theme { get; set; }

    public string Name { get; set; } = "";

    public string? Description { get; set; }

    public bool IsArchived { get; set; }

    public List<Activity> Activities { get; set; } = [];
}
