namespace CommunityPortal.Features.LiveCodes;

/// <summary>Marker for FallbackText.resx and FallbackText.zh-CN.resx beside it.</summary>
public sealed class FallbackText;
