using CommunityPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace CommunityPortal.Features.LiveCodes.Scanning;

/// <summary>
/// Puts a visitor's anonymous scans on a member's timeline once that visitor signs up in the same browser (the visitor
/// cookie reaches /s), and tells the sign-up which channel code brought the visitor when its link carried none.
/// Scans made afterwards carry the member directly (the member cookie reaches /q). Both run in the caller's context,
/// so the sign-up reads and writes them inside its own transaction.
/// </summary>
public static class ScanMemberLinks
{
    /// <summary>Links the visitor's scans that belong to nobody yet; returns how many. Bots' rows are never linked.</summary>
    public static Task<int> LinkAsync(PortalDbContext db, string visitorKey, int memberId, CancellationToken ct = default) =>
        db.Set<Scan>()
            .Where(s => s.VisitorKey == visitorKey && s.MemberId == null && s.Outcome != ScanOutcome.Bot)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.MemberId, memberId), ct);

    /// <summary>The channel-code key of the visitor's latest scan that came through one, or null.</summary>
    public static Task<string?> LastChannelKeyAsync(PortalDbContext db, string visitorKey, CancellationToken ct = default) =>
        db.Set<Scan>().AsNoTracking()
            .Where(s => s.VisitorKey == visitorKey && s.ChannelCodeId != null && s.Outcome != ScanOutcome.Bot)
            .OrderByDescending(s => s.At).ThenByDescending(s => s.Id)
            .Select(s => db.Set<ChannelCode>().Where(c => c.Id == s.ChannelCodeId).Select(c => c.Key).FirstOrDefault())
            .FirstOrDefaultAsync(ct);
}
