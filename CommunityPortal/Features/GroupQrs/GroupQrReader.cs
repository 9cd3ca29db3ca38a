using SkiaSharp;
using ZXing;
using ZXing.Common;

namespace CommunityPortal.Features.GroupQrs;

/// <summary>What the server found in an uploaded image.</summary>
public enum QrReadStatus
{
    Found,
    NotAnImage,
    TooManyPixels,
    NoQrCode,
}

/// <summary>The text of the image's QR code when <see cref="Status"/> is Found; the image's size in pixels when known.</summary>
public sealed record QrRead(QrReadStatus Status, string? Text = null, int Width = 0, int Height = 0);

/// <summary>
/// Reads the QR code in an uploaded image on the server (docs/adr/023): SkiaSharp decodes the PNG or JPEG, ZXing finds
/// the code in its pixels. Operators upload screenshots and photos of a phone screen, so the code may be small in a
/// large picture, scaled, slightly turned, blurred or noisy.
/// </summary>
public sealed class GroupQrReader
{
    /// <summary>A 12-megapixel phone photo is 12 M; past this a small file could still ask for gigabytes of pixels.</summary>
    public const long MaxPixels = 40_000_000;

    /// <summary>The first look is at this size at most: quicker, and downscaling smooths a photo's noise.</summary>
    private const int FirstLookSide = 1600;

    // Decoding is CPU work on a shared machine: a burst of uploads must not starve the scan pages.
    private readonly SemaphoreSlim _gate = new(Math.Max(1, Environment.ProcessorCount / 2));

    public async Task<QrRead> ReadAsync(byte[] image, CancellationToken ct = default)
    {
        await _gate.WaitAsync(ct);
        try
        {
            return await Task.Run(() => Read(image), ct);
        }
        finally
        {
            _gate.Release();
        }
    }

    public static QrRead Read(byte[] image)
    {
        using var data = SKData.CreateCopy(image);
        using var codec = SKCodec.Create(data);
        if (codec is null)
        {
            return new QrRead(QrReadStatus.NotAnImage);
        }
        var (width, height) = (codec.Info.Width, codec.Info.Height);
        if ((long)width * height > MaxPixels)
        {
            return new QrRead(QrReadStatus.TooManyPixels, Width: width, Height: height);
        }
        using var decoded = SKBitmap.Decode(codec);
        if (decoded is null)
        {
            return new QrRead(QrReadStatus.NotAnImage, Width: width, Height: height);
        }
        var longest = Math.Max(width, height);
        var first = longest > FirstLookSide ? (double)FirstLookSide / longest : 1;
        double[] scales = first < 1 ? [first, 1] : [1];
        foreach (var scale in scales)
        {
            if (Find(decoded, scale) is { } text)
            {
                return new QrRead(QrReadStatus.Found, text, width, height);
            }
        }
        return new QrRead(QrReadStatus.NoQrCode, Width: width, Height: height);
    }

    /// <summary>The image at <paramref name="scale"/>, over white (a transparent PNG's empty pixels would read as black).</summary>
    private static string? Find(SKBitmap source, double scale)
    {
        var width = Math.Max(1, (int)Math.Round(source.Width * scale));
        var height = Math.Max(1, (int)Math.Round(source.Height * scale));
        using var pixels = new SKBitmap(new SKImageInfo(width, height, SKColorType.Bgra8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(pixels))
        using (var image = SKImage.FromBitmap(source))
        {
            canvas.Clear(SKColors.White);
            canvas.DrawImage(image, new SKRect(0, 0, width, height), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        }
        var luminance = new RGBLuminanceSource(pixels.Bytes, width, height, RGBLuminanceSource.BitmapFormat.BGRA32);
        var reader = new BarcodeReaderGeneric
        {
            AutoRotate = false,
            Options = new DecodingOptions
            {
                TryHarder = true,
                PossibleFormats = [BarcodeFormat.QR_CODE],
                CharacterSet = "UTF-8",
            },
        };
        return reader.Decode(luminance)?.Text;
    }
}
