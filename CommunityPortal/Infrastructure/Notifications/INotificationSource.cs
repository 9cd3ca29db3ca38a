using System.Security.Claims;

namespace CommunityPortal.Infrastructure.Notifications;

/// <summary>
/// A feature's notifications for the top-bar bell (docs/adr/032). A source decides who sees what: it is asked per user,
/// and tells when that user's notifications may have changed; the <see cref="NotificationCenter"/> then asks again, works
/// out what was raised, and merges every source. Register one with
/// <see cref="NotificationsRegistration.AddNotificationSource{TSource}"/> (scoped: it may inject scoped services).
/// </summary>
public interface INotificationSource
{
    /// <summary>
    /// The user's notifications from this source now, texts in the current culture (the center calls it in the user's).
    /// Null when this source never notifies this user (e.g. they lack the permission): it is then left out of their bell,
    /// and a user no source notifies sees no bell.
    /// </summary>
    Task<IReadOnlyList<PortalNotification>?> GetAsync(ClaimsPrincipal user, CancellationToken ct = default);

    /// <summary>
    /// Calls <paramref name="changed"/> whenever the user's notifications may have changed (from any thread; it only queues
    /// a new <see cref="GetAsync"/>, coalesced). Signalling too often costs a read, never a wrong toast. Disposing stops it.
    /// </summary>
    IDisposable Subscribe(ClaimsPrincipal user, Action changed);
}
