using System.Diagnostics;
using System.Text;
using CommunityPortal.Infrastructure.Rendering;
using static CommunityPortal.Tests.Infrastructure.Rendering.RenderingServices;

namespace CommunityPortal.Tests.Infrastructure.Rendering;

/// <summary>
/// What a phone would do: read the codes back with a real decoder (zbarimg, from scripts/install-prereqs.sh),
/// from the QR PNG and from a poster page rasterised by poppler's pdftoppm.
/// </summary>
public sealed class QrScanTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("qr-scan-").FullName;

    [Theory]
    [InlineData("L", 0)]
    [InlineData("H", 10)]
    public void QrPng_ScansBackToTheUrl(string level, int margin)
    {
        var path = Path.Combine(_folder, "qr.png");
        File.WriteAllBytes(path, Qr.Png(new QrRequest(LiveCodeUrl, 400, level, margin)));

        Assert.Equal(LiveCodeUrl, Scan(path));
    }

    [Fact]
    public void QrPng_WithLogo_ScansBackToTheUrl()
    {
        var path = Path.Combine(_folder, "qr-logo.png");
        File.WriteAllBytes(path, Qr.Png(new QrRequest(LiveCodeUrl, 600, Logo: StripesPng)));

        Assert.Equal(LiveCodeUrl, Scan(path));
    }

    [Fact]
    public void QrPng_WithJpegLogo_ScansBackToTheUrl()
    {
        var path = Path.Combine(_folder, "qr-jpeg-logo.png");
        File.WriteAllBytes(path, Qr.Png(new QrRequest(LiveCodeUrl, 300, Margin: 2, Logo: TestImages.Jpeg(64, 48, new SkiaSharp.SKColor(30, 30, 30)))));

        Assert.Equal(LiveCodeUrl, Scan(path));
    }

    [Theory]
    [InlineData(QrPlacement.Middle, PaperSize.A5)]
    [InlineData(QrPlacement.Top, PaperSize.A4)]
    public void PosterPdf_WithLogoOverTheCode_StillScansToTheUrl(QrPlacement placement, PaperSize paper)
    {
        var spec = PosterServiceTests.ChineseSpec(paper);
        spec.QrPlacement = placement;
        spec.Logo = StripesPng;
        spec.QrSizeMm = 30;
        var pdf = Path.Combine(_folder, "poster.pdf");
        File.WriteAllBytes(pdf, Posters.Pdf([spec]));

        Run("pdftoppm", "-r", "150", "-png", "-singlefile", pdf, Path.Combine(_folder, "page"));

        Assert.Equal(LiveCodeUrl, Scan(Path.Combine(_folder, "page.png")));
    }

    /// <summary>What a phone reads from one page (1-based) of a PDF, rasterised by pdftoppm.</summary>
    internal static string ScanPdfPage(byte[] pdf, int page)
    {
        var folder = Directory.CreateTempSubdirectory("qr-scan-").FullName;
        try
        {
            var path = Path.Combine(folder, "posters.pdf");
            File.WriteAllBytes(path, pdf);
            var number = page.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Run("pdftoppm", "-r", "150", "-png", "-singlefile", "-f", number, "-l", number, path, Path.Combine(folder, "page"));
            return Scan(Path.Combine(folder, "page.png"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    internal static string Scan(string image) => Run("zbarimg", "--quiet", "--raw", image).Trim();

    private static string Run(string tool, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(tool, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
        })!;
        var output = process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{tool} exited with {process.ExitCode}");
        return output;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
