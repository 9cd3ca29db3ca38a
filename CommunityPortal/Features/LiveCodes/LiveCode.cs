using System.Text.RegularExpressions;
using CommunityPortal.Infrastructure.Domain;

namespace CommunityPortal.Features.LiveCodes;

/// <summary>
/// 活码: one QR on a poster that sends each scanner to a group of its pool that still has room, or to a fallback.
/// Scans reach it at /q/{Slug}.
/// </summary>
public sealed partial class LiveCode : Entity
{
    public const int NameMax = 60;
    public const int SlugMin = 3;
    public const int SlugMax = 32;
    public const int DefaultThresholdPeople = 180;
    public const int MaxThreshold = 100_000;
    public const int FallbackMessageMax = 500;
    public const int LandingTitleMax = 60;
    public const int LandingTextMax = 1000;
    public const int MaxFallbackImageBytes = 2 * 1024 * 1024;
    public const int MaxPoolSize = 50;

    public string Name { get; set; } = "";

    /// <summary>Lower-case letters, digits and dashes: short enough to print, safe in any URL.</summary>
    public string Slug { get; set; } = "";

    public RotationMode Mode { get; set; }

    /// <summary>People a pool group takes before the next one is used, unless the entry sets its own.</summary>
    public int DefaultThreshold { get; set; } = DefaultThresholdPeople;

    public DateTime? ValidFrom { get; set; }

    public DateTime? ValidUntil { get; set; }

    public bool IsPaused { get; set; }

    public string? FallbackMessage { get; set; }

    /// <summary>A staff member's contact QR shown when no group has room.</summary>
    public byte[]? FallbackImage { get; set; }

    public string? FallbackImageContentType { get; set; }

    public string? LandingTitle { get; set; }

    public string? LandingText { get; set; }

    public List<LiveCodePoolEntry> Pool { get; set; } = [];

    public static bool IsValidSlug(string? slug) => slug is not null && SlugPattern().IsMatch(slug);

    [GeneratedRegex("^[a-z0-9-]{3,32}$", RegexOptions.CultureInvariant)]
    private static partial Regex SlugPattern();
}

/// <summary>One group in a live code's pool, at its position, with an optional threshold of its own.</summary>
public sealed class LiveCodePoolEntry
{
    public int Id { get; set; }

    public int LiveCodeId { get; set; }

    public int GroupId { get; set; }

    public int Position { get; set; }

    /// <summary>Null: the live code's default threshold.</summary>
    public int? Threshold { get; set; }
}

public enum RotationMode
{
    /// <summary>The first group with room takes everyone until it is full.</summary>
    FillInOrder = 0,
    RoundRobin = 1,
    Random = 2,
    /// <summary>The group with the fewest people assigned so far.</summary>
    LeastShown = 3,
}
