using SkiaSharp;

namespace CommunityPortal.Infrastructure.Rendering;

/// <summary>
/// The one CJK-capable TrueType face posters are measured and printed with (docs/adr/010, 022), loaded once per
/// process: Debian's WenQuanYi Micro Hei by default, or Rendering:FontPath / Rendering:FontFaceIndex. SkiaSharp reads
/// the face for measuring, the glyph check and the PNG; PDFsharp gets the same face as a standalone .ttf.
/// </summary>
public sealed class PosterFont(RenderingOptions options) : IDisposable
{
    /// <summary>Where Debian's fonts-wqy-microhei puts its collection; face 0 is the proportional one.</summary>
    public const string DefaultPath = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc";

    private readonly Lazy<Face> _face = new(() => Load(options));

    /// <summary>The face for SkiaSharp (the PNG poster); shared, never disposed by a caller.</summary>
    internal SKTypeface Typeface => _face.Value.Typeface;

    /// <summary>The family name under which <see cref="PosterFontResolver"/> hands this face to PDFsharp.</summary>
    internal string PdfFamily => _face.Value.PdfFamily;

    /// <summary>Whether the face has a glyph for the code point (emoji and rare symbols usually have none).</summary>
    public bool Has(int codePoint) => _face.Value.Metrics.ContainsGlyph(codePoint);

    /// <summary>
    /// The advance width of the text set at sizeMm, in mm: the sum of the glyphs' advances, unhinted, as both PDFsharp
    /// and SkiaSharp place them, so every writer breaks lines where this says.
    /// </summary>
    public double Measure(string text, double sizeMm)
    {
        var face = _face.Value;
        return text.Length == 0 ? 0 : face.Metrics.MeasureText(text) * sizeMm / face.Metrics.Size;
    }

    public void Dispose()
    {
        if (_face.IsValueCreated)
        {
            _face.Value.Metrics.Dispose();
            _face.Value.Typeface.Dispose();
        }
    }

    private sealed record Face(SKTypeface Typeface, SKFont Metrics, string PdfFamily);

    private static Face Load(RenderingOptions options)
    {
        var file = string.IsNullOrWhiteSpace(options.FontPath) ? DefaultPath : options.FontPath;
        if (!File.Exists(file))
        {
            throw new InvalidOperationException(
                $"The poster font {file} is missing: install the Debian package fonts-wqy-microhei (scripts/install-prereqs.sh).");
        }
        var typeface = SKTypeface.FromFile(file, options.FontFaceIndex)
            ?? throw new InvalidOperationException($"The poster font {file} has no face {options.FontFaceIndex} that SkiaSharp can read.");
        // Measured at one em = the font's own units, so the advances are the font's integers, whatever size is printed.
        var metrics = new SKFont(typeface, typeface.UnitsPerEm)
        {
            LinearMetrics = true,
            Subpixel = true,
            Hinting = SKFontHinting.None,
        };
        var pdfFamily = PosterFontResolver.Register(file, options.FontFaceIndex, () => FontCollection.ExtractFace(File.ReadAllBytes(file), options.FontFaceIndex));
        return new Face(typeface, metrics, pdfFamily);
    }
}
