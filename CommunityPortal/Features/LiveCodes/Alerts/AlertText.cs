namespace CommunityPortal.Features.LiveCodes;

/// <summary>Marker for AlertText.resx and AlertText.zh-CN.resx beside it.</summary>
public sealed class AlertText;
