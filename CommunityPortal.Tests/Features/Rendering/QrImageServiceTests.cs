using System.Buffers.Binary;
using System.IO.Compression;
using System.Xml.Linq;
using CommunityPortal.Common;
using CommunityPortal.Features.Rendering;
using CommunityPortal.Tests.Infrastructure;
using static CommunityPortal.Tests.Features.Rendering.RenderingServices;

namespace CommunityPortal.Tests.Features.Rendering;

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
        Assert.Equal(["Level"], Qr.Validate(new QrRequest(LiveCodeUrl, Level: level), png: true).Keys);
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
        var errors = Qr.Validate(new QrRequest("ftp://example.com/x", 100, "X", 11, [1, 2, 3]), png: false);

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

        var image = PngReader.TryDecode(png)!;
        Assert.Equal((512, 512), (image.Width, image.Height));
        var centre = image.Pixels.AsSpan((256 * 512 + 256) * 4, 3).ToArray();
        Assert.Contains(centre, new[] { new byte[] { 0, 120, 212 }, new byte[] { 255, 200, 0 } }, new ByteArrayComparer());
    }

    [Fact]
    public void Png_WithJpegLogo_SaysToUseSvgOrPdf()
    {
        using var _ = new CultureScope("en");
        byte[] jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, (byte)'J', (byte)'F', (byte)'I', (byte)'F'];

        var ex = Assert.Throws<PortalValidationException>(() => Qr.Png(new QrRequest(LiveCodeUrl, Logo: jpeg)));

        Assert.Contains("SVG", ex.Errors["Logo"].Single());
        Assert.Contains("<image", Qr.Svg(new QrRequest(LiveCodeUrl, Logo: jpeg)));
    }

    private sealed class ByteArrayComparer : IEqualityComparer<byte[]>
    {
        public bool Equals(byte[]? x, byte[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(byte[] obj) => obj.Length;
    }

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

    /// <summary>Reads the IHDR and inflates the IDAT of a 1-bit greyscale PNG with filter 0; true = dark.</summary>
    internal static (int Width, int Height, bool[,] Dark) DecodeMonochrome(byte[] png)
    {
        Assert.Equal([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], png[..8]);
        var position = 8;
        int width = 0, height = 0;
        using var idat = new MemoryStream();
        while (position < png.Length)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(position));
            var type = System.Text.Encoding.ASCII.GetString(png, position + 4, 4);
            var data = png.AsSpan(position + 8, length);
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(data);
                height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                Assert.Equal([1, 0, 0, 0, 0], data[8..13].ToArray());
            }
            else if (type == "IDAT")
            {
                idat.Write(data);
            }
            position += 12 + length;
        }
        idat.Position = 0;
        using var zlib = new ZLibStream(idat, CompressionMode.Decompress);
        using var raw = new MemoryStream();
        zlib.CopyTo(raw);
        var bytes = raw.ToArray();
        var rowLength = 1 + (width + 7) / 8;
        Assert.Equal(rowLength * height, bytes.Length);
        var dark = new bool[height, width];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                dark[y, x] = (bytes[y * rowLength + 1 + x / 8] & (0x80 >> (x % 8))) == 0;
            }
        }
        return (width, height, dark);
    }
}
