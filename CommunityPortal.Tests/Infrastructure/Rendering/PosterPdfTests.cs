using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CommunityPortal.Infrastructure.Validation;
using CommunityPortal.Features.Posters.Batch;
using CommunityPortal.Infrastructure.Rendering;
using static CommunityPortal.Tests.Infrastructure.Rendering.RenderingServices;
using CommunityPortal.Tests.Features.Posters.Batch;

namespace CommunityPortal.Tests.Infrastructure.Rendering;

/// <summary>
/// Posters printed with PDFsharp (docs/adr/022) as a reader sees them: poppler opens every file without complaint, the
/// font is a small embedded subset, JPEG passes through, PNG transparency becomes a soft mask, PNGs of every kind are
/// drawn, and an image that cannot be read is reported on its field.
/// </summary>
public sealed partial class PosterPdfTests
{
    [Fact]
    public void Pdf_EmbedsOnlyTheGlyphsPrinted_AsACidTrueTypeSubsetWithUnicode()
    {
        var pdf = Posters.Pdf([PosterServiceTests.ChineseSpec()]);

        var fonts = PosterServiceTests.Poppler("pdffonts", pdf, "{0}");
        Assert.Matches(@"[A-Z]{6}\+WenQuanYi[^\n]*?\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes", fonts);
        // The face is about 5 MB; the subset for a poster's few dozen characters is a small fraction of that.
        Assert.True(pdf.Length < 150 * 1024, $"{pdf.Length} bytes");
    }

    [Fact]
    public void Pdf_PosterOfEveryPlacementAndPaper_OpensCleanly()
    {
        foreach (var paper in new[] { PaperSize.A4, PaperSize.A5 })
        {
            foreach (var placement in Enum.GetValues<QrPlacement>())
            {
                var spec = PosterServiceTests.ChineseSpec(paper);
                spec.QrPlacement = placement;
                var pdf = Posters.Pdf([spec]);

                Assert.Matches(@"Pages:\s+1\n", PosterServiceTests.Poppler("pdfinfo", pdf, "{0}"));
                Assert.Contains("21天阅读训练营", PosterServiceTests.PdfToText(pdf));
            }
        }
    }

    [Fact]
    public void Pdf_JpegBackground_IsEmbeddedAsItIs_AndPngTransparency_BecomesASoftMask()
    {
        var jpeg = Jpeg();
        var spec = PosterServiceTests.ChineseSpec(PaperSize.A5);
        spec.BackgroundImage = jpeg;
        spec.Logo = TransparentPng();

        var pdf = Posters.Pdf([spec]);
        var raw = Encoding.Latin1.GetString(pdf);

        Assert.Matches(@"/Filter\s*/DCTDecode", raw);
        Assert.Contains(Encoding.Latin1.GetString(jpeg), raw);
        Assert.Contains("/SMask", raw);
        Assert.Matches(@"Pages:\s+1\n", PosterServiceTests.Poppler("pdfinfo", pdf, "{0}"));
        Assert.Equal(3, PosterServiceTests.Poppler("pdfimages", pdf, "-list", "{0}").Split('\n').Count(l => l.Contains(" image ") || l.Contains(" smask ")));
    }

    [Fact]
    public void Pdf_ADamagedPngBackground_IsRefusedOnItsField_InTheUsersLanguage()
    {
        var damaged = (byte[])TinyPng.Clone();
        damaged[^20] ^= 0xFF; // inside the compressed pixels: the header still reads, the pixels do not
        var spec = PosterServiceTests.ChineseSpec();
        spec.BackgroundImage = damaged;

        using (new CultureScope("zh-CN"))
        {
            var refused = Assert.Throws<PortalValidationException>(() => Posters.Pdf([spec]));
            Assert.Contains("背景图片无法读取", Assert.Single(refused.Errors[nameof(PosterSpec.BackgroundImage)]));
        }
        using (new CultureScope("en"))
        {
            var refused = Assert.Throws<PortalValidationException>(() => Posters.Pdf([spec]));
            Assert.Contains("cannot be read", Assert.Single(refused.Errors[nameof(PosterSpec.BackgroundImage)]));
        }
    }

    [Fact]
    public void Pdf_InterlacedSixteenBitAndPalettePngs_AreDrawn_WithTheirTransparencyAsSoftMasks()
    {
        var pages = new[] { TestImages.InterlacedPng, TestImages.Rgba16Png, TestImages.PalettePng }.Select(png =>
        {
            var spec = PosterServiceTests.ChineseSpec(PaperSize.A5);
            spec.BackgroundImage = png;
            return spec;
        }).ToList();

        var pdf = Posters.Pdf(pages);

        Assert.Matches(@"Pages:\s+3\n", PosterServiceTests.Poppler("pdfinfo", pdf, "{0}"));
        var images = PosterServiceTests.Poppler("pdfimages", pdf, "-list", "{0}").Split('\n').Skip(2).Where(l => l.Length > 0)
            .Select(l => ImageListLine().Match(l)).Select(m => (Page: int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), Type: m.Groups[2].Value,
                Width: int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture))).ToList();
        Assert.Equal([(1, "image", 8), (2, "image", 8), (2, "smask", 8), (3, "image", 8), (3, "smask", 8)], images);
    }

    [GeneratedRegex(@"^\s*(\d+)\s+\d+\s+(\w+)\s+(\d+)")]
    private static partial Regex ImageListLine();

    [Fact]
    public void Pdf_ADamagedJpegLogo_IsRefusedOnItsField()
    {
        var spec = PosterServiceTests.ChineseSpec();
        spec.Logo = [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0, 1];

        var refused = Assert.Throws<PortalValidationException>(() => Posters.Pdf([spec]));

        Assert.True(refused.Errors.ContainsKey(nameof(PosterSpec.Logo)));
    }

    [Fact]
    public void Validate_TextWithCharactersTheFontLacks_NamesTheFieldAndTheCharacters()
    {
        var spec = PosterServiceTests.ChineseSpec();
        spec.Title = "🔥限时特惠🔥";
        spec.Body = "扫码进群 ✅️ 领取书单";

        using (new CultureScope("zh-CN"))
        {
            var errors = Posters.Validate(spec);
            Assert.Equal("标题含有海报字体中没有的字符：🔥（例如表情符号），印出来会是空白方框，请删除或换成文字。", Assert.Single(errors[nameof(PosterSpec.Title)]));
            Assert.Contains("✅", Assert.Single(errors[nameof(PosterSpec.Body)]));
            Assert.False(errors.ContainsKey(nameof(PosterSpec.Subtitle)));
        }
    }

    [Fact]
    public void Pdf_ACaptionWithAnEmoji_LeavesItOut_InsteadOfPrintingABox()
    {
        var pdf = Batch.Pdf(PosterServiceTests.ChineseSpec(PaperSize.A5),
            [new CommunityPortal.Features.Posters.Batch.PosterBatchTarget("k1", "🎉公众号", "https://portal.example.com/q/reading?c=k1", "读书会海报 · 渠道：🎉公众号")]);

        Assert.Contains("读书会海报 · 渠道：公众号", PosterServiceTests.PdfToText(pdf));
    }

    private static PosterBatchService Batch => PosterBatchServiceTests.Service;

    /// <summary>A real JPEG: a poster page rasterised by poppler.</summary>
    private static byte[] Jpeg()
    {
        var folder = Directory.CreateTempSubdirectory("poster-jpeg-").FullName;
        try
        {
            var pdf = Path.Combine(folder, "in.pdf");
            File.WriteAllBytes(pdf, Posters.Pdf([PosterServiceTests.ChineseSpec(PaperSize.A5)]));
            PosterBatchServiceTests.Run("pdftoppm", "-r", "20", "-jpeg", "-singlefile", pdf, Path.Combine(folder, "page"));
            return File.ReadAllBytes(Path.Combine(folder, "page.jpg"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>A 2 × 2 RGBA PNG with one half-transparent pixel, written by hand.</summary>
    private static byte[] TransparentPng() => Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAYAAABytg0kAAAAFUlEQVR4nGP4z8DwHwgbGIA0CDAAAEPTCHnJFRwPAAAAAElFTkSuQmCC");
}
