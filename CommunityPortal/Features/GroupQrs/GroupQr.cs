using CommunityPortal.Features.Matrix;

namespace CommunityPortal.Features.GroupQrs;

/// <summary>
/// 群二维码: the QR an operator screenshots in WeChat for one group. WeChat group QRs expire 7 days after they are
/// made, and joining by scan stops at 200 members. A group keeps every QR it had; the one with
/// <see cref="ReplacedAt"/> null is current. A fact-like record: a replacement adds a row, never edits the payload.
/// </summary>
public sealed class GroupQr
{
    public const int PayloadMax = 512;
    /// <summary>Phone photos of a screen are often 3–6 MB; the reader caps the pixels (<see cref="GroupQrReader.MaxPixels"/>).</summary>
    public const int MaxImageBytes = 8 * 1024 * 1024;
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromDays(7);

    public int Id { get; set; }

    public int GroupId { get; set; }

    public Group? Group { get; set; }

    /// <summary>The decoded invite URL (weixin.qq.com/g/…), checked on the server.</summary>
    public string Payload { get; set; } = "";

    /// <summary>The uploaded screenshot, kept as the record of what the operator gave.</summary>
    public byte[] Image { get; set; } = [];

    /// <summary>image/png or image/jpeg, from the file's own bytes, not the browser's claim.</summary>
    public string ImageContentType { get; set; } = "";

    public DateTime UploadedAt { get; set; }

    /// <summary>UploadedAt + 7 days unless the operator set another time.</summary>
    public DateTime ExpiresAt { get; set; }

    public string? UploadedById { get; set; }

    /// <summary>When a newer QR took over; null for the current one.</summary>
    public DateTime? ReplacedAt { get; set; }
}
