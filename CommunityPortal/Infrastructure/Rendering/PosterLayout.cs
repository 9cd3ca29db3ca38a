using System.Text;

namespace CommunityPortal.Infrastructure.Rendering;

/// <summary>A line of text, centred on the page; Baseline in mm from the top.</summary>
public sealed record PosterLine(string Text, double Baseline, double SizePt, bool Bold, double WidthMm);

/// <summary>
/// Where everything goes on one page, in millimetres from the top-left corner. Computed once, with the
/// poster font's own advance widths, and drawn by the PDF, PNG and SVG writers alike, so the preview and the
/// PNG wrap lines where the print does.
/// </summary>
public sealed record PosterLayout(PosterSpec Spec, double Width, double Height, IReadOnlyList<PosterLine> Lines, double QrX, double QrY, double QrSize, QrModules Modules)
{
    public const double PointInMm = 25.4 / 72;
    private const double Margin = 15;
    private const double Gap = 6;

    /// <summary>The side of one module of the code, in mm.</summary>
    public double ModuleSize => QrSize / (Modules.Count + 2 * Spec.QrMargin);

    /// <summary>Where the first module starts: the white square's corner plus the quiet zone.</summary>
    public (double X, double Y) CodeOrigin => (QrX + Spec.QrMargin * ModuleSize, QrY + Spec.QrMargin * ModuleSize);

    /// <summary>Where an image goes to cover the whole page: scaled to fill it, centred, what spills over cut off.</summary>
    public static (double X, double Y, double Width, double Height) Cover(double imageWidth, double imageHeight, double width, double height)
    {
        var scale = Math.Max(width / imageWidth, height / imageHeight);
        double w = imageWidth * scale, h = imageHeight * scale;
        return ((width - w) / 2, (height - h) / 2, w, h);
    }

    public static (double Width, double Height) PaperMm(PaperSize paper) => paper == PaperSize.A5 ? (148, 210) : (210, 297);

    internal static PosterLayout Of(PosterSpec spec, PosterFont measure)
    {
        var (width, height) = PaperMm(spec.Paper);
        var scale = width / 210;
        var qrSize = Math.Min(spec.QrSizeMm, width - 2 * Margin);
        var head = new List<PosterLine>();
        var body = new List<PosterLine>();
        var y = Margin;
        if (spec.QrPlacement == QrPlacement.Top)
        {
            y += qrSize + Gap;
        }
        y = Flow(head, measure, spec.Title, 36 * scale, true, width, y);
        y = Flow(head, measure, spec.Subtitle, 20 * scale, false, width, y + (string.IsNullOrWhiteSpace(spec.Subtitle) ? 0 : 1));
        var qrY = spec.QrPlacement switch
        {
            QrPlacement.Top => Margin,
            QrPlacement.Middle => Math.Max(y + Gap, (height - qrSize) / 2),
            _ => height - Margin - qrSize,
        };
        if (spec.QrPlacement == QrPlacement.Middle)
        {
            y = qrY + qrSize + Gap;
        }
        y = Flow(body, measure, spec.Body, 15 * scale, false, width, y + Gap / 2);
        if (Caption(measure, spec.Caption, 9 * scale, width, height) is { } caption)
        {
            body.Add(caption);
        }
        var modules = QrImageService.Encode(spec.Url, QrImageService.EffectiveLevel(spec.QrRequest()));
        return new PosterLayout(spec, width, height, [.. head, .. body], (width - qrSize) / 2, qrY, qrSize, modules);
    }

    /// <summary>Appends the text's lines (wrapped to the printable width) below y; returns the new y.</summary>
    private static double Flow(List<PosterLine> lines, PosterFont measure, string? text, double sizePt, bool bold, double pageWidth, double y)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return y;
        }
        var sizeMm = sizePt * PointInMm;
        var lineHeight = sizeMm * 1.4;
        foreach (var line in Wrap(text, s => measure.Measure(s, sizeMm), pageWidth - 2 * Margin))
        {
            y += lineHeight;
            lines.Add(new PosterLine(line, y - lineHeight * 0.25, sizePt, bold, measure.Measure(line, sizeMm)));
        }
        return y;
    }

    /// <summary>The caption on one line in the bottom margin, below everything else, shortened with "…" if too wide.</summary>
    private static PosterLine? Caption(PosterFont measure, string? text, double sizePt, double pageWidth, double pageHeight)
    {
        // Captions come from channel names: characters the font lacks (an emoji) are left out rather than printed as boxes.
        var caption = text is null ? null : string.Concat(text.Trim().ReplaceLineEndings(" ").EnumerateRunes()
            .Where(r => Rune.IsWhiteSpace(r) || measure.Has(r.Value)).Select(r => r.ToString()));
        if (string.IsNullOrEmpty(caption))
        {
            return null;
        }
        double Width(string s) => measure.Measure(s, sizePt * PointInMm);
        caption = caption.Length > PosterSpec.MaxCaption ? caption[..PosterSpec.MaxCaption] : caption;
        if (Width(caption) > pageWidth - 2 * Margin)
        {
            while (caption.Length > 1 && Width(caption + "…") > pageWidth - 2 * Margin)
            {
                caption = caption[..^1];
            }
            caption += "…";
        }
        return new PosterLine(caption, pageHeight - Margin / 2, sizePt, false, Width(caption));
    }

    /// <summary>
    /// Greedy wrapping that works for Chinese (a break may fall between any two characters) and keeps
    /// Latin words whole when a space is near. Explicit line breaks are kept.
    /// </summary>
    internal static IEnumerable<string> Wrap(string text, Func<string, double> width, double maxWidth)
    {
        foreach (var paragraph in text.Replace("\r", "").Split('\n'))
        {
            var rest = paragraph.Trim();
            if (rest.Length == 0)
            {
                yield return "";
                continue;
            }
            while (rest.Length > 0)
            {
                var take = 1;
                while (take < rest.Length && width(rest[..(take + 1)]) <= maxWidth)
                {
                    take++;
                }
                if (take < rest.Length && !char.IsWhiteSpace(rest[take]) && rest.LastIndexOf(' ', take - 1) is > 0 and var space
                    && char.IsAsciiLetterOrDigit(rest[take]))
                {
                    take = space;
                }
                yield return rest[..take].TrimEnd();
                rest = rest[take..].TrimStart();
            }
        }
    }
}
