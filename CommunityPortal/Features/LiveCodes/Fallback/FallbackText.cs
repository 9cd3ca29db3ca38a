
namespace CommunityPortal.Features.LiveCodes.Fallback;

/// <summary>Marker for FallbackText.resx and FallbackText.zh-CN.resx beside it.</summary>
public sealed class FallbackText;
