
namespace CommunityPortal.Infrastructure.Notifications;

/// <summary>Marker for NotificationText.resx and NotificationText.zh-CN.resx beside it (the bell's own texts).</summary>
public sealed class NotificationText;
