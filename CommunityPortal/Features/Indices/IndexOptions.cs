using System.ComponentModel.DataAnnotations;

namespace CommunityPortal.Features.Indices;

/// <summary>Indices:* settings.</summary>
public sealed class IndexOptions
{
    public const string Section = "Indices";

    /// <summary>At most one batch of changes (and one update to dashboards) per this many milliseconds.</summary>
    [Range(10, 5_000)]
    public int CoalesceMilliseconds { get; set; } = 100;
}
