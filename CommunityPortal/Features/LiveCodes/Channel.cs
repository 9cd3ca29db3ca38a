using CommunityPortal.Infrastructure.Domain;

namespace CommunityPortal.Features.LiveCodes;

/// <summary>渠道: where a poster or article ran, so scans can be attributed and costs compared.</summary>
public sealed class Channel : Entity
{
    public const int NameMax = 60;

    public string Name { get; set; } = "";

    public ChannelType Type { get; set; }

    /// <summary>What the channel cost, in yuan; null when free or unknown.</summary>
    public decimal? Cost { get; set; }
}

/// <summary>A channel was created, changed (its cost, its name) or deleted: readers that keep channels (the indices) read them again.</summary>
public sealed record ChannelChanged(int ChannelId) : IDomainEvent;

public enum ChannelType
{
    Article = 0,
    Kol = 1,
    OfflinePoster = 2,
    PaidAd = 3,
    Other = 4,
}

/// <summary>A live code as published in one channel: its own QR, /q/{slug}?c={Key}.</summary>
public sealed class ChannelCode
{
    public const int KeyLength = 8;

    public int Id { get; set; }

    public int LiveCodeId { get; set; }

    public int ChannelId { get; set; }

    public string Key { get; set; } = "";

    public DateTime CreatedAt { get; set; }
}
