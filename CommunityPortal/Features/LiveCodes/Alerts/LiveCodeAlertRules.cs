using CommunityPortal.Features.LiveCodes.Manage;
using CommunityPortal.Features.Matrix;

using CommunityPortal.Features.LiveCodes.Routing;
namespace CommunityPortal.Features.LiveCodes.Alerts;

/// <summary>
/// What is wrong with each live code right now, read from the routing state in memory (the same figures the scans
/// are routed by). A plain class: no database, the clock injected.
/// </summary>
public sealed class LiveCodeAlertRules(TimeProvider clock)
{
    public static readonly TimeSpan QrWarningBefore = TimeSpan.FromDays(3);
    public static readonly TimeSpan QrCriticalBefore = TimeSpan.FromHours(24);
    public const int PoolWarningPercent = 80;

    /// <summary>Every code's alerts; a code missing from <paramref name="names"/> is named by its slug.</summary>
    public IReadOnlyList<LiveCodeAlert> Evaluate(IEnumerable<LiveCodeRoute> routes, IReadOnlyDictionary<int, string> names)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var alerts = new List<LiveCodeAlert>();
        foreach (var route in routes)
        {
            alerts.AddRange(For(route, names.GetValueOrDefault(route.Settings.Id) ?? route.Settings.Slug, now));
        }
        return alerts;
    }

    private static IEnumerable<LiveCodeAlert> For(LiveCodeRoute route, string name, DateTime now)
    {
        var settings = route.Settings;
        var state = LiveCodeLabels.StateOf(settings.IsPaused, settings.ValidFrom, settings.ValidUntil, now);
        // An ended code takes no more scans: nothing about it needs doing. A paused or future one will, so its QRs and
        // pool still count; only "no group available" waits until it takes scans.
        if (state == LiveCodeState.Ended)
        {
            yield break;
        }
        var router = route.Router;
        int assigned = 0, total = 0;
        foreach (var group in router.Pool)
        {
            var count = router.AssignedTo(group.GroupId);
            // A threshold lowered below the people already sent must not hide the room left in other groups.
            assigned += Math.Min(count, group.Threshold);
            total += group.Threshold;
            if (QrAlert(group, count, settings.Id, name, now) is { } alert)
            {
                yield return alert;
            }
            if (RoomAlert(group, count, settings.Id, name) is { } room)
            {
                yield return room;
            }
        }
        if (total > 0 && assigned * 100L >= total * (long)PoolWarningPercent)
        {
            yield return new LiveCodeAlert(LiveCodeAlertKind.PoolFilling, assigned >= total ? AlertSeverity.Critical : AlertSeverity.Warning,
                settings.Id, name, Assigned: assigned, Threshold: total);
        }
        if (state == LiveCodeState.Active && router.Peek(now) is null)
        {
            yield return new LiveCodeAlert(LiveCodeAlertKind.NoAvailableGroup, AlertSeverity.Critical, settings.Id, name);
        }
    }

    /// <summary>
    /// Warns when an open group would still be given more people than it has seats left: joining by scan stops at the
    /// group's capacity and at WeChat's 200, and routing counts people sent, not people who joined (a join is not known
    /// when the scan is routed), so the threshold is all that stops it. A group with no seat left is skipped by routing.
    /// </summary>
    public static LiveCodeAlert? RoomAlert(PoolGroup group, int assigned, int liveCodeId, string name)
    {
        var seats = Math.Min(group.Capacity, PoolGroup.WeChatQrJoinLimit) - group.MemberCount;
        var stillToSend = group.Threshold - assigned;
        return group.Status == GroupStatus.Open && seats > 0 && stillToSend > seats
            ? new LiveCodeAlert(LiveCodeAlertKind.ThresholdOverRoom, AlertSeverity.Warning, liveCodeId, name, group.GroupId, group.Display?.Name,
                Assigned: assigned, Threshold: group.Threshold, Seats: seats)
            : null;
    }

    private static LiveCodeAlert? QrAlert(PoolGroup group, int assigned, int liveCodeId, string name, DateTime now)
    {
        // A group that takes nobody anyway (not open, full, at its threshold) needs no new QR.
        if (group.Status != GroupStatus.Open || group.MemberCount >= group.Capacity
            || group.MemberCount >= PoolGroup.WeChatQrJoinLimit || assigned >= group.Threshold)
        {
            return null;
        }
        var (kind, severity) = group switch
        {
            { QrId: null } or { QrExpiresAt: null } => (LiveCodeAlertKind.QrMissing, AlertSeverity.Critical),
            _ when !group.HasLiveQr(now) => (LiveCodeAlertKind.QrExpired, AlertSeverity.Critical),
            _ when group.QrExpiresAt - now <= QrCriticalBefore => (LiveCodeAlertKind.QrExpiring, AlertSeverity.Critical),
            _ when group.QrExpiresAt - now <= QrWarningBefore => (LiveCodeAlertKind.QrExpiring, AlertSeverity.Warning),
            _ => ((LiveCodeAlertKind?)null, AlertSeverity.Warning),
        };
        return kind is { } k
            ? new LiveCodeAlert(k, severity, liveCodeId, name, group.GroupId, group.Display?.Name, QrExpiresAt: group.QrExpiresAt)
            : null;
    }
}
