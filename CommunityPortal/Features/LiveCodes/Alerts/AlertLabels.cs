using System.Globalization;
using CommunityPortal.Infrastructure.Time;
using Microsoft.Extensions.Localization;
using MudBlazor;

using CommunityPortal.Features.LiveCodes.Manage;
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
            LiveCodeAlertKind.ThresholdOverRoom => text["Alert.ThresholdOverRoom", group,
                (alert.Threshold.GetValueOrDefault() - alert.Assigned.GetValueOrDefault()).ToString("N0", CultureInfo.CurrentCulture),
                alert.Seats.GetValueOrDefault().ToString("N0", CultureInfo.CurrentCulture)],
            _ => text["Alert.NoAvailableGroup"],
        };
    }

    /// <summary>Where to fix it: the group page for a group's problem (its QR, its capacity), else the live code.</summary>
    public static string Link(LiveCodeAlert alert) => alert.GroupId is { } group ? $"groups/{group}" : $"livecodes/{alert.LiveCodeId}";

    public static string LinkText(this IStringLocalizer<AlertText> text, LiveCodeAlert alert) => alert.Kind switch
    {
        LiveCodeAlertKind.QrMissing => text["Action.UploadQr"],
        LiveCodeAlertKind.QrExpiring or LiveCodeAlertKind.QrExpired => text["Action.ReplaceQr"],
        LiveCodeAlertKind.ThresholdOverRoom => text["Action.EditGroup"],
        _ => text["Action.OpenLiveCode"],
    };

    public static Color Color(AlertSeverity severity) => severity == AlertSeverity.Critical ? MudBlazor.Color.Error : MudBlazor.Color.Warning;

    public static string CssClass(AlertSeverity severity) => severity == AlertSeverity.Critical ? "sev-critical" : "sev-warning";

    private static string Time(DateTime? utc) => utc is { } d ? PortalTime.ToLocal(d).ToString("g", CultureInfo.CurrentCulture) : "—";
}
