
namespace CommunityPortal.Features.LiveCodes.Alerts;

public enum LiveCodeAlertKind
{
    /// <summary>A pool group's QR expires within 3 days (warning) or 24 hours (critical).</summary>
    QrExpiring,
    /// <summary>A pool group's QR has expired: scans skip the group.</summary>
    QrExpired,
    /// <summary>A pool group has no QR: scans skip the group.</summary>
    QrMissing,
    /// <summary>The pool has used 80 % (warning) or all (critical) of its total threshold.</summary>
    PoolFilling,
    /// <summary>The code takes scans but no group is available: everyone gets the fallback.</summary>
    NoAvailableGroup,
    /// <summary>
    /// An open pool group would still be given more people (its threshold less those already sent) than it has seats
    /// left: the people beyond them are routed there but cannot join.
    /// </summary>
    ThresholdOverRoom,
}

public enum AlertSeverity
{
    Warning = 1,
    Critical = 2,
}

/// <summary>
/// One health problem of a live code, with the figures behind it (ThresholdOverRoom: Threshold, Assigned and Seats
/// of the group). <see cref="Key"/> names the problem (kind, code,
/// group) and stays the same while it lasts, whatever its severity or figures.
/// </summary>
public sealed record LiveCodeAlert(
    LiveCodeAlertKind Kind,
    AlertSeverity Severity,
    int LiveCodeId,
    string LiveCodeName,
    int? GroupId = null,
    string? GroupName = null,
    DateTime? QrExpiresAt = null,
    int? Assigned = null,
    int? Threshold = null,
    int? Seats = null)
{
    public string Key => GroupId is { } group ? $"{Kind}:{LiveCodeId}:{group}" : $"{Kind}:{LiveCodeId}";

    /// <summary>Share of the pool's total threshold used (PoolFilling), rounded down so 79.6 % never reads as 80 %.</summary>
    public double? Fill => Threshold is > 0 and var total ? Math.Floor(100.0 * Assigned.GetValueOrDefault() / total) / 100 : null;
}

/// <summary>One evaluation's news: alerts raised (new, or more severe than before), alerts cleared, and the whole set.</summary>
public sealed record LiveCodeAlertUpdate(
    IReadOnlyList<LiveCodeAlert> Raised,
    IReadOnlyList<LiveCodeAlert> Cleared,
    IReadOnlyList<LiveCodeAlert> Current);
