namespace CommunityPortal.Features.GroupQrs;

/// <summary>
/// The server's own checks of an upload: the image format from the file's first bytes, and what the QR code read from
/// it by <see cref="GroupQrReader"/> holds. Each method returns a resource key naming what is wrong, or null.
/// </summary>
public static class GroupQrRules
{
    public const string InviteHost = "weixin.qq.com";
    public const string InvitePathPrefix = "/g/";
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(30);

    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] JpegSignature = [0xFF, 0xD8, 0xFF];

    // Hosts whose QRs add a person, not a group: WeChat's personal cards (u.wechat.com/…) and weixin.qq.com/r/….
    private static readonly string[] PersonalHosts = ["u.wechat.com", "wechat.com", "www.wechat.com"];

    /// <summary>image/png or image/jpeg when the bytes start like one; null for anything else.</summary>
    public static string? ContentTypeOf(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith(PngSignature) ? "image/png"
        : bytes.StartsWith(JpegSignature) ? "image/jpeg"
        : null;

    /// <summary>Null when the bytes are an acceptable image; otherwise the key of the reason.</summary>
    public static string? CheckImage(ReadOnlySpan<byte> bytes) =>
        bytes.Length == 0 ? "Error.FileRequired"
        : bytes.Length > GroupQr.MaxImageBytes ? "Error.FileTooLarge"
        : ContentTypeOf(bytes) is null ? "Error.NotAnImage"
        : null;

    /// <summary>Null for a WeChat group invite (https://weixin.qq.com/g/…); otherwise the key of what it is instead.</summary>
    public static string? CheckPayload(string? payload)
    {
        var text = payload?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return "Error.NoQrFound";
        }
        if (text.Length > GroupQr.PayloadMax)
        {
            return "Error.PayloadTooLong";
        }
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return "Error.PlainText";
        }
        var host = uri.Host.ToLowerInvariant();
        var path = uri.AbsolutePath;
        if (PersonalHosts.Contains(host) || (host == InviteHost && path.StartsWith("/r/", StringComparison.Ordinal)))
        {
            return "Error.PersonalContact";
        }
        var token = path.StartsWith(InvitePathPrefix, StringComparison.Ordinal) ? path[InvitePathPrefix.Length..] : "";
        var isInvite = uri.Scheme == Uri.UriSchemeHttps && host == InviteHost && uri.IsDefaultPort && uri.UserInfo.Length == 0
            && token.Length > 0 && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
        return isInvite ? null : "Error.WebPage";
    }

    /// <summary>Null when the expiry is in the future and at most <see cref="MaxLifetime"/> after <paramref name="utcNow"/>.</summary>
    public static string? CheckExpiry(DateTime expiresAtUtc, DateTime utcNow) =>
        expiresAtUtc <= utcNow ? "Error.ExpiryPast"
        : expiresAtUtc > utcNow + MaxLifetime ? "Error.ExpiryTooFar"
        : null;
}
