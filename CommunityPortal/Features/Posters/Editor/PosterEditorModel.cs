using CommunityPortal.Infrastructure.Rendering;

namespace CommunityPortal.Features.Posters.Editor;

/// <summary>What the poster editor edits: the poster and the pixel size of a separate QR download.</summary>
public sealed class PosterEditorModel
{
    public PosterSpec Spec { get; } = new();

    public int QrSizePixels { get; set; } = 1024;
}
