using System.Globalization;
using System.Text;
using Microsoft.Extensions.Localization;

namespace CommunityPortal.Infrastructure.Rendering;

/// <summary>
/// Posters as print-ready PDF (PDFsharp: vector QR, embedded CJK font subset; one poster per page for a batch), as PNG
/// (SkiaSharp, rendered here) and as SVG (what the editor previews): all three from one layout, so lines break alike.
/// </summary>
public sealed class PosterService(IStringLocalizer<RenderingText> text, PosterFont font)
{
    public const int MaxBatch = 200;

    /// <summary>PNG resolution: 300 dpi is print quality (A4 2480 × 3508 px, the largest served); 72 a screen's.</summary>
    public const int MinDpi = 72;
    public const int MaxDpi = 300;
    public const int DefaultDpi = 300;

    public IReadOnlyDictionary<string, string[]> Validate(PosterSpec spec)
    {
        var errors = new RenderingErrors(text);
        Check(errors, spec);
        return errors.Errors;
    }

    private void Check(RenderingErrors errors, PosterSpec spec)
    {
        QrImageService.Check(errors, spec.QrRequest() with { Size = QrRequest.MinSize });
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
            .Where(r => !Rune.IsWhiteSpace(r) && !Rune.IsControl(r) && r.Value != 0xFE0F && r.Value != 0x200D && !font.Has(r.Value))
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
        using var images = PosterImageSet<PdfSharp.Drawing.XImage>.Load(specs, PosterPdfWriter.Load, new RenderingErrors(text));
        return PosterPdfWriter.Write(specs.Select(spec => PosterLayout.Of(spec, font)).ToList(), font, images);
    }

    /// <summary>The poster as a PNG at dpi (72–300), rendered on the server from the same layout as the PDF.</summary>
    public byte[] Png(PosterSpec spec, int dpi = DefaultDpi)
    {
        var errors = new RenderingErrors(text);
        Check(errors, spec);
        errors.Range("Dpi", dpi, MinDpi, MaxDpi);
        errors.ThrowIfAny();
        using var images = PosterImageSet<SkiaSharp.SKImage>.Load([spec], RasterImages.Decode, new RenderingErrors(text));
        return PosterPngWriter.Write(PosterLayout.Of(spec, font), font, images, dpi);
    }

    /// <summary>The poster as SVG in millimetres; texts use the viewer's CJK sans font, the QR is vector.</summary>
    public string Svg(PosterSpec spec)
    {
        ThrowIfInvalid([spec]);
        return PosterSvgWriter.Write(PosterLayout.Of(spec, font));
    }
}
