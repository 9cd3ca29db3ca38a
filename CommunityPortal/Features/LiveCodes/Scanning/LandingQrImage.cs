using QRCoder;

namespace CommunityPortal.Features.LiveCodes.Scanning;

/// <summary>
/// The group QR on the scan page, drawn from the stored invite link rather than the operator's screenshot: crisp at any
/// phone's pixel density, a couple of kilobytes inline, and never showing what else the screenshot held.
/// </summary>
internal static class LandingQrImage
{
    /// <summary>Natural width to aim for: WeChat's long-press reads the image's own pixels, so give it room.</summary>
    private const int TargetPixels = 480;

    /// <summary>A 1-bit PNG as a data URI: whole pixels per module, the standard 4-module quiet zone.</summary>
    public static string DataUri(string payload)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(payload, QRCodeGenerator.ECCLevel.M);
        var pixelsPerModule = Math.Clamp((int)Math.Ceiling((double)TargetPixels / data.ModuleMatrix.Count), 4, 16);
        var png = new PngByteQRCode(data).GetGraphic(pixelsPerModule);
        return $"data:image/png;base64,{Convert.ToBase64String(png)}";
    }
}
