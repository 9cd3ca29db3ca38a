namespace CommunityPortal.Features.Indices.Wall;

/// <summary>
/// A link a Manager gives a wall screen (a TV) so it shows the live indices without anyone signing in on it. Only the
/// SHA-256 of the link's token is kept (<see cref="SecretTokens"/>): the link is shown once, when it is made; revoking
/// it darkens the screens that use it (ADR 040).
/// </summary>
public sealed class WallLink
{
    public const int NameMax = 60;
    public const int CreatedByMax = 256;

    public int Id { get; set; }

    /// <summary>Where the screen hangs, e.g. "会议室大屏".</summary>
    public string Name { get; set; } = "";

    public string TokenHash { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    /// <summary>The name of the person who made it, as it read then.</summary>
    public string CreatedBy { get; set; } = "";

    public DateTime? RevokedAt { get; set; }
}
