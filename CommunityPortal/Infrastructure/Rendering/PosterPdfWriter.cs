using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace CommunityPortal.Infrastructure.Rendering;

/// <summary>
/// Draws laid-out posters with PDFsharp (docs/adr/022), one page each, in millimetres from the top-left corner: the
/// text in the poster face (embedded as a subset, Identity-H, so it can be searched and copied), the QR as vector
/// rectangles, images as decoded by <see cref="PosterImageSet{T}"/>.
/// </summary>
internal static class PosterPdfWriter
{
    private static readonly XPdfFontOptions Unicode = new(PdfFontEncoding.Unicode);

    public static byte[] Write(IReadOnlyList<PosterLayout> layouts, PosterFont font, PosterImageSet<XImage> images)
    {
        using var document = new PdfDocument();
        document.Info.Title = layouts[0].Spec.Title;
        document.Options.CompressContentStreams = true;
        var fonts = new Dictionary<(double, bool), XFont>();
        foreach (var layout in layouts)
        {
            var page = document.AddPage();
            page.Width = XUnit.FromMillimeter(layout.Width);
            page.Height = XUnit.FromMillimeter(layout.Height);
            using var graphics = XGraphics.FromPdfPage(page, XGraphicsUnit.Millimeter);
            DrawPage(graphics, layout, images, (sizeMm, bold) => Font(fonts, font, sizeMm, bold));
        }
        using var output = new MemoryStream();
        document.Save(output);
        return output.ToArray();
    }

    private static XFont Font(Dictionary<(double, bool), XFont> fonts, PosterFont font, double sizeMm, bool bold)
    {
        if (!fonts.TryGetValue((sizeMm, bold), out var xfont))
        {
            // In a millimetre graphics context the em size is in millimetres too.
            fonts[(sizeMm, bold)] = xfont = new XFont(font.PdfFamily, sizeMm, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, Unicode);
        }
        return xfont;
    }

    private static void DrawPage(XGraphics graphics, PosterLayout layout, PosterImageSet<XImage> images, Func<double, bool, XFont> font)
    {
        var spec = layout.Spec;
        graphics.DrawRectangle(Brush(spec.BackgroundColor), 0, 0, layout.Width, layout.Height);
        if (spec.BackgroundImage is { } background)
        {
            var image = images[background];
            var (x, y, w, h) = PosterLayout.Cover(image.PixelWidth, image.PixelHeight, layout.Width, layout.Height);
            // What spills over the page edge is cut by the page itself (the media box).
            graphics.DrawImage(image, x, y, w, h);
        }
        var ink = Brush(spec.TextColor);
        foreach (var line in layout.Lines)
        {
            graphics.DrawString(line.Text, font(line.SizePt * PosterLayout.PointInMm, line.Bold), ink,
                (layout.Width - line.WidthMm) / 2, line.Baseline, XStringFormats.BaseLineLeft);
        }
        DrawQr(graphics, layout, images);
    }

    private static void DrawQr(XGraphics graphics, PosterLayout layout, PosterImageSet<XImage> images)
    {
        graphics.DrawRectangle(XBrushes.White, layout.QrX, layout.QrY, layout.QrSize, layout.QrSize);
        var module = layout.ModuleSize;
        var (x0, y0) = layout.CodeOrigin;
        // One path for every dark module: a single fill, so no seams between neighbouring runs.
        var path = new XGraphicsPath { FillMode = XFillMode.Winding };
        foreach (var (row, column, length) in layout.Modules.Runs())
        {
            path.AddRectangle(x0 + column * module, y0 + row * module, length * module, module);
        }
        graphics.DrawPath(XBrushes.Black, path);
        if (layout.Spec.Logo is { } logo)
        {
            var (left, top, side, pad) = QrImageService.LogoBox(x0, y0, module * layout.Modules.Count);
            graphics.DrawRectangle(XBrushes.White, left - pad, top - pad, side + 2 * pad, side + 2 * pad);
            var image = images[logo];
            var fit = Math.Min(side / image.PixelWidth, side / image.PixelHeight);
            double w = image.PixelWidth * fit, h = image.PixelHeight * fit;
            graphics.DrawImage(image, left + (side - w) / 2, top + (side - h) / 2, w, h);
        }
    }

    private static XSolidBrush Brush(string colour)
    {
        var (r, g, b) = PosterService.TryParseColour(colour) ?? ((byte)0, (byte)0, (byte)0);
        return new XSolidBrush(XColor.FromArgb(r, g, b));
    }

    /// <summary>
    /// A JPEG goes into the PDF as it is (DCTDecode); a PNG, or a JPEG PDFsharp's reader does not take, as the plain
    /// 8-bit PNG SkiaSharp makes of it (transparency becomes a soft mask).
    /// </summary>
    public static XImage Load(byte[] image)
    {
        if (ImageFormats.Of(image) == "image/jpeg")
        {
            // Decoded once to be sure it is whole: a viewer would otherwise show a cut-off picture.
            RasterImages.Decode(image).Dispose();
            try
            {
                return XImage.FromStream(new MemoryStream(image, writable: false));
            }
            catch (InvalidOperationException)
            {
                // An unusual JPEG (e.g. arithmetic coding): re-encoded below.
            }
        }
        return XImage.FromStream(new MemoryStream(RasterImages.ToPlainPng(image), writable: false));
    }
}
