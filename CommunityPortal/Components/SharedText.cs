namespace CommunityPortal.Components;

/// <summary>Marker for SharedText.resx and SharedText.zh-CN.resx beside it.</summary>
public sealed class SharedText;
