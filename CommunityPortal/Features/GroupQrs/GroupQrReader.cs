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
    /// <summary>A phone photo is 12 to 24 megapixels; past this a small file could still ask for gigabytes of memory.</summary>
    public const long MaxPixels = 24_000_000;

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
        if (image.Length == 0)
        {
            return new QrRead(QrReadStatus.NotAnImage);
        }
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
        foreach (var (scale, smooth) in Looks(Math.Max(width, height)))
        {
            if (Find(decoded, scale, smooth) is { } text)
            {
                return new QrRead(QrReadStatus.Found, text, width, height);
            }
        }
        return new QrRead(QrReadStatus.NoQrCode, Width: width, Height: height);
    }

    /// <summary>
    /// Where to look, cheapest first: at most <see cref="FirstLookSide"/> pixels wide; then the image as it is; then twice
    /// the first size, smoothed, which finds small, noisy codes in photos (ZXing wants a few clean pixels per module).
    /// </summary>
    private static IEnumerable<(double Scale, float Smoothing)> Looks(int longest)
    {
        var first = Math.Min(1, (double)FirstLookSide / longest);
        yield return (first, 0);
        if (first < 1)
        {
            yield return (1, 0);
        }
        yield return (first * 2, 1.5f);
    }

    /// <summary>The image at <paramref name="scale"/>, over white (a transparent PNG's empty pixels would read as black).</summary>
    private static string? Find(SKBitmap source, double scale, float smooth)
    {
        var width = Math.Max(1, (int)Math.Round(source.Width * scale));
        var height = Math.Max(1, (int)Math.Round(source.Height * scale));
        using var pixels = new SKBitmap(new SKImageInfo(width, height, SKColorType.Bgra8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(pixels))
        using (var image = SKImage.FromBitmap(source))
        {
            canvas.Clear(SKColors.White);
            using var paint = new SKPaint { ImageFilter = smooth > 0 ? SKImageFilter.CreateBlur(smooth, smooth) : null };
            canvas.DrawImage(image, new SKRect(0, 0, width, height), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear), paint);
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
