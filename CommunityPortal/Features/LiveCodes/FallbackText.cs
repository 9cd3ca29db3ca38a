namespace CommunityPortal.Features.LiveCodes;

/// <summary>Marker for Resources/Features/LiveCodes/FallbackText.*.resx: the fallback image panel.</summary>
public sealed class FallbackText;
