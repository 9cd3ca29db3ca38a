namespace CommunityPortal.Features.Rendering;

/// <summary>Marker for BatchText.resx and BatchText.zh-CN.resx beside it.</summary>
public sealed class BatchText;
