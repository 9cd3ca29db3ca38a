
namespace CommunityPortal.Features.Posters;

/// <summary>Marker for BatchText.resx and BatchText.zh-CN.resx beside it.</summary>
public sealed class BatchText;
