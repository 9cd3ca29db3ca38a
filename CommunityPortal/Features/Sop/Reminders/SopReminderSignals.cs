using System.Collections.Concurrent;

namespace CommunityPortal.Features.Sop.Reminders;

/// <summary>
/// Tells open bells that a user's SOP notifications may have changed: the assignees of tasks just reminded, flagged or
/// settled, and — for overdue flags, and for settled tasks that were late — everyone who manages. Of this process only
/// (ADR 032); the marks themselves are in the database, so a bell opened anywhere later lists them.
/// </summary>
public sealed class SopReminderSignals : IDisposable
{
    private readonly Lock _gate = new();
    private readonly ConcurrentDictionary<string, bool> _manages = new(StringComparer.Ordinal);
    private readonly ILogger<SopReminderSignals> _logger;
    private readonly IDisposable _events;
    private Listener[] _listeners = [];

    public SopReminderSignals(DomainEventBus events, ILogger<SopReminderSignals> logger)
    {
        _logger = logger;
        _events = events.Subscribe(OnEvent);
    }

    /// <summary>Calls <paramref name="changed"/> when <paramref name="userId"/>'s notifications may have changed; dispose to stop.</summary>
    public IDisposable Subscribe(string userId, Action changed)
    {
        var listener = new Listener(this, userId, changed);
        lock (_gate)
        {
            _listeners = [.. _listeners, listener];
        }
        return listener;
    }

    /// <summary>
    /// Whether the user manages (sees overdue flags), as their bell last found it. Until known, a user counts as one: a
    /// signal too many costs a read, a signal too few a missed toast.
    /// </summary>
    public void Remember(string userId, bool manages) => _manages[userId] = manages;

    public void Signal(IReadOnlyCollection<string> assignees, bool managers)
    {
        var concerned = assignees as ISet<string> ?? new HashSet<string>(assignees, StringComparer.Ordinal);
        foreach (var listener in Volatile.Read(ref _listeners))
        {
            if (concerned.Contains(listener.UserId) || (managers && (!_manages.TryGetValue(listener.UserId, out var manages) || manages)))
            {
                // A listener only queues a read (INotificationSource.Subscribe): it is quick and must not stop the others.
                try
                {
                    listener.Changed();
                }
                catch (Exception ex)
                {
                    _logger.LogError(ex, "An SOP notification listener failed");
                }
            }
        }
    }

    public void Dispose() => _events.Dispose();

    // A settled task leaves its assignee's bell, and a manager's when it had been flagged: only a late task can have been.
    private void OnEvent(IDomainEvent e)
    {
        if (e is SopTaskSettled settled)
        {
            Signal(settled.AssigneeId is { } assignee ? [assignee] : [], managers: !settled.OnTime);
        }
    }

    private void Remove(Listener listener)
    {
        lock (_gate)
        {
            var index = Array.IndexOf(_listeners, listener);
            if (index >= 0)
            {
                _listeners = [.. _listeners[..index], .. _listeners[(index + 1)..]];
            }
        }
    }

    private sealed class Listener(SopReminderSignals signals, string userId, Action changed) : IDisposable
    {
        public string UserId { get; } = userId;

        public Action Changed { get; } = changed;

        public void Dispose() => signals.Remove(this);
    }
}
