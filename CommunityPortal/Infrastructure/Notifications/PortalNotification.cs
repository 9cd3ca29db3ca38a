namespace CommunityPortal.Infrastructure.Notifications;

/// <summary>How urgent a notification is: the bell lists the most severe first, and colours its count by the worst.</summary>
public enum NotificationSeverity
{
    Info = 0,
    Warning = 1,
    Critical = 2,
}

/// <summary>
/// One thing the signed-in user should know, as a source gives it. <paramref name="Key"/> names it within its source and
/// stays the same while it lasts, whatever its texts or severity: a key the user has not had yet, or a severity that rose,
/// is toasted. <paramref name="Title"/> and <paramref name="Text"/> are already in the user's language;
/// <paramref name="Link"/> is relative to the portal's base (e.g. <c>groups/12</c>) or null; <paramref name="Time"/> is
/// when it happened or fell due, and orders notifications of the same severity (newest first).
/// </summary>
public sealed record PortalNotification(
    string Key,
    string Source,
    NotificationSeverity Severity,
    string Title,
    string Text,
    string? Link,
    DateTimeOffset Time);

/// <summary>
/// A user's notifications after a change: all of them (most severe first, then newest) and those just raised (to toast).
/// </summary>
public sealed record NotificationUpdate(IReadOnlyList<PortalNotification> Current, IReadOnlyList<PortalNotification> Raised);
