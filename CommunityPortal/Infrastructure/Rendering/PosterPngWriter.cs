using SkiaSharp;

namespace CommunityPortal.Infrastructure.Rendering;

/// <summary>
/// Rasterises a laid-out poster with SkiaSharp (docs/adr/022): the same layout as the PDF, the same face (so the same
/// line breaks), drawn in millimetres on a canvas scaled to the resolution asked for.
/// </summary>
internal static class PosterPngWriter
{
    private static readonly SKSamplingOptions Smooth = new(SKFilterMode.Linear, SKMipmapMode.Linear);

    /// <summary>Pixel size of the page at dpi: A4 at 300 dpi is 2480 × 3508.</summary>
    public static (int Width, int Height) Pixels(PosterLayout layout, int dpi) =>
        ((int)Math.Round(layout.Width / 25.4 * dpi), (int)Math.Round(layout.Height / 25.4 * dpi));

    public static byte[] Write(PosterLayout layout, PosterFont font, PosterImageSet<SKImage> images, int dpi)
    {
        var (width, height) = Pixels(layout, dpi);
        // Opaque: the page is, and the PNG is then written as RGB, without an alpha channel.
        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque))
            ?? throw new InvalidOperationException($"SkiaSharp could not make a {width} × {height} canvas.");
        var canvas = surface.Canvas;
        canvas.Scale((float)(width / layout.Width), (float)(height / layout.Height));
        DrawPage(canvas, layout, font, images);
        using var pixels = surface.PeekPixels();
        using var png = pixels.Encode(new SKPngEncoderOptions(SKPngEncoderFilterFlags.AllFilters, 6))
            ?? throw new InvalidOperationException("SkiaSharp could not encode the poster PNG.");
        return png.ToArray();
    }

    private static void DrawPage(SKCanvas canvas, PosterLayout layout, PosterFont font, PosterImageSet<SKImage> images)
    {
        var spec = layout.Spec;
        using var paint = new SKPaint { IsAntialias = true, Color = Colour(spec.BackgroundColor) };
        canvas.DrawRect(0, 0, (float)layout.Width, (float)layout.Height, paint);
        if (spec.BackgroundImage is { } background)
        {
            var image = images[background];
            var (x, y, w, h) = PosterLayout.Cover(image.Width, image.Height, layout.Width, layout.Height);
            canvas.DrawImage(image, SKRect.Create((float)x, (float)y, (float)w, (float)h), Smooth);
        }
        paint.Color = Colour(spec.TextColor);
        foreach (var line in layout.Lines)
        {
            using var text = new SKFont(font.Typeface, (float)(line.SizePt * PosterLayout.PointInMm))
            {
                // Unhinted, subpixel-placed advances: the widths PosterFont measured, so a centred line is centred here too.
                LinearMetrics = true,
                Subpixel = true,
                Hinting = SKFontHinting.None,
                Edging = SKFontEdging.Antialias,
                Embolden = line.Bold,
            };
            canvas.DrawText(line.Text, (float)((layout.Width - line.WidthMm) / 2), (float)line.Baseline, SKTextAlign.Left, text, paint);
        }
        DrawQr(canvas, layout, images, paint);
    }

    private static void DrawQr(SKCanvas canvas, PosterLayout layout, PosterImageSet<SKImage> images, SKPaint paint)
    {
        paint.Color = SKColors.White;
        canvas.DrawRect((float)layout.QrX, (float)layout.QrY, (float)layout.QrSize, (float)layout.QrSize, paint);
        var module = layout.ModuleSize;
        var (x0, y0) = layout.CodeOrigin;
        // One path for every dark module: antialiased once along its outline, so no seams between neighbouring runs.
        using var builder = new SKPathBuilder();
        foreach (var (row, column, length) in layout.Modules.Runs())
        {
            builder.AddRect(SKRect.Create((float)(x0 + column * module), (float)(y0 + row * module), (float)(length * module), (float)module), SKPathDirection.Clockwise);
        }
        using var path = builder.Detach();
        paint.Color = SKColors.Black;
        canvas.DrawPath(path, paint);
        if (layout.Spec.Logo is { } logo)
        {
            var (left, top, side, pad) = QrImageService.LogoBox(x0, y0, module * layout.Modules.Count);
            paint.Color = SKColors.White;
            canvas.DrawRect((float)(left - pad), (float)(top - pad), (float)(side + 2 * pad), (float)(side + 2 * pad), paint);
            var image = images[logo];
            var fit = Math.Min(side / image.Width, side / image.Height);
            double w = image.Width * fit, h = image.Height * fit;
            canvas.DrawImage(image, SKRect.Create((float)(left + (side - w) / 2), (float)(top + (side - h) / 2), (float)w, (float)h), Smooth);
        }
    }

    private static SKColor Colour(string value) =>
        PosterService.TryParseColour(value) is var (r, g, b) ? new SKColor(r, g, b) : SKColors.Black;
}
