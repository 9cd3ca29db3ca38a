using System.Globalization;
using System.Text;
using Microsoft.Extensions.Localization;
using QRCoder;
using SkiaSharp;

namespace CommunityPortal.Infrastructure.Rendering;

/// <summary>
/// QR images for a URL: PNG at the exact requested size (whole-pixel modules, centred; the pixels left
/// over widen the quiet zone; drawn and encoded with SkiaSharp) and SVG (one path), each with an optional
/// centre logo (PNG or JPEG). The modules come from QRCoder; size and margin are ours to choose.
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

    public IReadOnlyDictionary<string, string[]> Validate(QrRequest request)
    {
        var errors = new RenderingErrors(text);
        Check(errors, request);
        return errors.Errors;
    }

    internal static void Check(RenderingErrors errors, QrRequest request)
    {
        errors.Url(nameof(QrRequest.Url), request.Url);
        errors.Range(nameof(QrRequest.Size), request.Size, QrRequest.MinSize, QrRequest.MaxSize);
        if (!string.IsNullOrWhiteSpace(request.Level) && ParseLevel(request.Level) is null)
        {
            errors.Add(nameof(QrRequest.Level), "Level");
        }
        errors.Range(nameof(QrRequest.Margin), request.Margin, 0, QrRequest.MaxMargin);
        errors.Image(nameof(QrRequest.Logo), request.Logo, QrRequest.MaxLogoKilobytes);
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

    /// <summary>A PNG of exactly Size × Size pixels: 8-bit grey, or RGB with a logo.</summary>
    public byte[] Png(QrRequest request)
    {
        var errors = new RenderingErrors(text);
        Check(errors, request);
        errors.ThrowIfAny();
        SKImage? logo = null;
        try
        {
            logo = request.Logo is null ? null : RasterImages.Decode(request.Logo);
        }
        catch (InvalidDataException)
        {
            errors.Add(nameof(QrRequest.Logo), "ImageUnreadable");
            errors.ThrowIfAny();
        }
        using var _ = logo;
        var modules = Encode(request.Url, EffectiveLevel(request));
        var (pixelsPerModule, offset) = PngGeometry(request.Size, modules.Count, request.Margin);
        var info = new SKImageInfo(request.Size, request.Size, logo is null ? SKColorType.Gray8 : SKColorType.Rgba8888, SKAlphaType.Opaque);
        using var surface = SKSurface.Create(info) ?? throw new InvalidOperationException($"SkiaSharp could not make a {info.Width} px canvas.");
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        // Whole pixels, no antialiasing: every module is a crisp square of pixelsPerModule.
        using var paint = new SKPaint { Color = SKColors.Black, IsAntialias = false };
        foreach (var (row, column, length) in modules.Runs())
        {
            canvas.DrawRect(offset + column * pixelsPerModule, offset + row * pixelsPerModule, length * pixelsPerModule, pixelsPerModule, paint);
        }
        if (logo is not null)
        {
            DrawLogo(canvas, logo, offset, pixelsPerModule * modules.Count);
        }
        using var pixels = surface.PeekPixels();
        using var png = pixels.Encode(new SKPngEncoderOptions(SKPngEncoderFilterFlags.AllFilters, 9))
            ?? throw new InvalidOperationException("SkiaSharp could not encode the QR PNG.");
        return png.ToArray();
    }

    /// <summary>The logo fitted (smoothly scaled, alpha over white) on a white pad, on whole pixels, in the centre.</summary>
    private static void DrawLogo(SKCanvas canvas, SKImage logo, int offset, int extent)
    {
        var (left, top, side, pad) = LogoBox(offset, offset, extent);
        using var white = new SKPaint { Color = SKColors.White };
        canvas.DrawRect(new SKRect((float)Math.Floor(left - pad), (float)Math.Floor(top - pad),
            (float)Math.Ceiling(left + side + pad), (float)Math.Ceiling(top + side + pad)), white);
        var fit = side / Math.Max(logo.Width, logo.Height);
        double width = logo.Width * fit, height = logo.Height * fit;
        canvas.DrawImage(logo, SKRect.Create((float)(left + (side - width) / 2), (float)(top + (side - height) / 2), (float)width, (float)height),
            new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
    }

    /// <summary>The centre logo's square and the white pad around it, for a code whose modules start at (x, y).</summary>
    internal static (double Left, double Top, double Side, double Pad) LogoBox(double x, double y, double codeSize)
    {
        var side = codeSize * LogoShare;
        return (x + (codeSize - side) / 2, y + (codeSize - side) / 2, side, side * 0.12);
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
        Check(errors, request);
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
        var (left, top, side, pad) = LogoBox(x, y, codeSize);
        svg.Append(CultureInfo.InvariantCulture,
                $"""<rect x="{left - pad:0.###}" y="{top - pad:0.###}" width="{side + 2 * pad:0.###}" height="{side + 2 * pad:0.###}" rx="{pad:0.###}" fill="#ffffff"/>""")
            .Append(CultureInfo.InvariantCulture,
                $"""<image x="{left:0.###}" y="{top:0.###}" width="{side:0.###}" height="{side:0.###}" preserveAspectRatio="xMidYMid meet" href="{ImageFormats.DataUri(logo)}"/>""");
    }
}
