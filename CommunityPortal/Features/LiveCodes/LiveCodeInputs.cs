
namespace CommunityPortal.Features.LiveCodes;

// Mutable input models: bound by forms and by the API, validated by the services.

public sealed class LiveCodeInput
{
    public string Name { get; set; } = "";

    public string Slug { get; set; } = "";

    public RotationMode Mode { get; set; } = RotationMode.FillInOrder;

    public int DefaultThreshold { get; set; } = LiveCode.DefaultThresholdPeople;

    public DateTime? ValidFrom { get; set; }

    public DateTime? ValidUntil { get; set; }

    public bool IsPaused { get; set; }

    public string? FallbackMessage { get; set; }

    public string? LandingTitle { get; set; }

    public string? LandingText { get; set; }
}

public sealed record PoolEntryInput(int GroupId, int? Threshold = null);

public sealed class ChannelInput
{
    public string Name { get; set; } = "";

    public ChannelType Type { get; set; } = ChannelType.Other;

    public decimal? Cost { get; set; }
}

public sealed record PoolEntryDto(int GroupId, string GroupName, int Position, int? Threshold, int EffectiveThreshold);

public sealed record LiveCodeDto(
    int Id,
    string Name,
    string Slug,
    RotationMode Mode,
    int DefaultThreshold,
    DateTime? ValidFrom,
    DateTime? ValidUntil,
    bool IsPaused,
    string? FallbackMessage,
    bool HasFallbackImage,
    string? LandingTitle,
    string? LandingText,
    IReadOnlyList<PoolEntryDto> Pool,
    int Version);

public sealed record LiveCodeSummary(int Id, string Name, string Slug, RotationMode Mode, bool IsPaused, int PoolSize);

public sealed record ChannelDto(int Id, string Name, ChannelType Type, decimal? Cost, int Version);

public sealed record ChannelCodeDto(int Id, int LiveCodeId, int ChannelId, string ChannelName, string Key);
