using System.Collections.Concurrent;
using CommunityPortal.Data;
using CommunityPortal.Features.GroupQrs;
using CommunityPortal.Features.LiveCodes;
using CommunityPortal.Features.Rendering;
using Microsoft.EntityFrameworkCore;

namespace CommunityPortal.Features.Signups;

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
/// the receipt shows that group's own QR drawn from its stored invite link, so a long-press joins the group directly.
/// </summary>
public sealed class ReceiptGroups(ILiveCodeRoutingState routing, IScanRecorder recorder, IDbContextFactory<PortalDbContext> dbFactory,
    QrImageService qr, ILoggerFactory loggers)
{
    private const int MaxCachedQrs = 1_000;

    // A group QR row never changes its payload (a new QR is a new row), so its drawing is kept by id.
    private readonly ConcurrentDictionary<int, string> _qrs = new();

    /// <summary>Null when the form shows no live code (none chosen, or it was deleted).</summary>
    public async Task<ReceiptGroup?> RouteAsync(HttpContext http, SignupReceipt receipt, CancellationToken ct)
    {
        if (receipt.LiveCodeSlug is not { } slug || routing.Find(slug) is not { } route)
        {
            return null;
        }
        var result = await ScanEndpoints.RouteAndRecordAsync(http, route, receipt.LiveCodeChannelKey, receipt.MemberId, recorder, loggers);
        var path = $"{http.Request.PathBase}/q/{Uri.EscapeDataString(slug)}";
        if (result is not { } routed)
        {
            return new ReceiptGroup(ReceiptGroupKind.NotStored, LiveCodeUrl: LiveCodeUrl(http, path, receipt.LiveCodeChannelKey));
        }
        if (routed is { Outcome: ScanOutcome.Assigned or ScanOutcome.Repeat, Group: { QrId: { } qrId } group })
        {
            // The group (and so its QR rows) deleted since it was routed: the person tries the live code again later.
            return await QrAsync(qrId, ct) is { } image
                ? new ReceiptGroup(ReceiptGroupKind.Group, group.Display?.Name, image)
                : new ReceiptGroup(ReceiptGroupKind.NotStored, LiveCodeUrl: LiveCodeUrl(http, path, receipt.LiveCodeChannelKey));
        }
        if (routed.Outcome == ScanOutcome.Fallback)
        {
            var settings = route.Settings;
            return new ReceiptGroup(ReceiptGroupKind.Fallback,
                ImageSource: settings.FallbackImage is { } staff ? staff.DataUri ?? path + "/fallback-image" : null, Message: settings.FallbackMessage);
        }
        return new ReceiptGroup(ReceiptGroupKind.Unavailable);
    }

    private static string LiveCodeUrl(HttpContext http, string path, string? channelKey) =>
        $"{http.Request.Scheme}://{http.Request.Host}{path}" + (channelKey is { } key ? $"?c={Uri.EscapeDataString(key)}" : "");

    /// <summary>The group's invite link as a PNG data URI: inline, so a slow network needs no second request.</summary>
    private async Task<string?> QrAsync(int qrId, CancellationToken ct)
    {
        if (_qrs.TryGetValue(qrId, out var uri))
        {
            return uri;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var payload = await db.Set<GroupQr>().AsNoTracking().Where(q => q.Id == qrId).Select(q => q.Payload).FirstOrDefaultAsync(ct);
        if (payload is null)
        {
            return null;
        }
        if (_qrs.Count >= MaxCachedQrs)
        {
            _qrs.Clear();
        }
        // 480 px for 240 CSS px: WeChat's long-press reads the image's own pixels, so give each module whole pixels.
        return _qrs[qrId] = "data:image/png;base64," + Convert.ToBase64String(qr.Png(new QrRequest(payload, 480, "M", 4)));
    }
}
