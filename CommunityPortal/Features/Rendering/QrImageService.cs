using System.Globalization;
using System.Text;
using Microsoft.Extensions.Localization;
using QRCoder;

namespace CommunityPortal.Features.Rendering;

/// <summary>
/// QR images for a URL: PNG at the exact requested size (whole-pixel modules, centred; the pixels left
/// over widen the quiet zone) and SVG (one path, optional centre logo). The modules come from QRCoder;
/// the PNG is written here so that size and margin are ours to choose.
/// </summary>
public sealed class QrImageService(IStringLocalizer<RenderingText> text)
{
    /// <summary>Share of the code's width a centre logo may cover; H tolerates 30 % damage, this covers ~5 % of the area.</summary>
    internal const double LogoShare = 0.22;

    public static QrLevel EffectiveLevel(QrRequest request) =>
        request.Logo is not null ? QrLevel.H : ParseLevel(request.Level) ?? QrLevel.M;

    /// <summary>"L", "M", "Q" or "H" in any case; numbers and other names are not levels.</summary>
    internal static QrLevel? ParseLevel(string? level) =>
        level?.Trim().ToUpperInvariant() switch { "L" => QrLevel.L, "M" => QrLevel.M, "Q" => QrLevel.Q, "H" => QrLevel.H, _ => null };

    public IReadOnlyDictionary<string, string[]> Validate(QrRequest request, bool png)
    {
        var errors = new RenderingErrors(text);
        Check(errors, request, png);
        return errors.Errors;
    }

    internal void Check(RenderingErrors errors, QrRequest request, bool png)
    {
        errors.Url(nameof(QrRequest.Url), request.Url);
        errors.Range(nameof(QrRequest.Size), request.Size, QrRequest.MinSize, QrRequest.MaxSize);
        if (!string.IsNullOrWhiteSpace(request.Level) && ParseLevel(request.Level) is null)
        {
            errors.Add(nameof(QrRequest.Level), "Level");
        }
        errors.Range(nameof(QrRequest.Margin), request.Margin, 0, QrRequest.MaxMargin);
        errors.Image(nameof(QrRequest.Logo), request.Logo, QrRequest.MaxLogoKilobytes);
        if (png && request.Logo is not null && ImageFormats.Of(request.Logo) is not null
            && request.Logo.Length <= QrRequest.MaxLogoKilobytes * 1024 && PngReader.TryDecode(request.Logo) is null)
        {
            errors.Add(nameof(QrRequest.Logo), "LogoNotInPng");
        }
    }

    public static QrModules Encode(string url, QrLevel level)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, Enum.Parse<QRCodeGenerator.ECCLevel>(level.ToString()));
        var count = data.Version * 4 + 17;
        var quiet = (data.ModuleMatrix.Count - count) / 2;
        var dark = new bool[count, count];
        for (var row = 0; row < count; row++)
        {
            for (var column = 0; column < count; column++)
            {
                dark[row, column] = data.ModuleMatrix[row + quiet][column + quiet];
            }
        }
        return new QrModules(dark, level);
    }

    /// <summary>A 1-bit greyscale PNG of exactly Size × Size pixels.</summary>
    public byte[] Png(QrRequest request)
    {
        var errors = new RenderingErrors(text);
        Check(errors, request, png: true);
        errors.ThrowIfAny();
        var modules = Encode(request.Url, EffectiveLevel(request));
        var (pixelsPerModule, offset) = PngGeometry(request.Size, modules.Count, request.Margin);
        var extent = pixelsPerModule * modules.Count;
        bool IsDark(int x, int y) =>
            x >= offset && y >= offset && x < offset + extent && y < offset + extent
            && modules.Dark[(y - offset) / pixelsPerModule, (x - offset) / pixelsPerModule];
        return request.Logo is { } logo && PngReader.TryDecode(logo) is { } image
            ? PngWithLogo(request.Size, IsDark, image, offset, extent)
            : PngWriter.Monochrome(request.Size, IsDark);
    }

    /// <summary>The code in RGB with the logo fitted (nearest pixel, alpha over white) on a white pad in the centre.</summary>
    private static byte[] PngWithLogo(int size, Func<int, int, bool> isDark, RgbaImage logo, int offset, int extent)
    {
        var pixels = new byte[size * size * 3];
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                pixels.AsSpan((y * size + x) * 3, 3).Fill(isDark(x, y) ? (byte)0 : (byte)255);
            }
        }
        var side = extent * LogoShare;
        var pad = side * 0.12;
        var centre = offset + extent / 2.0;
        var fit = side / Math.Max(logo.Width, logo.Height);
        double width = logo.Width * fit, height = logo.Height * fit;
        for (var y = (int)(centre - side / 2 - pad); y < (int)Math.Ceiling(centre + side / 2 + pad); y++)
        {
            for (var x = (int)(centre - side / 2 - pad); x < (int)Math.Ceiling(centre + side / 2 + pad); x++)
            {
                var target = pixels.AsSpan((y * size + x) * 3, 3);
                target.Fill(255);
                int u = (int)((x + 0.5 - (centre - width / 2)) / fit), v = (int)((y + 0.5 - (centre - height / 2)) / fit);
                if (u < 0 || v < 0 || u >= logo.Width || v >= logo.Height)
                {
                    continue;
                }
                var source = logo.Pixels.AsSpan((v * logo.Width + u) * 4, 4);
                for (var c = 0; c < 3; c++)
                {
                    target[c] = (byte)((source[c] * source[3] + 255 * (255 - source[3])) / 255);
                }
            }
        }
        return PngWriter.Rgb(size, pixels);
    }

    /// <summary>Whole pixels per module (at least 1) and where the first module starts.</summary>
    internal static (int PixelsPerModule, int Offset) PngGeometry(int size, int modules, int margin)
    {
        var pixelsPerModule = Math.Max(1, size / (modules + 2 * margin));
        return (pixelsPerModule, (size - pixelsPerModule * modules) / 2);
    }

    public string Svg(QrRequest request)
    {
        var errors = new RenderingErrors(text);
        Check(errors, request, png: false);
        errors.ThrowIfAny();
        var modules = Encode(request.Url, EffectiveLevel(request));
        var extent = modules.Count + 2 * request.Margin;
        var svg = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {extent} {extent}" width="{request.Size}" height="{request.Size}" shape-rendering="crispEdges">""")
            .Append(CultureInfo.InvariantCulture, $"""<rect width="{extent}" height="{extent}" fill="#ffffff"/>""");
        AppendModules(svg, modules, request.Margin, request.Margin, 1);
        if (request.Logo is not null)
        {
            AppendLogo(svg, request.Logo, request.Margin, request.Margin, modules.Count);
        }
        return svg.Append("</svg>").ToString();
    }

    /// <summary>The dark modules as one path of unit squares, scaled and placed at (x, y).</summary>
    internal static void AppendModules(StringBuilder svg, QrModules modules, double x, double y, double moduleSize)
    {
        svg.Append(CultureInfo.InvariantCulture, $"<path fill=\"#000000\" transform=\"translate({x:0.###} {y:0.###}) scale({moduleSize:0.#####})\" d=\"");
        for (var row = 0; row < modules.Count; row++)
        {
            for (var column = 0; column < modules.Count; column++)
            {
                if (modules.Dark[row, column])
                {
                    svg.Append(CultureInfo.InvariantCulture, $"M{column} {row}h1v1h-1z");
                }
            }
        }
        svg.Append("\"/>");
    }

    /// <summary>A white pad and the logo over the centre of a code whose modules start at (x, y).</summary>
    internal static void AppendLogo(StringBuilder svg, byte[] logo, double x, double y, double codeSize)
    {
        var side = codeSize * LogoShare;
        var pad = side * 0.12;
        var left = x + (codeSize - side) / 2;
        var top = y + (codeSize - side) / 2;
        svg.Append(CultureInfo.InvariantCulture,
                $"""<rect x="{left - pad:0.###}" y="{top - pad:0.###}" width="{side + 2 * pad:0.###}" height="{side + 2 * pad:0.###}" rx="{pad:0.###}" fill="#ffffff"/>""")
            .Append(CultureInfo.InvariantCulture,
                $"""<image x="{left:0.###}" y="{top:0.###}" width="{side:0.###}" height="{side:0.###}" preserveAspectRatio="xMidYMid meet" href="{ImageFormats.DataUri(logo)}"/>""");
    }
}
