using System.Globalization;
using System.Security.Claims;
using CommunityPortal.Infrastructure.Notifications;

namespace CommunityPortal.Tests.Infrastructure.Notifications;

/// <summary>
/// A second source, shaped like a task reminder: each notification belongs to one user (by name), and users it does not
/// serve get null. Like a naive source it signals every subscriber on any change, so per-user filtering rests on
/// <see cref="GetAsync"/> alone. Texts are suffixed with the culture they were read in.
/// </summary>
public sealed class FakeNotificationSource(params string[] servedUsers) : INotificationSource
{
    public const string Name = "sop";

    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<PortalNotification>> _byUser = [];
    private readonly List<Action> _subscribers = [];

    public bool Fails { get; set; }

    public int Subscribers
    {
        get
        {
            lock (_gate)
            {
                return _subscribers.Count;
            }
        }
    }

    public static PortalNotification Note(string key, NotificationSeverity severity, string title, DateTimeOffset time, string? link = null,
        string text = "") => new(key, Name, severity, title, text, link, time);

    /// <summary>Adds or replaces (same key) one of <paramref name="user"/>'s notifications.</summary>
    public void Put(string user, PortalNotification notification)
    {
        lock (_gate)
        {
            var list = _byUser.TryGetValue(user, out var l) ? l : _byUser[user] = [];
            var index = list.FindIndex(n => n.Key == notification.Key);
            if (index >= 0)
            {
                list[index] = notification;
            }
            else
            {
                list.Add(notification);
            }
        }
        Signal();
    }

    public void Remove(string user, string key)
    {
        lock (_gate)
        {
            _byUser.GetValueOrDefault(user)?.RemoveAll(n => n.Key == key);
        }
        Signal();
    }

    public Task<IReadOnlyList<PortalNotification>?> GetAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (Fails)
        {
            throw new InvalidOperationException("the source is down");
        }
        var name = user.Identity?.Name ?? "";
        if (!servedUsers.Contains(name))
        {
            return Task.FromResult<IReadOnlyList<PortalNotification>?>(null);
        }
        lock (_gate)
        {
            IReadOnlyList<PortalNotification> mine = [.. _byUser.GetValueOrDefault(name, [])
                .Select(n => n with { Text = $"{n.Text}[{CultureInfo.CurrentUICulture.Name}]" })];
            return Task.FromResult<IReadOnlyList<PortalNotification>?>(mine);
        }
    }

    public IDisposable Subscribe(ClaimsPrincipal user, Action changed)
    {
        lock (_gate)
        {
            _subscribers.Add(changed);
        }
        return new Unsubscribe(this, changed);
    }

    private void Signal()
    {
        Action[] subscribers;
        lock (_gate)
        {
            subscribers = [.. _subscribers];
        }
        foreach (var changed in subscribers)
        {
            changed();
        }
    }

    private sealed class Unsubscribe(FakeNotificationSource source, Action changed) : IDisposable
    {
        public void Dispose()
        {
            lock (source._gate)
            {
                source._subscribers.Remove(changed);
            }
        }
    }
}
