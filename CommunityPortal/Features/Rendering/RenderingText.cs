namespace CommunityPortal.Features.Rendering;

/// <summary>Marker for Resources/Features/Rendering/RenderingText.*.resx.</summary>
public sealed class RenderingText;
