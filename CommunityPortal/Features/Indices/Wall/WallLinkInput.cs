namespace CommunityPortal.Features.Indices.Wall;

/// <summary>A new wall link: where its screen hangs. The service checks it (no DataAnnotations: see NewUserInput).</summary>
public sealed class WallLinkInput
{
    public string Name { get; set; } = "";
}
