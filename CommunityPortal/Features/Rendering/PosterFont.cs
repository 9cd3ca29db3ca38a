using CommunityPortal.Features.Rendering.Pdf;

namespace CommunityPortal.Features.Rendering;

/// <summary>
/// The one CJK-capable TrueType face posters are measured and printed with (docs/adr/010, 019), read once per process:
/// Debian's WenQuanYi Micro Hei by default, or Rendering:FontPath / Rendering:FontFaceIndex.
/// </summary>
public sealed class PosterFont(RenderingOptions options)
{
    /// <summary>Where Debian's fonts-wqy-microhei puts its collection; face 0 is the proportional one.</summary>
    public const string DefaultPath = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc";

    private readonly Lazy<TrueTypeFont> _font = new(() => Load(options));

    internal TrueTypeFont Font => _font.Value;

    private static TrueTypeFont Load(RenderingOptions options)
    {
        var file = string.IsNullOrWhiteSpace(options.FontPath) ? DefaultPath : options.FontPath;
        if (!File.Exists(file))
        {
            throw new InvalidOperationException(
                $"The poster font {file} is missing: install the Debian package fonts-wqy-microhei (scripts/install-prereqs.sh).");
        }
        return TrueTypeFont.Parse(FontCollection.ExtractFace(File.ReadAllBytes(file), options.FontFaceIndex));
    }
}
