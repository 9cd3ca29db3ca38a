using CommunityPortal.Common;
using System.Globalization;
using System.Security;
using System.Text;
using Microsoft.Extensions.Localization;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace CommunityPortal.Features.Rendering;

/// <summary>
/// Posters as print-ready PDF (vector QR, embedded CJK font subset; one poster per page for a batch) and
/// as SVG (the same layout; what the editor previews and what "download SVG" gives).
/// </summary>
public sealed class PosterService(IStringLocalizer<RenderingText> text, QrImageService qr, RenderingOptions options)
{
    public const int MaxBatch = 200;

    public IReadOnlyDictionary<string, string[]> Validate(PosterSpec spec)
    {
        var errors = new RenderingErrors(text);
        Check(errors, spec);
        return errors.Errors;
    }

    private void Check(RenderingErrors errors, PosterSpec spec)
    {
        qr.Check(errors, spec.QrRequest() with { Size = QrRequest.MinSize }, png: false);
        if (string.IsNullOrWhiteSpace(spec.Title))
        {
            errors.Add(nameof(PosterSpec.Title), "Required");
        }
        errors.MaxLength(nameof(PosterSpec.Title), spec.Title, PosterSpec.MaxTitle);
        errors.MaxLength(nameof(PosterSpec.Subtitle), spec.Subtitle, PosterSpec.MaxSubtitle);
        errors.MaxLength(nameof(PosterSpec.Body), spec.Body, PosterSpec.MaxBody);
        Colour(errors, nameof(PosterSpec.TextColor), spec.TextColor);
        Colour(errors, nameof(PosterSpec.BackgroundColor), spec.BackgroundColor);
        errors.Range(nameof(PosterSpec.QrSizeMm), spec.QrSizeMm, PosterSpec.MinQrMm, PosterSpec.MaxQrMm);
        if (!Enum.IsDefined(spec.Paper))
        {
            errors.Add(nameof(PosterSpec.Paper), "Invalid");
        }
        if (!Enum.IsDefined(spec.QrPlacement))
        {
            errors.Add(nameof(PosterSpec.QrPlacement), "Invalid");
        }
        errors.Image(nameof(PosterSpec.BackgroundImage), spec.BackgroundImage, PosterSpec.MaxBackgroundKilobytes);
    }

    private static void Colour(RenderingErrors errors, string field, string? value)
    {
        if (TryParseColour(value) is null)
        {
            errors.Add(field, "Colour");
        }
    }

    internal static (byte R, byte G, byte B)? TryParseColour(string? value) =>
        value is { Length: 7 } && value[0] == '#' && int.TryParse(value.AsSpan(1), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var rgb)
            ? ((byte)(rgb >> 16), (byte)(rgb >> 8), (byte)rgb)
            : null;

    private void ThrowIfInvalid(IReadOnlyList<PosterSpec> specs)
    {
        if (specs.Count == 0 || specs.Count > MaxBatch)
        {
            var errors = new RenderingErrors(text);
            errors.Range("Posters", specs.Count, 1, MaxBatch);
            errors.ThrowIfAny();
        }
        foreach (var spec in specs)
        {
            var errors = new RenderingErrors(text);
            Check(errors, spec);
            errors.ThrowIfAny();
        }
    }

    /// <summary>The same design for many codes (e.g. one live code's channel codes): one page per URL.</summary>
    public byte[] Pdf(PosterSpec design, IEnumerable<string> urls) =>
        Pdf(urls.Select(url => { var page = design.Copy(); page.Url = url; return page; }).ToList());

    public byte[] Pdf(IReadOnlyList<PosterSpec> specs)
    {
        ThrowIfInvalid(specs);
        EnsurePdfSharp();
        using var document = new PdfDocument();
        document.Info.Title = specs[0].Title;
        foreach (var spec in specs)
        {
            var layout = PosterLayout.Of(spec);
            var page = document.AddPage();
            page.Width = XUnit.FromMillimeter(layout.Width);
            page.Height = XUnit.FromMillimeter(layout.Height);
            using var graphics = XGraphics.FromPdfPage(page);
            graphics.ScaleTransform(1 / PosterLayout.PointInMm);
            DrawPage(graphics, layout);
        }
        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    private static XColor Colour(string value)
    {
        var (r, g, b) = TryParseColour(value) ?? ((byte)0, (byte)0, (byte)0);
        return XColor.FromArgb(r, g, b);
    }

    /// <summary>Draws in millimetres (the caller scales); text sizes are points, so fonts are scaled back.</summary>
    private static void DrawPage(XGraphics graphics, PosterLayout layout)
    {
        var spec = layout.Spec;
        graphics.DrawRectangle(new XSolidBrush(Colour(spec.BackgroundColor)), 0, 0, layout.Width, layout.Height);
        if (spec.BackgroundImage is not null)
        {
            using var stream = new MemoryStream(spec.BackgroundImage);
            using var image = XImage.FromStream(stream);
            var cover = Math.Max(layout.Width / image.PixelWidth, layout.Height / image.PixelHeight);
            double w = image.PixelWidth * cover, h = image.PixelHeight * cover;
            graphics.DrawImage(image, (layout.Width - w) / 2, (layout.Height - h) / 2, w, h);
        }
        var ink = new XSolidBrush(Colour(spec.TextColor));
        foreach (var line in layout.Lines)
        {
            graphics.DrawString(line.Text, PosterLayout.Font(line.SizePt * PosterLayout.PointInMm, line.Bold), ink,
                (layout.Width - line.WidthMm) / 2, line.Baseline);
        }
        DrawQr(graphics, layout);
    }

    private static void DrawQr(XGraphics graphics, PosterLayout layout)
    {
        var modules = layout.Modules;
        var margin = layout.Spec.QrMargin;
        var module = layout.QrSize / (modules.Count + 2 * margin);
        graphics.DrawRectangle(XBrushes.White, layout.QrX, layout.QrY, layout.QrSize, layout.QrSize);
        double x0 = layout.QrX + margin * module, y0 = layout.QrY + margin * module;
        for (var row = 0; row < modules.Count; row++)
        {
            for (var column = 0; column < modules.Count; column++)
            {
                // Runs of dark modules as one rectangle: fewer operators and no hairline seams between modules.
                if (!modules.Dark[row, column])
                {
                    continue;
                }
                var start = column;
                while (column + 1 < modules.Count && modules.Dark[row, column + 1])
                {
                    column++;
                }
                graphics.DrawRectangle(XBrushes.Black, x0 + start * module, y0 + row * module, (column - start + 1) * module, module);
            }
        }
        if (layout.Spec.Logo is { } logo)
        {
            var codeSize = module * modules.Count;
            var side = codeSize * QrImageService.LogoShare;
            var pad = side * 0.12;
            double left = x0 + (codeSize - side) / 2, top = y0 + (codeSize - side) / 2;
            graphics.DrawRectangle(XBrushes.White, left - pad, top - pad, side + 2 * pad, side + 2 * pad);
            using var stream = new MemoryStream(logo);
            using var image = XImage.FromStream(stream);
            var fit = Math.Min(side / image.PixelWidth, side / image.PixelHeight);
            double w = image.PixelWidth * fit, h = image.PixelHeight * fit;
            graphics.DrawImage(image, left + (side - w) / 2, top + (side - h) / 2, w, h);
        }
    }

    /// <summary>The poster as SVG in millimetres; texts use the viewer's CJK sans font, the QR is vector.</summary>
    public string Svg(PosterSpec spec)
    {
        ThrowIfInvalid([spec]);
        EnsurePdfSharp();
        var layout = PosterLayout.Of(spec);
        var svg = new StringBuilder()
            .Append(CultureInfo.InvariantCulture,
                $"""<svg xmlns="http://www.w3.org/2000/svg" width="{layout.Width}mm" height="{layout.Height}mm" viewBox="0 0 {layout.Width} {layout.Height}">""")
            .Append(CultureInfo.InvariantCulture, $"""<rect width="{layout.Width}" height="{layout.Height}" fill="{spec.BackgroundColor}"/>""");
        if (spec.BackgroundImage is not null)
        {
            svg.Append(CultureInfo.InvariantCulture,
                $"""<image width="{layout.Width}" height="{layout.Height}" preserveAspectRatio="xMidYMid slice" href="{ImageFormats.DataUri(spec.BackgroundImage)}"/>""");
        }
        svg.Append(CultureInfo.InvariantCulture,
            $"""<g fill="{spec.TextColor}" text-anchor="middle" font-family="'WenQuanYi Micro Hei','Noto Sans CJK SC','Microsoft YaHei','PingFang SC',sans-serif">""");
        foreach (var line in layout.Lines)
        {
            svg.Append(CultureInfo.InvariantCulture,
                $"""<text x="{layout.Width / 2:0.###}" y="{line.Baseline:0.###}" font-size="{line.SizePt * PosterLayout.PointInMm:0.###}"{(line.Bold ? " font-weight=\"bold\"" : "")}>{SecurityElement.Escape(line.Text)}</text>""");
        }
        svg.Append("</g>");
        var module = layout.QrSize / (layout.Modules.Count + 2 * spec.QrMargin);
        svg.Append(CultureInfo.InvariantCulture, $"""<rect x="{layout.QrX:0.###}" y="{layout.QrY:0.###}" width="{layout.QrSize:0.###}" height="{layout.QrSize:0.###}" fill="#ffffff"/>""");
        double x0 = layout.QrX + spec.QrMargin * module, y0 = layout.QrY + spec.QrMargin * module;
        QrImageService.AppendModules(svg, layout.Modules, x0, y0, module);
        if (spec.Logo is not null)
        {
            QrImageService.AppendLogo(svg, spec.Logo, x0, y0, module * layout.Modules.Count);
        }
        return svg.Append("</svg>").ToString();
    }

    /// <summary>Posters need PdfSharp, whose licence the operator must choose first (Rendering:PdfSharpLicense).</summary>
    private void EnsurePdfSharp()
    {
        if (!options.PostersEnabled)
        {
            throw new ConflictException(text["Error.PostersOff"]);
        }
        PosterFontResolver.EnsureInstalled(options);
    }
}
