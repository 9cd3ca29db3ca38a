using System.Collections.Concurrent;
using CommunityPortal.Data;
using CommunityPortal.Features.GroupQrs;
using CommunityPortal.Features.Matrix;
using Microsoft.EntityFrameworkCore;

using CommunityPortal.Features.LiveCodes.Manage;
using CommunityPortal.Features.LiveCodes.Scanning;
namespace CommunityPortal.Features.LiveCodes.Routing;

/// <summary>
/// The in-memory routing state of every live code. Rebuilt from the database at start-up; every change that matters
/// to routing must reach it: live-code and pool edits (LiveCodeService calls <see cref="ReloadAsync"/>), group changes
/// (domain events, see LiveCodeEventHandler) and group QR uploads (<see cref="InvalidateGroupAsync"/>).
/// </summary>
public interface ILiveCodeRoutingState
{
    LiveCodeRoute? Find(string slug);

    LiveCodeRoute? Find(int liveCodeId);

    /// <summary>Every live code's route (for health checks and alerts).</summary>
    IReadOnlyCollection<LiveCodeRoute> All { get; }

    /// <summary>Loads every live code (start-up).</summary>
    Task LoadAllAsync(CancellationToken ct = default);

    /// <summary>Re-reads one live code (settings, pool, channel keys, groups, QRs); removes it when it was deleted.</summary>
    Task ReloadAsync(int liveCodeId, CancellationToken ct = default);

    /// <summary>
    /// A group changed (status, capacity, members, or its current QR was uploaded/replaced): every live code whose pool
    /// holds it is reloaded, so the next scan sees the change. The QR upload must call this after its commit.
    /// </summary>
    Task InvalidateGroupAsync(int groupId, CancellationToken ct = default);

    /// <summary>Takes groups out of a live code's routing at once, ahead of the pool edit's commit.</summary>
    void RetainOnly(int liveCodeId, IReadOnlySet<int> groupIds);

    /// <summary>Applies a group change known from an event right away, before the reload reads the database.</summary>
    void UpdateGroup(int groupId, Func<PoolGroup, PoolGroup> change);
}

/// <summary>A live code's settings for the scan page, and its router. Settings are replaced whole on reload.</summary>
public sealed class LiveCodeRoute(LiveCodeRouter router, LiveCodeSettings settings)
{
    private volatile LiveCodeSettings _settings = settings;

    public LiveCodeRouter Router { get; } = router;

    public LiveCodeSettings Settings
    {
        get => _settings;
        internal set => _settings = value;
    }
}

public sealed record LiveCodeSettings(
    int Id,
    string Slug,
    DateTime? ValidFrom,
    DateTime? ValidUntil,
    bool IsPaused,
    string? FallbackMessage,
    ImageRef? FallbackImage,
    string? LandingTitle,
    string? LandingText,
    IReadOnlyDictionary<string, int> ChannelKeys);

internal sealed class LiveCodeRoutingState(IDbContextFactory<PortalDbContext> dbFactory) : ILiveCodeRoutingState
{
    /// <summary>Fallback images up to this size are inlined into the page (base64 adds a third); larger ones are fetched by URL.</summary>
    public const int InlineImageMaxBytes = 40 * 1024;

    private readonly ConcurrentDictionary<string, LiveCodeRoute> _bySlug = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<int, LiveCodeRoute> _byId = new();
    // Each group's current QR drawn from its payload, drawn once per QR: a QR row's payload never changes, and a
    // replacement is a new row, so the id says when to draw again.
    private readonly ConcurrentDictionary<int, (int QrId, string DataUri)> _qrImages = new();
    // Reloads run one at a time, so a slower, older read can never overwrite a newer one.
    private readonly SemaphoreSlim _reloadGate = new(1, 1);

    public LiveCodeRoute? Find(string slug) => _bySlug.GetValueOrDefault(slug);

    public LiveCodeRoute? Find(int liveCodeId) => _byId.GetValueOrDefault(liveCodeId);

    public IReadOnlyCollection<LiveCodeRoute> All => [.. _byId.Values];

    public async Task LoadAllAsync(CancellationToken ct = default)
    {
        List<int> ids;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            ids = await db.Set<LiveCode>().AsNoTracking().Select(c => c.Id).ToListAsync(ct);
        }
        foreach (var id in ids)
        {
            await ReloadAsync(id, ct);
        }
    }

    public async Task InvalidateGroupAsync(int groupId, CancellationToken ct = default)
    {
        List<int> ids;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            ids = await db.Set<LiveCodePoolEntry>().AsNoTracking().Where(e => e.GroupId == groupId).Select(e => e.LiveCodeId).ToListAsync(ct);
        }
        // Also codes whose in-memory pool still holds it (a group deleted from the database is gone from the pool table).
        ids.AddRange(_byId.Values.Where(r => r.Router.Contains(groupId)).Select(r => r.Settings.Id));
        foreach (var id in ids.Distinct())
        {
            await ReloadAsync(id, ct);
        }
    }

    public void RetainOnly(int liveCodeId, IReadOnlySet<int> groupIds)
    {
        if (_byId.TryGetValue(liveCodeId, out var route))
        {
            route.Router.RetainOnly(groupIds);
        }
    }

    public void UpdateGroup(int groupId, Func<PoolGroup, PoolGroup> change)
    {
        foreach (var route in _byId.Values)
        {
            route.Router.UpdateGroup(groupId, change);
        }
    }

    public async Task ReloadAsync(int liveCodeId, CancellationToken ct = default)
    {
        await _reloadGate.WaitAsync(ct);
        try
        {
            await ReloadCoreAsync(liveCodeId, ct);
        }
        finally
        {
            _reloadGate.Release();
        }
    }

    private async Task ReloadCoreAsync(int id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var code = await db.Set<LiveCode>().AsNoTracking().Where(c => c.Id == id)
            .Select(c => new
            {
                c.Id, c.Slug, c.Mode, c.DefaultThreshold, c.ValidFrom, c.ValidUntil, c.IsPaused, c.FallbackMessage,
                c.FallbackImage, c.FallbackImageContentType, c.LandingTitle, c.LandingText,
            })
            .FirstOrDefaultAsync(ct);
        _byId.TryGetValue(id, out var existing);
        if (code is null)
        {
            if (existing is not null)
            {
                _byId.TryRemove(id, out _);
                _bySlug.TryRemove(existing.Settings.Slug, out _);
            }
            return;
        }

        var pool = await (
                from e in db.Set<LiveCodePoolEntry>().AsNoTracking()
                join g in db.Set<Group>() on e.GroupId equals g.Id
                where e.LiveCodeId == id
                select new { e.GroupId, e.Position, e.Threshold, g.Name, g.Capacity, g.MemberCount, g.Status })
            .ToListAsync(ct);
        var groupIds = pool.Select(p => p.GroupId).ToList();
        var qrs = await db.Set<GroupQr>().AsNoTracking()
            .Where(q => groupIds.Contains(q.GroupId) && q.ReplacedAt == null)
            .Select(q => new { q.Id, q.GroupId, q.ExpiresAt, q.Payload })
            .ToDictionaryAsync(q => q.GroupId, ct);
        foreach (var qr in qrs.Values.Where(q => _qrImages.GetValueOrDefault(q.GroupId).QrId != q.Id))
        {
            _qrImages[qr.GroupId] = (qr.Id, LandingQrImage.DataUri(qr.Payload));
        }
        var channelKeys = await db.Set<ChannelCode>().AsNoTracking().Where(c => c.LiveCodeId == id)
            .ToDictionaryAsync(c => c.Key, c => c.Id, StringComparer.Ordinal, ct);

        var poolGroups = pool.Select(p =>
        {
            var qr = qrs.GetValueOrDefault(p.GroupId);
            var image = qr is null ? null : new ImageRef(qr.Id, _qrImages[qr.GroupId].DataUri, "image/png");
            return new PoolGroup(p.GroupId, p.Position, p.Threshold ?? code.DefaultThreshold, p.Capacity, p.MemberCount, p.Status,
                qr?.Id, qr?.ExpiresAt, new GroupDisplay(p.Name, image));
        }).ToList();

        ImageRef? fallbackImage = code.FallbackImage is { } bytes && code.FallbackImageContentType is { } type
            ? new ImageRef(0, bytes.Length <= InlineImageMaxBytes ? DataUri(type, bytes) : null, type)
            : null;
        var settings = new LiveCodeSettings(code.Id, code.Slug, code.ValidFrom, code.ValidUntil, code.IsPaused,
            code.FallbackMessage, fallbackImage, code.LandingTitle, code.LandingText, channelKeys);

        if (existing is null)
        {
            var counts = await AssignedCountsAsync(db, id, null, ct);
            var since = DateTime.UtcNow - LiveCodeRouter.RepeatWindow;
            var visitors = await db.Set<Scan>().AsNoTracking()
                .Where(s => s.LiveCodeId == id && s.Outcome == ScanOutcome.Assigned && s.At >= since && s.GroupId != null)
                .OrderBy(s => s.Id)
                .Select(s => new { s.VisitorKey, GroupId = s.GroupId!.Value, s.At })
                .ToListAsync(ct);
            var latest = new Dictionary<string, (int, DateTime)>(StringComparer.Ordinal);
            foreach (var v in visitors)
            {
                latest[v.VisitorKey] = (v.GroupId, v.At);
            }
            existing = new LiveCodeRoute(new LiveCodeRouter(code.Mode, poolGroups, counts, latest), settings);
            _byId[id] = existing;
        }
        else
        {
            // Memory is the truth for groups it already counts (scans in flight are not in the table yet).
            var unknown = groupIds.Where(g => !existing.Router.Knows(g)).ToList();
            var counts = unknown.Count == 0 ? null : await AssignedCountsAsync(db, id, unknown, ct);
            existing.Router.Replace(code.Mode, poolGroups, counts);
            var oldSlug = existing.Settings.Slug;
            existing.Settings = settings;
            if (oldSlug != settings.Slug)
            {
                _bySlug.TryRemove(oldSlug, out _);
            }
        }
        _bySlug[settings.Slug] = existing;
    }

    private static async Task<Dictionary<int, int>> AssignedCountsAsync(PortalDbContext db, int liveCodeId, List<int>? groupIds, CancellationToken ct)
    {
        var scans = db.Set<Scan>().AsNoTracking().Where(s => s.LiveCodeId == liveCodeId && s.Outcome == ScanOutcome.Assigned && s.GroupId != null);
        if (groupIds is not null)
        {
            scans = scans.Where(s => groupIds.Contains(s.GroupId!.Value));
        }
        return await scans.GroupBy(s => s.GroupId!.Value).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
    }

    private static string DataUri(string contentType, byte[] bytes) => $"data:{contentType};base64,{Convert.ToBase64String(bytes)}";
}
