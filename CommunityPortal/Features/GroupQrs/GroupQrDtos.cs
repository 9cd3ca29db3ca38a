using CommunityPortal.Infrastructure.Domain;

namespace CommunityPortal.Features.GroupQrs;

/// <summary>One QR of a group (current or replaced), without its image bytes.</summary>
public sealed record GroupQrDto(
    int Id,
    int GroupId,
    string Payload,
    string ImageContentType,
    int ImageSize,
    DateTime UploadedAt,
    DateTime ExpiresAt,
    string? UploadedById,
    string? UploadedBy,
    DateTime? ReplacedAt)
{
    /// <summary>Warn this long before a QR expires.</summary>
    public static readonly TimeSpan WarningWindow = TimeSpan.FromDays(3);

    public bool IsCurrent => ReplacedAt is null;

    public bool IsExpired(DateTime utcNow) => ExpiresAt <= utcNow;

    public bool ExpiresSoon(DateTime utcNow) => !IsExpired(utcNow) && ExpiresAt - utcNow <= WarningWindow;
}

/// <summary>The current QR (null when the group has none yet) and the replaced ones, newest first.</summary>
public sealed record GroupQrOverview(int GroupId, GroupQrDto? Current, IReadOnlyList<GroupQrDto> History);

/// <summary>A stored QR image and its content type (taken from the bytes at upload).</summary>
public sealed record GroupQrImage(int GroupId, byte[] Bytes, string ContentType);

/// <summary>A group's current QR changed (uploaded, replaced, or its expiry moved). Published after the commit.</summary>
public sealed record GroupQrChanged(int GroupId, int QrId) : IDomainEvent;
