using CommunityPortal.Infrastructure.Web;
using CommunityPortal.Features.LiveCodes;
using CommunityPortal.Features.LiveCodes.Routing;
using CommunityPortal.Features.LiveCodes.Scanning;
using CommunityPortal.Features.Visitors;

namespace CommunityPortal.Features.Signups.Public;

public enum ReceiptGroupKind
{
    /// <summary>A group of the live code's pool: its own QR to long-press.</summary>
    Group,
    /// <summary>No group has room: the live code's fallback message and staff QR.</summary>
    Fallback,
    /// <summary>The live code shows no group now (expired, paused, not started, or the client is a bot).</summary>
    Unavailable,
    /// <summary>The scan could not be stored, so no group may be shown: the person opens the live code later.</summary>
    NotStored,
}

/// <summary>What the receipt shows under the member number. <see cref="ImageSource"/> is a data URI or a URL.</summary>
public sealed record ReceiptGroup(ReceiptGroupKind Kind, string? Name = null, string? ImageSource = null, string? Message = null,
    string? LiveCodeUrl = null);

/// <summary>
/// The receipt's group (ADR 028): the person is routed through the form's live code exactly as a scan of /q/{slug}
/// routes them (the same router, visitor cookie, thresholds, bots, fallback, and a stored scan with its channel), and
/// the receipt shows that group's own QR, the one the scan page shows (drawn from its stored invite link, ADR 023), so a
/// long-press joins the group directly.
/// </summary>
/// <remarks>
/// This scan is not part of the sign-up's transaction (SignupService): every scan, the receipt's included, goes through
/// the scan writer's group commit (ScanWriter, ADR 028), which keeps the live code's counts and its write lock in one
/// place. It runs after the sign-up is committed, and a scan that cannot be stored only changes what the receipt shows.
/// </remarks>
public sealed class ReceiptGroups(ILiveCodeRoutingState routing, IScanRecorder recorder, VisitorCookie visitors, PublicAddress address,
    ILoggerFactory loggers)
{
    /// <summary>Null when the form shows no live code (none chosen, or it was deleted).</summary>
    public async Task<ReceiptGroup?> RouteAsync(HttpContext http, SignupReceipt receipt)
    {
        if (receipt.LiveCodeSlug is not { } slug || routing.Find(slug) is not { } route)
        {
            return null;
        }
        var result = await ScanEndpoints.RouteAndRecordAsync(http, route, receipt.LiveCodeChannelKey, receipt.MemberId, visitors, recorder, loggers);
        var path = $"{http.Request.PathBase}/q/{Uri.EscapeDataString(slug)}";
        return result switch
        {
            null => new ReceiptGroup(ReceiptGroupKind.NotStored,
                LiveCodeUrl: address.BaseFor(http.Request) + $"q/{Uri.EscapeDataString(slug)}"
                    + (receipt.LiveCodeChannelKey is { } key ? $"?c={Uri.EscapeDataString(key)}" : "")),
            // Routing only gives a group with a current QR, and its drawing is always inline.
            { Outcome: ScanOutcome.Assigned or ScanOutcome.Repeat, Group.Display: { Qr.DataUri: { } image } display } =>
                new ReceiptGroup(ReceiptGroupKind.Group, display.Name, image),
            { Outcome: ScanOutcome.Fallback } => new ReceiptGroup(ReceiptGroupKind.Fallback,
                ImageSource: route.Settings.FallbackImage is { } staff ? staff.DataUri ?? path + "/fallback-image" : null,
                Message: route.Settings.FallbackMessage),
            _ => new ReceiptGroup(ReceiptGroupKind.Unavailable),
        };
    }
}
