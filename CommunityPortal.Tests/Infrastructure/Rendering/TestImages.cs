using SkiaSharp;

namespace CommunityPortal.Tests.Infrastructure.Rendering;

/// <summary>Reads the renderers' PNGs back as a viewer would (SkiaSharp's decoder), and images of the kinds people upload.</summary>
internal static class TestImages
{
    /// <summary>The PNG's pixels as 8-bit RGBA (unpremultiplied), after checking it is a PNG.</summary>
    public static SKBitmap DecodePng(byte[] png)
    {
        Assert.Equal([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], png[..8]);
        var bitmap = SKBitmap.Decode(png, new SKImageInfo(Width(png), Height(png), SKColorType.Rgba8888, SKAlphaType.Unpremul));
        Assert.NotNull(bitmap);
        return bitmap;
    }

    public static int Width(byte[] png) => System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16));

    public static int Height(byte[] png) => System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20));

    /// <summary>IHDR's colour type: 0 grey, 2 RGB, 6 RGBA.</summary>
    public static int ColourType(byte[] png) => png[25];

    /// <summary>A JPEG of the given size, as a camera or an image editor would save one.</summary>
    public static byte[] Jpeg(int width, int height, SKColor colour)
    {
        using var bitmap = new SKBitmap(width, height);
        bitmap.Erase(colour);
        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 90);
        return data.ToArray();
    }

    /// <summary>8 × 8, left half blue, right half yellow: Adam7-interlaced RGB.</summary>
    public static readonly byte[] InterlacedPng = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAAE8ahlKAAAAHUlEQVR4nGNgqLjC8P8EAwOQxkpBWFTkIAtRXQIAo5NiYWArxPkAAAAASUVORK5CYII=");

    /// <summary>The same halves as 16-bit RGBA, the lower half 50 % transparent.</summary>
    public static readonly byte[] Rgba16Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAgAAAAIEAYAAACUn2LIAAAAKklEQVR4nGNgYKiouHLl/39c9P//J04wMOCmGYaNAQ0NuGiIQtz0MDAAABTBJJB3iDCXAAAAAElFTkSuQmCC");

    /// <summary>Blue and yellow halves as a 1-bit palette with transparency (tRNS: yellow at 50 %).</summary>
    public static readonly byte[] PalettePng = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAgAAAAIAQMAAAD+wSzIAAAABlBMVEUAeNT/yAB4SFWkAAAAAnRSTlP/gAgPs2oAAAAMSURBVHicY+BnQIEAA9AAeUY9BO4AAAAASUVORK5CYII=");
}
