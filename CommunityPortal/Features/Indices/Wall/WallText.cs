namespace CommunityPortal.Features.Indices.Wall;

/// <summary>Marker for WallText.resx and WallText.zh-CN.resx beside it: the wall screen and its links.</summary>
public sealed class WallText;
