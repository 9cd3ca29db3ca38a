using System.Xml.Linq;
using CommunityPortal.Infrastructure.Validation;
using CommunityPortal.Infrastructure.Rendering;
using SkiaSharp;
using static CommunityPortal.Tests.Infrastructure.Rendering.RenderingServices;

namespace CommunityPortal.Tests.Infrastructure.Rendering;

public sealed class QrImageServiceTests
{
    [Theory]
    [InlineData(256, 4, "M")]
    [InlineData(1000, 0, "L")]
    [InlineData(2048, 10, "H")]
    public void Png_HasTheExactRequestedSizeAndDrawsQrCodersModules(int size, int margin, string level)
    {
        var png = Qr.Png(new QrRequest(LiveCodeUrl, size, level, margin));

        var (width, height, pixels) = DecodeMonochrome(png);
        Assert.Equal((size, size), (width, height));
        var modules = QrImageService.Encode(LiveCodeUrl, Enum.Parse<QrLevel>(level));
        var (perModule, offset) = QrImageService.PngGeometry(size, modules.Count, margin);
        Assert.True(offset >= margin * perModule, "the quiet zone is at least the requested margin");
        for (var row = 0; row < modules.Count; row++)
        {
            for (var column = 0; column < modules.Count; column++)
            {
                var (x, y) = (offset + column * perModule + perModule / 2, offset + row * perModule + perModule / 2);
                Assert.True(modules.Dark[row, column] == pixels[y, x], $"module ({row}, {column})");
            }
        }
        Assert.False(pixels[offset - 1, offset - 1], "quiet zone is white");
        Assert.True(pixels[offset, offset], "finder pattern corner is dark");
    }

    [Fact]
    public void Encode_HigherLevel_NeedsMoreModulesForTheSameUrl()
    {
        Assert.True(QrImageService.Encode(LiveCodeUrl, QrLevel.H).Count > QrImageService.Encode(LiveCodeUrl, QrLevel.L).Count);
    }

    [Theory]
    [InlineData("h", QrLevel.H)]
    [InlineData("", QrLevel.M)]
    [InlineData(null, QrLevel.M)]
    public void EffectiveLevel_WithoutLogo_IsTheChosenOneOrM(string? level, QrLevel expected)
    {
        Assert.Equal(expected, QrImageService.EffectiveLevel(new QrRequest(LiveCodeUrl, Level: level)));
    }

    [Theory]
    [InlineData("1")]
    [InlineData("Medium")]
    public void Validate_LevelThatIsNotALetter_IsRefused(string level)
    {
        Assert.Equal(["Level"], Qr.Validate(new QrRequest(LiveCodeUrl, Level: level)).Keys);
    }

    [Fact]
    public void Svg_IsWellFormedWithViewBoxOfModulesPlusMargin()
    {
        var svg = XDocument.Parse(Qr.Svg(new QrRequest(LiveCodeUrl, 300, "Q", 3)));

        var modules = QrImageService.Encode(LiveCodeUrl, QrLevel.Q);
        var extent = modules.Count + 6;
        Assert.Equal($"0 0 {extent} {extent}", svg.Root!.Attribute("viewBox")!.Value);
        Assert.Equal("300", svg.Root.Attribute("width")!.Value);
        var path = svg.Descendants().Single(e => e.Name.LocalName == "path").Attribute("d")!.Value;
        Assert.Equal(modules.Dark.Cast<bool>().Count(d => d), path.Split('M', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void Svg_WithLogo_EmbedsItAndUsesLevelH()
    {
        var request = new QrRequest(LiveCodeUrl, 512, "L", 4, TinyPng);
        var svg = XDocument.Parse(Qr.Svg(request));

        var image = svg.Descendants().Single(e => e.Name.LocalName == "image");
        Assert.StartsWith("data:image/png;base64,", image.Attribute("href")!.Value);
        Assert.Equal(QrLevel.H, QrImageService.EffectiveLevel(request));
        var extent = QrImageService.Encode(LiveCodeUrl, QrLevel.H).Count + 8;
        Assert.Equal($"0 0 {extent} {extent}", svg.Root!.Attribute("viewBox")!.Value);
    }

    [Fact]
    public void Validate_BadInput_NamesEachFieldInTheUsersLanguage()
    {
        using var _ = new CultureScope("en");
        var errors = Qr.Validate(new QrRequest("ftp://example.com/x", 100, "X", 11, [1, 2, 3]));

        Assert.Equal(["Level", "Logo", "Margin", "Size", "Url"], errors.Keys.Order());
        Assert.Equal("Size (px) must be between 256 and 2048.", errors["Size"].Single());
        Assert.Contains("Error correction", errors["Level"].Single());
        Assert.Equal("Centre logo must be a PNG or JPEG image.", errors["Logo"].Single());
    }

    [Fact]
    public void Png_WithLogoOver512KB_IsRefusedWithChineseMessage()
    {
        using var _ = new CultureScope("zh-CN");
        var big = new byte[600 * 1024];
        TinyPng.CopyTo(big, 0);

        var ex = Assert.Throws<PortalValidationException>(() => Qr.Png(new QrRequest(LiveCodeUrl, Logo: big)));

        Assert.Contains(ex.Errors["Logo"], m => m.Contains("512 KB") && m.Contains("中心 Logo"));
    }

    [Fact]
    public void Png_WithPngLogo_IsRgbWithTheLogoInTheCentre()
    {
        var png = Qr.Png(new QrRequest(LiveCodeUrl, 512, Logo: StripesPng));

        Assert.Equal(2, TestImages.ColourType(png));
        using var image = TestImages.DecodePng(png);
        Assert.Equal((512, 512), (image.Width, image.Height));
        var centre = CentreColours(image);
        Assert.Contains(centre, c => Near(c, new SKColor(0, 120, 212)));
        Assert.Contains(centre, c => Near(c, new SKColor(255, 200, 0)));
    }

    [Fact]
    public void Png_WithJpegLogo_HasTheLogoInTheCentre()
    {
        var png = Qr.Png(new QrRequest(LiveCodeUrl, 512, Logo: TestImages.Jpeg(40, 40, new SKColor(200, 30, 30))));

        using var image = TestImages.DecodePng(png);
        Assert.Contains(CentreColours(image), c => Near(c, new SKColor(200, 30, 30)));
    }

    [Fact]
    public void Png_WithADamagedJpegLogo_IsRefusedOnTheLogoField()
    {
        using var _ = new CultureScope("en");
        byte[] jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, (byte)'J', (byte)'F', (byte)'I', (byte)'F'];

        var ex = Assert.Throws<PortalValidationException>(() => Qr.Png(new QrRequest(LiveCodeUrl, Logo: jpeg)));

        Assert.Equal(["Logo"], ex.Errors.Keys);
        Assert.StartsWith("Centre logo cannot be read", ex.Errors["Logo"].Single());
    }

    /// <summary>The colours of the 24 × 24 pixels around the centre, where the logo sits.</summary>
    private static List<SKColor> CentreColours(SKBitmap image) =>
        [.. from y in Enumerable.Range(image.Height / 2 - 12, 24) from x in Enumerable.Range(image.Width / 2 - 12, 24) select image.GetPixel(x, y)];

    private static bool Near(SKColor a, SKColor b) =>
        Math.Abs(a.Red - b.Red) <= 8 && Math.Abs(a.Green - b.Green) <= 8 && Math.Abs(a.Blue - b.Blue) <= 8;

    [Theory]
    [InlineData("")]
    [InlineData("/q/relative")]
    [InlineData("javascript:alert(1)")]
    public void Png_UrlThatIsNotAbsoluteHttp_IsRefused(string url)
    {
        var ex = Assert.Throws<PortalValidationException>(() => Qr.Png(new QrRequest(url)));
        Assert.Equal(["Url"], ex.Errors.Keys);
    }

    [Fact]
    public void Png_UrlLongerThan500_IsRefused()
    {
        var ex = Assert.Throws<PortalValidationException>(() => Qr.Png(new QrRequest("https://example.com/" + new string('a', 490))));
        Assert.Equal(["Url"], ex.Errors.Keys);
    }

    /// <summary>
    /// Decodes a QR PNG without a logo: 8-bit grey whose every pixel is pure black or white (whole-pixel modules, no
    /// antialiased edges); true = dark.
    /// </summary>
    internal static (int Width, int Height, bool[,] Dark) DecodeMonochrome(byte[] png)
    {
        Assert.Equal(0, TestImages.ColourType(png));
        using var image = TestImages.DecodePng(png);
        var dark = new bool[image.Height, image.Width];
        var rgba = image.GetPixelSpan();
        for (var y = 0; y < image.Height; y++)
        {
            for (var x = 0; x < image.Width; x++)
            {
                var grey = rgba[(y * image.Width + x) * 4];
                if (grey is not (0 or 255))
                {
                    Assert.Fail($"pixel ({x}, {y}) is {grey}: modules must be whole black or white pixels");
                }
                dark[y, x] = grey == 0;
            }
        }
        return (image.Width, image.Height, dark);
    }
}
