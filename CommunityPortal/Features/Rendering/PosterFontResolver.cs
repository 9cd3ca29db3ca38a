using PdfSharp.Fonts;

namespace CommunityPortal.Features.Rendering;

/// <summary>
/// Gives PdfSharp one CJK-capable TrueType face for every family it asks for (see docs/adr/010-poster-fonts.md).
/// Bold is simulated: WenQuanYi Micro Hei has a single weight.
/// </summary>
internal sealed class PosterFontResolver(string path, int faceIndex) : IFontResolver
{
    public const string FaceName = "PosterCjk";

    /// <summary>Where Debian's fonts-wqy-microhei puts its collection; face 0 is the proportional one.</summary>
    public const string DefaultPath = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc";

    private readonly Lazy<byte[]> _face = new(() => FontCollection.ExtractFace(File.ReadAllBytes(path), faceIndex));

    public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(FaceName, bold, italic);

    public byte[]? GetFont(string faceName) => faceName == FaceName ? _face.Value : null;

    private static readonly Lock Gate = new();

    /// <summary>
    /// PdfSharp keeps its licence and font resolver in statics; set them once per process.
    /// PdfSharp 6.5 (the only version in the registry here) is AGPL-3.0 unless a commercial key is
    /// loaded: Rendering:PdfSharpLicense says which, and PosterService refuses to run without it (docs/adr/010).
    /// </summary>
    public static void EnsureInstalled(RenderingOptions options)
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is PosterFontResolver)
            {
                return;
            }
            if (!options.PostersEnabled)
            {
                throw new InvalidOperationException("Rendering:PdfSharpLicense is not set (docs/adr/010-poster-fonts.md).");
            }
            if (options.PdfSharpLicense == RenderingOptions.Agpl)
            {
                PdfSharp.PdfSharpLicense.SetAgplLicense();
            }
            else
            {
                PdfSharp.PdfSharpLicense.LoadLicense(options.PdfSharpLicense!);
            }
            var (path, faceIndex) = (options.FontPath, options.FontFaceIndex);
            var file = string.IsNullOrWhiteSpace(path) ? DefaultPath : path;
            if (!File.Exists(file))
            {
                throw new InvalidOperationException(
                    $"The poster font {file} is missing: install the Debian package fonts-wqy-microhei (scripts/install-prereqs.sh).");
            }
            GlobalFontSettings.FontResolver = new PosterFontResolver(file, faceIndex);
        }
    }
}
