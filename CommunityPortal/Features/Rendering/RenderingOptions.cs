namespace CommunityPortal.Features.Rendering;

/// <summary>Configuration section "Rendering": which TrueType font (and face of a .ttc) posters use.</summary>
public sealed class RenderingOptions
{
    public string? FontPath { get; set; }
    public int FontFaceIndex { get; set; }

    /// <summary>A commercial PdfSharp key; without one, PdfSharp runs under its AGPL-3.0 licence.</summary>
    public string? PdfSharpLicenseKey { get; set; }
}
