using System.ComponentModel;

namespace CommunityPortal.Features.LiveCodes;

// The API's wire shape, apart from the services' DTOs. Request members are optional on the wire: a missing field is
// reported by the services' validation, naming the field in the caller's language.

public sealed record LiveCodeRequest
{
    public string? Name { get; init; }

    [Description("Short URL-safe key: lower-case letters, digits and dashes, 3–32 characters. Scans open /q/{slug}.")]
    public string? Slug { get; init; }

    public RotationMode? Mode { get; init; }

    [Description("People per pool group unless the entry sets its own threshold; default 180.")]
    public int? DefaultThreshold { get; init; }

    public DateTime? ValidFrom { get; init; }

    [Description("After this time scans get HTTP 410 and an \"event ended\" page.")]
    public DateTime? ValidUntil { get; init; }

    public bool? IsPaused { get; init; }

    [Description("Shown when no pool group has room.")]
    public string? FallbackMessage { get; init; }

    public string? LandingTitle { get; init; }

    public string? LandingText { get; init; }

    [Description("The version last read; required on update (PUT).")]
    public int? Version { get; init; }

    public LiveCodeInput ToInput() => new()
    {
        Name = Name ?? "", Slug = Slug ?? "", Mode = Mode ?? RotationMode.FillInOrder,
        DefaultThreshold = DefaultThreshold ?? LiveCode.DefaultThresholdPeople, ValidFrom = ValidFrom, ValidUntil = ValidUntil,
        IsPaused = IsPaused ?? false, FallbackMessage = FallbackMessage, LandingTitle = LandingTitle, LandingText = LandingText,
    };
}

public sealed record PoolEntryRequest(int GroupId, int? Threshold);

public sealed record PoolRequest
{
    [Description("The whole pool in order; groups left out are removed from it.")]
    public List<PoolEntryRequest>? Entries { get; init; }

    [Description("The live code's version last read.")]
    public int? Version { get; init; }
}

public sealed record PoolEntryResponse(int GroupId, string GroupName, int Position, int? Threshold, int EffectiveThreshold);

public sealed record LiveCodeResponse(
    int Id, string Name, string Slug, string ScanPath, RotationMode Mode, int DefaultThreshold, DateTime? ValidFrom,
    DateTime? ValidUntil, bool IsPaused, string? FallbackMessage, bool HasFallbackImage, string? LandingTitle,
    string? LandingText, List<PoolEntryResponse> Pool, int Version)
{
    public static LiveCodeResponse From(LiveCodeDto c) => new(c.Id, c.Name, c.Slug, $"/q/{c.Slug}", c.Mode, c.DefaultThreshold,
        c.ValidFrom, c.ValidUntil, c.IsPaused, c.FallbackMessage, c.HasFallbackImage, c.LandingTitle, c.LandingText,
        c.Pool.Select(p => new PoolEntryResponse(p.GroupId, p.GroupName, p.Position, p.Threshold, p.EffectiveThreshold)).ToList(),
        c.Version);
}

public sealed record ChannelRequest
{
    public string? Name { get; init; }

    public ChannelType? Type { get; init; }

    [Description("What the channel cost, in yuan.")]
    public decimal? Cost { get; init; }

    [Description("The version last read; required on update (PUT).")]
    public int? Version { get; init; }

    public ChannelInput ToInput() => new() { Name = Name ?? "", Type = Type ?? ChannelType.Other, Cost = Cost };
}

public sealed record ChannelResponse(int Id, string Name, ChannelType Type, decimal? Cost, int Version)
{
    public static ChannelResponse From(ChannelDto c) => new(c.Id, c.Name, c.Type, c.Cost, c.Version);
}

public sealed record ChannelCodeRequest(int ChannelId);

public sealed record ChannelCodeResponse(int Id, int LiveCodeId, int ChannelId, string ChannelName, string Key, string ScanPath);
