namespace CommunityPortal.Features.Indices;

/// <summary>Marker for IndicesText.resx and IndicesText.zh-CN.resx beside it.</summary>
public sealed class IndicesText;
