namespace CommunityPortal.Features.Rendering;

/// <summary>Configuration section "Rendering": which TrueType font (and face of a .ttc) posters use.</summary>
public sealed class RenderingOptions
{
    public string? FontPath { get; set; }
    public int FontFaceIndex { get; set; }

    public const string Agpl = "AGPL-3.0-only";

    /// <summary>
    /// PdfSharp 6.5 (posters) is AGPL-3.0-only unless a commercial key is loaded. Nothing is chosen for the operator:
    /// posters stay off until this is "AGPL-3.0-only" (accepting that licence) or a commercial key (docs/adr/010).
    /// </summary>
    public string? PdfSharpLicense { get; set; }

    public bool PostersEnabled => !string.IsNullOrWhiteSpace(PdfSharpLicense);
}
