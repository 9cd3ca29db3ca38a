using System.Collections.Concurrent;
using PdfSharp.Fonts;

namespace CommunityPortal.Infrastructure.Rendering;

/// <summary>
/// Hands PDFsharp the poster face's bytes: PDFsharp finds no fonts on Linux by itself and reads single-face files only.
/// PDFsharp takes one resolver per process, set before its first font, so this one is installed once and serves every
/// face registered (one per configured file and face index), each under its own family name.
/// </summary>
internal sealed class PosterFontResolver : IFontResolver
{
    private static readonly ConcurrentDictionary<string, Lazy<byte[]>> Faces = new(StringComparer.Ordinal);

    private static readonly Lazy<PosterFontResolver> Installed = new(() =>
    {
        var resolver = new PosterFontResolver();
        GlobalFontSettings.FontResolver = resolver;
        return resolver;
    });

    private PosterFontResolver()
    {
    }

    /// <summary>Registers a face (its bytes read when PDFsharp first asks) and returns the family name to ask for it by.</summary>
    public static string Register(string path, int faceIndex, Func<byte[]> face)
    {
        _ = Installed.Value;
        var family = $"poster-{faceIndex}-{path}";
        Faces.TryAdd(family, new Lazy<byte[]>(face));
        return family;
    }

    /// <summary>The face has one weight: bold is PDFsharp's simulation (outline stroked as well as filled).</summary>
    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        Faces.ContainsKey(familyName) ? new FontResolverInfo(familyName, bold, italic) : null;

    public byte[]? GetFont(string faceName) => Faces.TryGetValue(faceName, out var face) ? face.Value : null;
}
