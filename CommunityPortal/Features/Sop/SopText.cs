namespace CommunityPortal.Features.Sop;

/// <summary>Marker for SopText.resx and SopText.zh-CN.resx beside it.</summary>
public sealed class SopText;
