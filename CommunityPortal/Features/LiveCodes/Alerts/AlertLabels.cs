using System.Globalization;
using CommunityPortal.Common;
using Microsoft.Extensions.Localization;

namespace CommunityPortal.Features.LiveCodes.Alerts;

/// <summary>How an alert reads: localized sentence with its figures (portal local time, culture formats), colour, link.</summary>
public static class AlertLabels
{
    public static string Label(this IStringLocalizer<AlertText> text, AlertSeverity severity) => text[$"Severity.{severity}"];

    public static string Describe(this IStringLocalizer<AlertText> text, LiveCodeAlert alert)
    {
        var group = alert.GroupName ?? $"#{alert.GroupId}";
        return alert.Kind switch
        {
            LiveCodeAlertKind.QrExpiring => text["Alert.QrExpiring", group, Time(alert.QrExpiresAt)],
            LiveCodeAlertKind.QrExpired => text["Alert.QrExpired", group, Time(alert.QrExpiresAt)],
            LiveCodeAlertKind.QrMissing => text["Alert.QrMissing", group],
            LiveCodeAlertKind.PoolFilling => text["Alert.PoolFilling", alert.Fill.GetValueOrDefault().ToString("P0", CultureInfo.CurrentCulture),
                alert.Assigned.GetValueOrDefault().ToString("N0", CultureInfo.CurrentCulture),
                alert.Threshold.GetValueOrDefault().ToString("N0", CultureInfo.CurrentCulture)],
            _ => text["Alert.NoAvailableGroup"],
        };
    }

    /// <summary>Where to fix it: the group page (its QR panel) for a QR, else the live code.</summary>
    public static string Link(LiveCodeAlert alert) => alert.GroupId is { } group ? $"groups/{group}" : $"livecodes/{alert.LiveCodeId}";

    public static string LinkText(this IStringLocalizer<AlertText> text, LiveCodeAlert alert) => alert.Kind switch
    {
        LiveCodeAlertKind.QrMissing => text["Action.UploadQr"],
        LiveCodeAlertKind.QrExpiring or LiveCodeAlertKind.QrExpired => text["Action.ReplaceQr"],
        _ => text["Action.OpenLiveCode"],
    };

    public static Radzen.BadgeStyle Style(AlertSeverity severity) =>
        severity == AlertSeverity.Critical ? Radzen.BadgeStyle.Danger : Radzen.BadgeStyle.Warning;

    public static Radzen.NotificationSeverity Toast(AlertSeverity severity) =>
        severity == AlertSeverity.Critical ? Radzen.NotificationSeverity.Error : Radzen.NotificationSeverity.Warning;

    public static string CssClass(AlertSeverity severity) => severity == AlertSeverity.Critical ? "sev-critical" : "sev-warning";

    private static string Time(DateTime? utc) => utc is { } d ? PortalTime.ToLocal(d).ToString("g", CultureInfo.CurrentCulture) : "—";
}
