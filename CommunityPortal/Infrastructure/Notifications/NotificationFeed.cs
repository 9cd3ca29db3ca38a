using System.Globalization;
using System.Security.Claims;

namespace CommunityPortal.Infrastructure.Notifications;

/// <summary>
/// One user's notifications from every source, kept current while open. A source's signal queues a new read of that
/// source (coalesced, one read at a time); what is new by key, or more severe than before, is raised. Reads and
/// <c>onChange</c> run in the culture the feed was opened in: signals come from background threads, and texts must
/// still read in the user's language.
/// </summary>
public sealed class NotificationFeed : IDisposable
{
    private readonly ClaimsPrincipal _user;
    private readonly Action<NotificationUpdate> _onChange;
    private readonly ILogger _logger;
    private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
    private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly CancellationTokenSource _closing = new();
    private readonly List<Part> _parts = [];
    private volatile IReadOnlyList<PortalNotification> _current = [];
    private int _disposed;

    private NotificationFeed(ClaimsPrincipal user, Action<NotificationUpdate> onChange, ILogger logger) =>
        (_user, _onChange, _logger) = (user, onChange, logger);

    /// <summary>Most severe first, then newest; equal ones in source registration order.</summary>
    public IReadOnlyList<PortalNotification> Current => _current;

    internal static async Task<NotificationFeed?> OpenAsync(IReadOnlyList<INotificationSource> sources, ClaimsPrincipal user,
        Action<NotificationUpdate> onChange, ILogger logger, CancellationToken ct)
    {
        var feed = new NotificationFeed(user, onChange, logger);
        await feed._gate.WaitAsync(ct);
        try
        {
            foreach (var source in sources)
            {
                var part = new Part(source);
                feed._parts.Add(part);
                // Subscribed before the first read: a change meanwhile queues a read after this one, so none is lost.
                part.Subscription = source.Subscribe(user, () => feed.Changed(part));
                var (read, items) = await feed.ReadAsync(part, ct);
                if (read && items is null)
                {
                    feed._parts.Remove(part);
                    part.Subscription.Dispose();
                    continue;
                }
                // A source that failed to open shows nothing yet, and is read again at its next signal.
                (part.Items, part.Active) = (items ?? [], true);
            }
            feed._current = Merge(feed._parts);
        }
        catch
        {
            feed.Dispose();
            throw;
        }
        finally
        {
            feed._gate.Release();
        }
        if (feed._parts.Count == 0)
        {
            feed.Dispose();
            return null;
        }
        return feed;
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }
        _closing.Cancel();
        foreach (var part in _parts)
        {
            part.Subscription?.Dispose();
        }
    }

    private bool Disposed => Volatile.Read(ref _disposed) == 1;

    private void Changed(Part part)
    {
        // Off the signalling thread (a source's evaluation loop must not wait for every open bell's read).
        if (!Disposed && Interlocked.Exchange(ref part.Pending, 1) == 0)
        {
            _ = Task.Run(() => RefreshAsync(part));
        }
    }

    private async Task RefreshAsync(Part part)
    {
        // Only this call and what it awaits: an async method's culture changes do not flow back to its caller.
        (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (_culture, _uiCulture);
        try
        {
            await _gate.WaitAsync(_closing.Token);
            try
            {
                // A signal from now on queues another read: this one may already be too early for it.
                Volatile.Write(ref part.Pending, 0);
                if (!part.Active || await ReadAsync(part, _closing.Token) is not (true, var read) || Disposed)
                {
                    return;
                }
                // A source that stopped notifying this user (null) now has nothing for them.
                var items = read ?? [];
                var raised = Raised(part.Items, items);
                if (raised.Count == 0 && items.SequenceEqual(part.Items))
                {
                    return;
                }
                part.Items = items;
                _current = Merge(_parts);
                _onChange(new NotificationUpdate(_current, raised));
            }
            finally
            {
                _gate.Release();
            }
        }
        catch (OperationCanceledException) when (_closing.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "A notification listener failed");
        }
    }

    /// <summary>The source's answer (see <see cref="INotificationSource.GetAsync"/>), or not read when it failed (logged).</summary>
    private async Task<(bool Read, IReadOnlyList<PortalNotification>? Items)> ReadAsync(Part part, CancellationToken ct)
    {
        try
        {
            return (true, await part.Source.GetAsync(_user, ct));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A failing source keeps what it showed and is read again at its next signal: one bad read never empties a bell.
            _logger.LogError(ex, "Notification source {Source} failed", part.Source.GetType().Name);
            return (false, null);
        }
    }

    private static List<PortalNotification> Raised(IReadOnlyList<PortalNotification> before, IReadOnlyList<PortalNotification> after)
    {
        var known = before.DistinctBy(n => n.Key).ToDictionary(n => n.Key, n => n.Severity);
        return [.. after.Where(n => !known.TryGetValue(n.Key, out var severity) || n.Severity > severity)];
    }

    private static IReadOnlyList<PortalNotification> Merge(List<Part> parts) =>
        [.. parts.SelectMany(p => p.Items).OrderByDescending(n => n.Severity).ThenByDescending(n => n.Time)];

    private sealed class Part(INotificationSource source)
    {
        public INotificationSource Source { get; } = source;
        public IDisposable? Subscription { get; set; }
        public IReadOnlyList<PortalNotification> Items { get; set; } = [];
        public bool Active { get; set; }
        public int Pending;
    }
}
