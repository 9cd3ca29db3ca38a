
namespace CommunityPortal.Infrastructure.Rendering;

/// <summary>Configuration section "Rendering": which TrueType font (and face of a .ttc) posters use.</summary>
public sealed class RenderingOptions
{
    public string? FontPath { get; set; }

    public int FontFaceIndex { get; set; }
}
