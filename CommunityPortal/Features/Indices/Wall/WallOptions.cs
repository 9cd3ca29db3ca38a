using System.ComponentModel.DataAnnotations;

namespace CommunityPortal.Features.Indices.Wall;

/// <summary>Indices:Wall settings.</summary>
public sealed class WallOptions
{
    public const string Section = "Indices:Wall";

    /// <summary>
    /// How often an open wall screen checks that its link still works (revocations made on another instance) and reads
    /// the figures again even with no events (a new day). The browser reloads a screen that has not heard from its
    /// server for several such periods (wwwroot/js/wall.js).
    /// </summary>
    [Range(2, 300)]
    public int RecheckSeconds { get; set; } = 15;

    /// <summary>Lines of the ticker shown.</summary>
    [Range(1, 50)]
    public int TickerLines { get; set; } = 8;

    /// <summary>Channels shown.</summary>
    [Range(1, 20)]
    public int TopChannels { get; set; } = 5;
}
