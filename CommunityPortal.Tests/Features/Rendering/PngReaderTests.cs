using CommunityPortal.Features.Rendering;

namespace CommunityPortal.Tests.Features.Rendering;

public sealed class PngReaderTests
{
    /// <summary>5 × 5 RGBA whose rows use filters None, Sub, Up, Average and Paeth in turn.</summary>
    private const string AllFilters =
        "iVBORw0KGgoAAAANSUhEUgAAAAUAAAAFCAYAAACNbyblAAAAVUlEQVR4nDXLsQ2AMAxE0R9ghDRpUqdO7Zo6QzAEneMlmImt4IREYT3J+gfwdJiHvOQtE8bsZNfF76KnYzmwJk0OXzlJpTYvtUepJvfYvlITUIlKhr++/BX3M87tXgAAAABJRU5ErkJggg==";

    /// <summary>5 × 2, 2-bit palette (red, green, blue, dark) with green transparent.</summary>
    private const string Palette =
        "iVBORw0KGgoAAAANSUhEUgAAAAUAAAACAgMAAADtBP7OAAAADFBMVEX/AAAA/wAAAP8KFB4iiCkEAAAAAnRSTlP/AOW3MEoAAAAOSURBVHicY5BmYMhxAAABpQDIz2QbygAAAABJRU5ErkJggg==";

    [Fact]
    public void Decode_UndoesEveryRowFilter()
    {
        var image = PngReader.TryDecode(Convert.FromBase64String(AllFilters))!;

        Assert.Equal([150, 240, 240, 128], Pixel(image, 3, 4));
        Assert.Equal([100, 120, 80, 255], Pixel(image, 2, 2));
    }

    [Fact]
    public void Decode_PaletteWithTransparency()
    {
        var image = PngReader.TryDecode(Convert.FromBase64String(Palette))!;

        Assert.Equal([255, 0, 0, 255], Pixel(image, 0, 0));
        Assert.Equal([0, 255, 0, 0], Pixel(image, 0, 1));
        Assert.Equal([10, 20, 30, 255], Pixel(image, 2, 1));
    }

    [Fact]
    public void Decode_SixteenBitRgba_KeepsTheHighByteOfEachSample()
    {
        // 2 × 1, 16-bit RGBA: (0x1234, 0x5678, 0x9ABC, 0xFFFF), (0xFF00, 0x0000, 0x8000, 0x4000); written by hand.
        var image = PngReader.TryDecode(Convert.FromBase64String(
            "iVBORw0KGgoAAAANSUhEUgAAAAIAAAABEAYAAACksqPJAAAAGUlEQVR4nGMQMgmrmLXn////DAwMDQwODAA7ugYo1Wx/OAAAAABJRU5ErkJggg=="))!;

        Assert.Equal([0x12, 0x56, 0x9A, 0xFF], Pixel(image, 0, 0));
        Assert.Equal([0xFF, 0x00, 0x80, 0x40], Pixel(image, 1, 0));
    }

    [Fact]
    public void Decode_NotAPngOrTruncated_GivesNull()
    {
        var png = Convert.FromBase64String(AllFilters);

        Assert.Null(PngReader.TryDecode([0xFF, 0xD8, 0xFF, 0xE0]));
        Assert.Null(PngReader.TryDecode(png[..60]));
    }

    private static byte[] Pixel(RgbaImage image, int x, int y) => image.Pixels.AsSpan((y * image.Width + x) * 4, 4).ToArray();
}
