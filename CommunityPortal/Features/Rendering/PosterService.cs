using CommunityPortal.Common;
using System.Globalization;
using System.Security;
using System.Text;
using CommunityPortal.Features.Rendering.Pdf;
using Microsoft.Extensions.Localization;

namespace CommunityPortal.Features.Rendering;

/// <summary>
/// Posters as print-ready PDF (vector QR, embedded CJK font subset; one poster per page for a batch) and
/// as SVG (the same layout; what the editor previews and what "download SVG" gives).
/// </summary>
public sealed class PosterService(IStringLocalizer<RenderingText> text, QrImageService qr, PosterFont font)
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
        foreach (var (field, value) in new[] { (nameof(PosterSpec.Title), spec.Title), (nameof(PosterSpec.Subtitle), spec.Subtitle), (nameof(PosterSpec.Body), spec.Body) })
        {
            if (MissingCharacters(value) is { Length: > 0 } missing)
            {
                errors.Add(field, "MissingGlyphs", missing);
            }
        }
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

    /// <summary>
    /// The characters of the text the poster font cannot draw (emoji, rare symbols), each once, separated by spaces:
    /// printed they would be empty boxes, while the browser's preview would show them from another font.
    /// </summary>
    private string MissingCharacters(string? text) => text is null
        ? ""
        : string.Join(' ', text.EnumerateRunes()
            .Where(r => !Rune.IsWhiteSpace(r) && !Rune.IsControl(r) && r.Value != 0xFE0F && r.Value != 0x200D && font.Font.GlyphId(r.Value) == 0)
            .Distinct().Take(10).Select(r => r.ToString()));

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
        var document = new PdfDocumentBuilder(font.Font) { Title = specs[0].Title };
        CheckImagesDecode(document, specs);
        foreach (var spec in specs)
        {
            var layout = PosterLayout.Of(spec, font.Font);
            DrawPage(document, document.AddPage(layout.Width, layout.Height), layout);
        }
        return document.ToArray();
    }

    /// <summary>
    /// The images are decoded for the PDF only (the SVG embeds them as they are): one this writer cannot read (an
    /// interlaced PNG, a damaged file) is reported on its field before any page is drawn.
    /// </summary>
    private void CheckImagesDecode(PdfDocumentBuilder document, IReadOnlyList<PosterSpec> specs)
    {
        var errors = new RenderingErrors(text);
        foreach (var (field, image) in specs.SelectMany(s => new[] { (nameof(PosterSpec.BackgroundImage), s.BackgroundImage), (nameof(PosterSpec.Logo), s.Logo) }))
        {
            if (image is null || errors.Errors.ContainsKey(field))
            {
                continue;
            }
            try
            {
                document.Image(image);
            }
            catch (InvalidDataException)
            {
                errors.Add(field, "ImageUnreadable");
            }
        }
        errors.ThrowIfAny();
    }

    private static (byte R, byte G, byte B) Colour(string value) => TryParseColour(value) ?? ((byte)0, (byte)0, (byte)0);

    private static readonly (byte, byte, byte) White = (255, 255, 255);
    private static readonly (byte, byte, byte) Black = (0, 0, 0);

    /// <summary>Draws in millimetres from the top-left corner; text sizes are points, converted here.</summary>
    private static void DrawPage(PdfDocumentBuilder document, PdfPageBuilder page, PosterLayout layout)
    {
        var spec = layout.Spec;
        page.FillRect(0, 0, layout.Width, layout.Height, Colour(spec.BackgroundColor));
        if (spec.BackgroundImage is not null)
        {
            var image = document.Image(spec.BackgroundImage);
            var cover = Math.Max(layout.Width / image.Width, layout.Height / image.Height);
            double w = image.Width * cover, h = image.Height * cover;
            page.DrawImage(spec.BackgroundImage, (layout.Width - w) / 2, (layout.Height - h) / 2, w, h);
            // What spills over the page edge is cut by the page itself (the media box).
        }
        var ink = Colour(spec.TextColor);
        foreach (var line in layout.Lines)
        {
            page.DrawText(line.Text, (layout.Width - line.WidthMm) / 2, line.Baseline, line.SizePt * PosterLayout.PointInMm, ink, line.Bold);
        }
        DrawQr(document, page, layout);
    }

    private static void DrawQr(PdfDocumentBuilder document, PdfPageBuilder page, PosterLayout layout)
    {
        var modules = layout.Modules;
        var margin = layout.Spec.QrMargin;
        var module = layout.QrSize / (modules.Count + 2 * margin);
        page.FillRect(layout.QrX, layout.QrY, layout.QrSize, layout.QrSize, White);
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
                page.FillRect(x0 + start * module, y0 + row * module, (column - start + 1) * module, module, Black);
            }
        }
        if (layout.Spec.Logo is { } logo)
        {
            var codeSize = module * modules.Count;
            var side = codeSize * QrImageService.LogoShare;
            var pad = side * 0.12;
            double left = x0 + (codeSize - side) / 2, top = y0 + (codeSize - side) / 2;
            page.FillRect(left - pad, top - pad, side + 2 * pad, side + 2 * pad, White);
            var image = document.Image(logo);
            var fit = Math.Min(side / image.Width, side / image.Height);
            double w = image.Width * fit, h = image.Height * fit;
            page.DrawImage(logo, left + (side - w) / 2, top + (side - h) / 2, w, h);
        }
    }

    /// <summary>The poster as SVG in millimetres; texts use the viewer's CJK sans font, the QR is vector.</summary>
    public string Svg(PosterSpec spec)
    {
        ThrowIfInvalid([spec]);
        var layout = PosterLayout.Of(spec, font.Font);
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
}
