
namespace CommunityPortal.Features.LiveCodes.Alerts;

/// <summary>Marker for AlertText.resx and AlertText.zh-CN.resx beside it.</summary>
public sealed class AlertText;
