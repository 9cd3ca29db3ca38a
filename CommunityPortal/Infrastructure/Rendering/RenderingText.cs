
namespace CommunityPortal.Infrastructure.Rendering;

/// <summary>Marker for RenderingText.resx and RenderingText.zh-CN.resx beside it.</summary>
public sealed class RenderingText;
