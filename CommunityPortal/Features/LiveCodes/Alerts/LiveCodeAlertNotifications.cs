using System.Security.Claims;
using CommunityPortal.Infrastructure.Notifications;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Localization;

namespace CommunityPortal.Features.LiveCodes.Alerts;

/// <summary>
/// Live-code alerts in the top-bar bell (ADR 012, 032), for those who can act on them: users who pass the Edit policy
/// (operators and up). Each alert reads as the code's name and what is wrong, and opens the page where it is fixed.
/// </summary>
public sealed class LiveCodeAlertNotifications(LiveCodeAlertMonitor monitor, IAuthorizationService authorization,
    IStringLocalizer<AlertText> text) : INotificationSource
{
    public const string Source = "livecodes";

    public async Task<IReadOnlyList<PortalNotification>?> GetAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (!(await authorization.AuthorizeAsync(user, Policies.Edit)).Succeeded)
        {
            return null;
        }
        return [.. monitor.Current.Select(alert => new PortalNotification(alert.Key, Source, Severity(alert.Severity), alert.LiveCodeName,
            text.Describe(alert), AlertLabels.Link(alert), monitor.RaisedAt(alert)))];
    }

    /// <summary>Every change of the set concerns every operator alike.</summary>
    public IDisposable Subscribe(ClaimsPrincipal user, Action changed) => monitor.Subscribe(_ => changed());

    private static NotificationSeverity Severity(AlertSeverity severity) =>
        severity == AlertSeverity.Critical ? NotificationSeverity.Critical : NotificationSeverity.Warning;
}
