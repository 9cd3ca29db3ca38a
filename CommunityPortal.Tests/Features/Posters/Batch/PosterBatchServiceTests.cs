using CommunityPortal.Features.Posters;
using System.Diagnostics;
using System.Xml.Linq;
using CommunityPortal.Infrastructure.Validation;
using CommunityPortal.Infrastructure.Localization;
using CommunityPortal.Features.Posters.Batch;
using CommunityPortal.Infrastructure.Rendering;
using Microsoft.Extensions.DependencyInjection;
using CommunityPortal.Tests.Infrastructure.Rendering;

namespace CommunityPortal.Tests.Features.Posters.Batch;

public sealed class PosterBatchServiceTests
{
    private static readonly ServiceProvider Provider = BuildProvider();

    private static PosterBatchService Batch => Provider.GetRequiredService<PosterBatchService>();

    internal static PosterBatchService Service => Batch;

    private static ServiceProvider BuildProvider()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddPortalLocalization();
        services.AddRendering(RenderingTestConfiguration.Default());
        services.AddPosters();
        return services.BuildServiceProvider();
    }

    internal static IReadOnlyList<PosterBatchTarget> ThreeCodes() =>
    [
        new("-", "活码本身", "https://portal.example.com/q/reading", "读书会海报 · 通用码"),
        new("kol01", "公众号推文", "https://portal.example.com/q/reading?c=kol01", "读书会海报 · 渠道：公众号推文"),
        new("kol02", "线下地推", "https://portal.example.com/q/reading?c=kol02", "读书会海报 · 渠道：线下地推"),
    ];

    /// <summary>Counts pages the way a reader does: poppler's pdfinfo opens the file and walks its page tree.</summary>
    internal static int PageCount(byte[] pdf) =>
        int.Parse(PosterServiceTests.Poppler("pdfinfo", pdf, "{0}").Split('\n').Single(l => l.StartsWith("Pages:", StringComparison.Ordinal))[6..].Trim(),
            System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The text of each page (pdftotext ends every page with a form feed).</summary>
    internal static string[] PageTexts(byte[] pdf) => PosterServiceTests.PdfToText(pdf).Split('\f')[..^1];

    [Fact]
    public void Pdf_ThreeCodes_HasThreeA4PagesEachCaptionedWithItsOwnChannel()
    {
        var pdf = Batch.Pdf(PosterServiceTests.ChineseSpec(), ThreeCodes());

        Assert.Equal(3, PageCount(pdf));
        Assert.Equal([(595, 842), (595, 842), (595, 842)], PosterServiceTests.PageSizes(pdf));
        var pages = PageTexts(pdf);
        Assert.Equal(3, pages.Length);
        Assert.Contains("读书会海报 · 通用码", pages[0]);
        Assert.Contains("渠道：公众号推文", pages[1]);
        Assert.DoesNotContain("公众号推文", pages[2]);
        Assert.Contains("渠道：线下地推", pages[2]);
        Assert.All(pages, page => Assert.Contains("21天阅读训练营", page));
    }

    [Fact]
    public void Pdf_WithPaperA5_OverridesTheDesignsPaper()
    {
        var pdf = Batch.Pdf(PosterServiceTests.ChineseSpec(PaperSize.A4), ThreeCodes().Take(2).ToList(), PaperSize.A5);

        Assert.Equal([(420, 595), (420, 595)], PosterServiceTests.PageSizes(pdf));
    }

    [Fact]
    public void Pdf_EachRasterisedPage_ScansToItsOwnCodesUrl()
    {
        var folder = Directory.CreateTempSubdirectory("batch-scan-").FullName;
        try
        {
            var pdf = Path.Combine(folder, "batch.pdf");
            File.WriteAllBytes(pdf, Batch.Pdf(PosterServiceTests.ChineseSpec(PaperSize.A5), ThreeCodes()));

            Run("pdftoppm", "-r", "100", "-png", pdf, Path.Combine(folder, "page"));

            var pages = Directory.GetFiles(folder, "page-*.png").Order().ToList();
            Assert.Equal(ThreeCodes().Select(c => c.Url), pages.Select(QrScanTests.Scan));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Validate_NoCodeChosen_ReportsTheCodesFieldInTheUsersLanguage()
    {
        using (new CultureScope("zh-CN"))
        {
            Assert.Equal(["请至少选择一个码。"], Batch.Validate(PosterServiceTests.ChineseSpec(), [])[PosterBatchService.CodesField]);
        }
        using (new CultureScope("en"))
        {
            var errors = Batch.Validate(PosterServiceTests.ChineseSpec(), []);
            Assert.Equal([PosterBatchService.CodesField], errors.Keys);
            Assert.Equal(["Choose at least one code."], errors[PosterBatchService.CodesField]);
        }
    }

    [Fact]
    public void Pdf_NoCodeChosen_IsRefusedWithTheCodesField()
    {
        var ex = Assert.Throws<PortalValidationException>(() => Batch.Pdf(PosterServiceTests.ChineseSpec(), []));

        Assert.Equal([PosterBatchService.CodesField], ex.Errors.Keys);
    }

    [Fact]
    public void Validate_BadDesign_NamesTheDesignsFields_AndABadCodeUrlUnderCodes()
    {
        using var _ = new CultureScope("en");
        var design = PosterServiceTests.ChineseSpec();
        design.Title = "";
        design.QrSizeMm = 500;
        IReadOnlyList<PosterBatchTarget> codes = [new("x", "x", "ftp://nope", "x")];

        var errors = Batch.Validate(design, codes);

        Assert.Equal([PosterBatchService.CodesField, "QrSizeMm", "Title"], errors.Keys.Order());
    }

    [Fact]
    public void Svg_WithoutCaption_IsTheSinglePosterAsBefore_WithCaption_AddsOneLineInTheBottomMargin()
    {
        var posters = Provider.GetRequiredService<PosterService>();
        var single = PosterServiceTests.ChineseSpec();
        var captioned = single.Copy();
        captioned.Caption = "读书会海报 · 渠道：公众号推文";

        var plain = Texts(posters.Svg(single));
        var withCaption = Texts(posters.Svg(captioned));

        Assert.DoesNotContain(plain, t => t.Text.Contains("渠道"));
        Assert.Equal(plain.Count + 1, withCaption.Count);
        var caption = Assert.Single(withCaption, t => t.Text == "读书会海报 · 渠道：公众号推文");
        Assert.True(caption.Y > 297 - 15, $"caption at y = {caption.Y} mm");
    }

    [Fact]
    public void Caption_TooWideForTheLine_IsShortenedWithAnEllipsis()
    {
        var spec = PosterServiceTests.ChineseSpec(PaperSize.A5);
        spec.Caption = string.Concat(Enumerable.Repeat("很长的渠道名称", 12));

        var line = PosterLayout.Of(spec, Provider.GetRequiredService<PosterFont>()).Lines[^1];

        Assert.EndsWith("…", line.Text);
        Assert.True(line.WidthMm <= 148 - 30, $"caption is {line.WidthMm} mm wide");
    }

    /// <summary>Not a check: writes a batch PDF for a person to look at (set PORTAL_RENDER_SAMPLES to a folder).</summary>
    [Fact]
    public void Samples_AreWrittenWhenAsked()
    {
        if (Environment.GetEnvironmentVariable("PORTAL_RENDER_SAMPLES") is not { Length: > 0 } folder)
        {
            return;
        }
        Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(folder, "batch-A4.pdf"), Batch.Pdf(PosterServiceTests.ChineseSpec(), ThreeCodes()));
        File.WriteAllBytes(Path.Combine(folder, "batch-A5.pdf"), Batch.Pdf(PosterServiceTests.ChineseSpec(), ThreeCodes(), PaperSize.A5));
    }

    internal static void Run(string tool, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(tool, arguments) { RedirectStandardError = true })!;
        process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{tool} exited with {process.ExitCode}");
    }

    private static List<(string Text, double Y)> Texts(string svg) =>
        XDocument.Parse(svg).Descendants().Where(e => e.Name.LocalName == "text")
            .Select(e => (e.Value, double.Parse(e.Attribute("y")!.Value, System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();
}
