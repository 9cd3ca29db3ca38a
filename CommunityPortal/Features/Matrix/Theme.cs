using CommunityPortal.Infrastructure.Domain;

namespace CommunityPortal.Features.Matrix;

/// <summary>主题: the top of the matrix; holds series.</summary>
public sealed class Theme : Entity
{
    public const int NameMax = 50;
    public const int DescriptionMax = 500;

    public string Name { get; set; } = "";

    public string? Description { get; set; }

    public bool IsArchived { get; set; }

    public List<Series> Series { get; set; } = [];
}
