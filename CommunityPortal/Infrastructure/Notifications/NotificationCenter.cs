using System.Security.Claims;

namespace CommunityPortal.Infrastructure.Notifications;

/// <summary>Opens a user's feed over every registered <see cref="INotificationSource"/> (one feed per bell, i.e. per circuit).</summary>
public sealed class NotificationCenter(IEnumerable<INotificationSource> sources, ILogger<NotificationCenter> logger)
{
    /// <summary>
    /// The user's notifications now, and <paramref name="onChange"/> after each change, in the culture this is called in.
    /// Null when no source notifies this user. Dispose the feed to stop listening.
    /// </summary>
    public Task<NotificationFeed?> OpenAsync(ClaimsPrincipal user, Action<NotificationUpdate> onChange, CancellationToken ct = default) =>
        NotificationFeed.OpenAsync([.. sources], user, onChange, logger, ct);
}
