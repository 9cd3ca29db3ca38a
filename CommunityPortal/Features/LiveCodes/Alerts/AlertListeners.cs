using System.Globalization;

namespace CommunityPortal.Features.LiveCodes.Alerts;

/// <summary>
/// The monitor's subscribers. Each listener runs in the culture it subscribed in: evaluations happen on a background
/// thread, and a component's texts (and a toast) must still read in its user's language.
/// </summary>
internal sealed class AlertListeners(ILogger logger)
{
    private readonly Lock _gate = new();
    private Listener[] _listeners = [];

    public IDisposable Subscribe(Action<LiveCodeAlertUpdate> onChange)
    {
        var listener = new Listener(onChange, CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        lock (_gate)
        {
            _listeners = [.. _listeners, listener];
        }
        return new Subscription(this, listener);
    }

    public void Publish(LiveCodeAlertUpdate update)
    {
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        foreach (var listener in Volatile.Read(ref _listeners))
        {
            try
            {
                (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (listener.Culture, listener.UICulture);
                listener.OnChange(update);
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "A live-code alert listener failed");
            }
            finally
            {
                (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
            }
        }
    }

    private void Unsubscribe(Listener listener)
    {
        lock (_gate)
        {
            var index = Array.FindIndex(_listeners, l => ReferenceEquals(l, listener));
            if (index >= 0)
            {
                _listeners = [.. _listeners[..index], .. _listeners[(index + 1)..]];
            }
        }
    }

    private sealed record Listener(Action<LiveCodeAlertUpdate> OnChange, CultureInfo Culture, CultureInfo UICulture);

    private sealed class Subscription(AlertListeners owner, Listener listener) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.Unsubscribe(listener);
            }
        }
    }
}
