using CommunityPortal.Infrastructure.Validation;
using CommunityPortal.Infrastructure.Rendering;
using SkiaSharp;
using static CommunityPortal.Tests.Infrastructure.Rendering.RenderingServices;

namespace CommunityPortal.Tests.Infrastructure.Rendering;

/// <summary>
/// The poster PNG rendered on the server (SkiaSharp, docs/adr/022): its size follows the paper and the dpi, its QR
/// scans back, its text sits where the shared layout puts it, its images are drawn, bad input is named.
/// </summary>
public sealed class PosterPngTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("poster-png-").FullName;

    [Theory]
    [InlineData(PaperSize.A4, 300, 2480, 3508)]
    [InlineData(PaperSize.A5, 150, 874, 1240)]
    [InlineData(PaperSize.A4, 72, 595, 842)]
    public void Png_HasThePapersPixelSizeAtTheDpi_AndIsOpaqueRgb(PaperSize paper, int dpi, int width, int height)
    {
        var png = Posters.Png(PosterServiceTests.ChineseSpec(paper), dpi);

        Assert.Equal(2, TestImages.ColourType(png));
        using var image = TestImages.DecodePng(png);
        Assert.Equal((width, height), (image.Width, image.Height));
    }

    [Theory]
    [InlineData(QrPlacement.Bottom, PaperSize.A4, 300)]
    [InlineData(QrPlacement.Middle, PaperSize.A5, 150)]
    [InlineData(QrPlacement.Top, PaperSize.A5, 72)]
    public void Png_ItsQrScansBackToTheUrl(QrPlacement placement, PaperSize paper, int dpi)
    {
        var spec = PosterServiceTests.ChineseSpec(paper);
        spec.QrPlacement = placement;
        spec.QrSizeMm = 40;
        spec.Logo = StripesPng;

        Assert.Equal(LiveCodeUrl, Scan(Posters.Png(spec, dpi)));
    }

    [Fact]
    public void Png_DrawsTheTitleInTheTextColour_OnTheLinesTheLayoutGives()
    {
        var spec = PosterServiceTests.ChineseSpec(PaperSize.A5);
        var title = Layout(spec).Lines[0];
        const int dpi = 150;

        using var image = TestImages.DecodePng(Posters.Png(spec, dpi));

        // The title's band (from a cap height above its baseline down to the baseline) has ink in the text colour,
        // between the left and right ends the layout measured; outside them is background.
        double Px(double mm) => mm / 25.4 * dpi;
        var ink = new SKColor(0x7c, 0x2d, 0x12);
        int top = (int)Px(title.Baseline - title.SizePt * PosterLayout.PointInMm * 0.7), bottom = (int)Px(title.Baseline);
        int left = (int)Px((148 - title.WidthMm) / 2), right = (int)Px((148 + title.WidthMm) / 2);
        var inked = Columns(image, top, bottom, c => Near(c, ink, 40));
        Assert.InRange(inked.Min(), left - 2, left + (int)Px(2));
        Assert.InRange(inked.Max(), right - (int)Px(2), right + 2);
        Assert.All(Columns(image, top, bottom, c => !Near(c, new SKColor(0xff, 0xf7, 0xed), 8)), x => Assert.InRange(x, left - 2, right + 2));
    }

    [Fact]
    public void Png_TransparentPngBackground_ShowsTheBackgroundColourThrough_AndAJpegBackgroundCoversThePage()
    {
        var spec = PosterServiceTests.ChineseSpec(PaperSize.A5);
        spec.BackgroundColor = "#ffffff";
        spec.BackgroundImage = TestImages.Rgba16Png; // blue | yellow, the lower half 50 % transparent

        using (var image = TestImages.DecodePng(Posters.Png(spec, 72)))
        {
            Assert.True(Near(image.GetPixel(5, 5), new SKColor(0, 120, 212), 12), $"{image.GetPixel(5, 5)}");
            Assert.True(Near(image.GetPixel(5, image.Height - 5), new SKColor(128, 188, 234), 12), $"{image.GetPixel(5, image.Height - 5)}");
        }

        spec.BackgroundImage = TestImages.Jpeg(30, 40, new SKColor(20, 140, 90));
        using (var image = TestImages.DecodePng(Posters.Png(spec, 72)))
        {
            Assert.True(Near(image.GetPixel(2, 2), new SKColor(20, 140, 90), 12), $"{image.GetPixel(2, 2)}");
            Assert.True(Near(image.GetPixel(image.Width - 3, image.Height - 3), new SKColor(20, 140, 90), 12));
        }
    }

    [Theory]
    [InlineData(71)]
    [InlineData(301)]
    [InlineData(2400)]
    public void Png_DpiOutOfRange_IsRefusedNamingTheField(int dpi)
    {
        using var _ = new CultureScope("en");

        var ex = Assert.Throws<PortalValidationException>(() => Posters.Png(PosterServiceTests.ChineseSpec(), dpi));

        Assert.Equal(["Dpi"], ex.Errors.Keys);
        Assert.Equal("Resolution (dpi) must be between 72 and 300.", ex.Errors["Dpi"].Single());
    }

    [Fact]
    public void Png_BadSpec_IsRefusedNamingEachField_InTheUsersLanguage()
    {
        using var _ = new CultureScope("zh-CN");
        var spec = PosterServiceTests.ChineseSpec();
        spec.Title = "🔥限时特惠";
        spec.Url = "";

        var ex = Assert.Throws<PortalValidationException>(() => Posters.Png(spec));

        Assert.Equal(["Title", "Url"], ex.Errors.Keys.Order());
        Assert.Contains("🔥", ex.Errors["Title"].Single());
    }

    private static PosterLayout Layout(PosterSpec spec) =>
        PosterLayout.Of(spec, Font);

    /// <summary>The x of every column that has a pixel matching in rows top..bottom.</summary>
    private static List<int> Columns(SKBitmap image, int top, int bottom, Func<SKColor, bool> match) =>
        [.. Enumerable.Range(0, image.Width).Where(x => Enumerable.Range(top, bottom - top).Any(y => match(image.GetPixel(x, y))))];

    private static bool Near(SKColor a, SKColor b, int tolerance) =>
        Math.Abs(a.Red - b.Red) <= tolerance && Math.Abs(a.Green - b.Green) <= tolerance && Math.Abs(a.Blue - b.Blue) <= tolerance;

    private string Scan(byte[] png)
    {
        var path = Path.Combine(_folder, $"{Guid.NewGuid():N}.png");
        File.WriteAllBytes(path, png);
        return QrScanTests.Scan(path);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
