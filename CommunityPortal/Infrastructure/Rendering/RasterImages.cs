using SkiaSharp;

namespace CommunityPortal.Infrastructure.Rendering;

/// <summary>
/// Background and logo images (PNG or JPEG, any bit depth, palette, interlacing or transparency) decoded by SkiaSharp,
/// for the PNG renderers and for the PDF where PDFsharp's own PNG reader falls short (16-bit and palette PNGs).
/// A file that does not decode completely is an <see cref="InvalidDataException"/>: it is refused, never half printed.
/// </summary>
internal static class RasterImages
{
    /// <summary>Longest side accepted: a 4 MB PNG of flat colour could otherwise claim gigabytes once decoded.</summary>
    public const int MaxSide = 8192;

    /// <summary>The size the file's header declares, or null when SkiaSharp cannot make sense of it.</summary>
    public static SKSizeI? Probe(byte[] image)
    {
        using var data = SKData.CreateCopy(image);
        using var codec = SKCodec.Create(data);
        return codec is null ? null : new SKSizeI(codec.Info.Width, codec.Info.Height);
    }

    /// <summary>The whole image, premultiplied RGBA (opaque when the file has no alpha).</summary>
    public static SKImage Decode(byte[] image)
    {
        using var data = SKData.CreateCopy(image);
        using var codec = SKCodec.Create(data) ?? throw new InvalidDataException("Not an image SkiaSharp can read.");
        var (width, height) = (codec.Info.Width, codec.Info.Height);
        if (width > MaxSide || height > MaxSide)
        {
            throw new InvalidDataException($"{width} × {height} pixels is larger than {MaxSide} on a side.");
        }
        var info = new SKImageInfo(width, height, SKColorType.Rgba8888,
            codec.Info.AlphaType == SKAlphaType.Opaque ? SKAlphaType.Opaque : SKAlphaType.Premul);
        using var bitmap = new SKBitmap(info);
        var result = codec.GetPixels(info, bitmap.GetPixels());
        if (result != SKCodecResult.Success)
        {
            throw new InvalidDataException($"The image did not decode: {result}.");
        }
        bitmap.SetImmutable();
        return SKImage.FromBitmap(bitmap);
    }

    /// <summary>
    /// The image as an 8-bit RGB or RGBA PNG, the one PNG flavour PDFsharp reads whatever the source was; quickly
    /// compressed, since PDFsharp inflates it and deflates the pixels again.
    /// </summary>
    public static byte[] ToPlainPng(byte[] image)
    {
        using var decoded = Decode(image);
        using var pixels = decoded.PeekPixels();
        using var png = pixels.Encode(new SKPngEncoderOptions(SKPngEncoderFilterFlags.NoFilters, 1))
            ?? throw new InvalidDataException("SkiaSharp could not re-encode the image.");
        return png.ToArray();
    }
}
