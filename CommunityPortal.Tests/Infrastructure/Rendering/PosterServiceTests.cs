using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using CommunityPortal.Infrastructure.Validation;
using CommunityPortal.Infrastructure.Rendering;
using static CommunityPortal.Tests.Infrastructure.Rendering.RenderingServices;

namespace CommunityPortal.Tests.Infrastructure.Rendering;

public sealed partial class PosterServiceTests
{
    internal static PosterSpec ChineseSpec(PaperSize paper = PaperSize.A4) => new()
    {
        Url = LiveCodeUrl,
        Title = "21天阅读训练营",
        Subtitle = "第3期 · 每晚 8 点共读",
        Body = "扫码进群,领取共读书单和打卡表。每天 15 分钟,和 200 位书友一起读完一本书。Reading together every night.",
        TextColor = "#7c2d12",
        BackgroundColor = "#fff7ed",
        QrSizeMm = 60,
        Paper = paper,
    };

    [Fact]
    public void Pdf_IsAPdfWithOnePageOfThePaperSize()
    {
        var pdf = Posters.Pdf([ChineseSpec(PaperSize.A5)]);

        Assert.StartsWith("%PDF-", Encoding.ASCII.GetString(pdf, 0, 8));
        Assert.Equal([(420, 595)], PageSizes(pdf));
    }

    [Fact]
    public void Pdf_BatchOfUrls_HasOnePagePerUrlOnA4()
    {
        var urls = Enumerable.Range(1, 3).Select(i => $"https://portal.example.com/q/reading-camp?c=kol0{i}").ToList();

        var pdf = Posters.Pdf(ChineseSpec(), urls);

        Assert.Equal([(595, 842), (595, 842), (595, 842)], PageSizes(pdf));
    }

    [Fact]
    public void Pdf_ChineseTitle_IsExtractableTextWithTheFontEmbedded()
    {
        var pdf = Posters.Pdf([ChineseSpec()]);

        Assert.Contains("/FontFile2", Encoding.Latin1.GetString(pdf));
        var text = PdfToText(pdf);
        Assert.Contains("21天阅读训练营", text);
        Assert.Contains("每晚 8 点共读", text);
    }

    [Fact]
    public void Pdf_WithBackgroundImageAndLogo_Renders()
    {
        var spec = ChineseSpec();
        spec.BackgroundImage = TinyPng;
        spec.Logo = StripesPng;
        spec.QrPlacement = QrPlacement.Middle;

        var pdf = Posters.Pdf([spec]);

        Assert.Equal(2, ImageObjects().Count(Encoding.Latin1.GetString(pdf)));
    }

    [Fact]
    public void Svg_IsWellFormedAndHoldsTheEscapedTexts()
    {
        var spec = ChineseSpec();
        spec.Title = "A<B & 读书";

        var svg = XDocument.Parse(Posters.Svg(spec));

        Assert.Equal("210mm", svg.Root!.Attribute("width")!.Value);
        Assert.Contains(svg.Descendants().Where(e => e.Name.LocalName == "text"), t => t.Value == "A<B & 读书");
    }

    [Fact]
    public void Wrap_ChineseWithoutSpaces_BreaksBetweenCharactersAndKeepsEveryCharacter()
    {
        const string text = "扫码进群领取共读书单和打卡表每天十五分钟";

        var lines = PosterLayout.Wrap(text, s => s.Length, 6).ToList();

        Assert.All(lines, l => Assert.True(l.Length <= 6));
        Assert.Equal(text, string.Concat(lines));
    }

    [Fact]
    public void Wrap_LatinWords_AreNotCutInTheMiddle()
    {
        var lines = PosterLayout.Wrap("Reading together every night", s => s.Length, 12).ToList();

        Assert.Equal(["Reading", "together", "every night"], lines);
    }

    [Fact]
    public void Validate_BadSpec_NamesEachField()
    {
        using var _ = new CultureScope("en");
        var spec = ChineseSpec();
        spec.Title = "";
        spec.TextColor = "red";
        spec.QrSizeMm = 5;
        spec.BackgroundImage = Encoding.ASCII.GetBytes("GIF89a");
        spec.Url = "not a url";

        var ex = Assert.Throws<PortalValidationException>(() => Posters.Pdf([spec]));

        Assert.Equal(["BackgroundImage", "QrSizeMm", "TextColor", "Title", "Url"], ex.Errors.Keys.Order());
        Assert.Equal("Title is required.", ex.Errors["Title"].Single());
    }

    /// <summary>Not a check: writes sample posters for a person to look at (set PORTAL_RENDER_SAMPLES to a folder).</summary>
    [Fact]
    public void Samples_AreWrittenWhenAsked()
    {
        if (Environment.GetEnvironmentVariable("PORTAL_RENDER_SAMPLES") is not { Length: > 0 } folder)
        {
            return;
        }
        Directory.CreateDirectory(folder);
        var middle = ChineseSpec(PaperSize.A5);
        middle.QrPlacement = QrPlacement.Middle;
        middle.Logo = StripesPng;
        var top = ChineseSpec();
        top.QrPlacement = QrPlacement.Top;
        top.BackgroundImage = StripesPng;
        top.TextColor = "#000000";
        File.WriteAllBytes(Path.Combine(folder, "posters.pdf"), Posters.Pdf([ChineseSpec(), middle, top]));
        File.WriteAllText(Path.Combine(folder, "poster.svg"), Posters.Svg(middle));
        File.WriteAllBytes(Path.Combine(folder, "poster-A5.png"), Posters.Png(middle, 150));
        File.WriteAllBytes(Path.Combine(folder, "poster-top.png"), Posters.Png(top, 100));
        File.WriteAllBytes(Path.Combine(folder, "qr.png"), Qr.Png(new QrRequest(LiveCodeUrl, 300)));
        File.WriteAllBytes(Path.Combine(folder, "qr-logo.png"), Qr.Png(new QrRequest(LiveCodeUrl, 300, Logo: StripesPng)));
        File.WriteAllBytes(Path.Combine(folder, "qr-jpeg-logo.png"), Qr.Png(new QrRequest(LiveCodeUrl, 300, Logo: TestImages.Jpeg(60, 40, new SkiaSharp.SKColor(200, 30, 30)))));
        File.WriteAllText(Path.Combine(folder, "qr.svg"), Qr.Svg(new QrRequest(LiveCodeUrl, 300, Logo: StripesPng)));
    }

    [Fact]
    public void Pdf_EmptyBatch_IsRefused()
    {
        Assert.Throws<PortalValidationException>(() => Posters.Pdf([]));
    }

    /// <summary>MediaBox of each page, in points, in page order.</summary>
    internal static List<(int Width, int Height)> PageSizes(byte[] pdf) =>
        MediaBox().Matches(Encoding.Latin1.GetString(pdf))
            .Select(m => ((int)Math.Round(double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)),
                (int)Math.Round(double.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture))))
            .ToList();

    internal static string PdfToText(byte[] pdf) => Poppler("pdftotext", pdf, "-enc", "UTF-8", "{0}", "-");

    /// <summary>
    /// Runs a poppler tool on the PDF ({0} in the arguments is its path) and returns what it printed. Poppler reports
    /// any damage it had to work around on stderr: a clean file prints nothing there.
    /// </summary>
    internal static string Poppler(string tool, byte[] pdf, params string[] arguments)
    {
        var path = Path.Combine(Path.GetTempPath(), $"poster-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, pdf);
        try
        {
            using var process = Process.Start(new ProcessStartInfo(tool, arguments.Select(a => a.Replace("{0}", path, StringComparison.Ordinal)))
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                StandardOutputEncoding = Encoding.UTF8,
            })!;
            var errors = process.StandardError.ReadToEndAsync();
            var text = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            Assert.Equal(0, process.ExitCode);
            Assert.Equal("", errors.Result);
            return text;
        }
        finally
        {
            File.Delete(path);
        }
    }

    [GeneratedRegex(@"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]")]
    private static partial Regex MediaBox();

    [GeneratedRegex(@"/Subtype\s*/Image")]
    private static partial Regex ImageObjects();
}
