namespace CommunityPortal.Features.Rendering;

/// <summary>Marker for Resources/Features/Rendering/BatchText.*.resx: batch posters and the QR download dialog.</summary>
public sealed class BatchText;
