using CommunityPortal.Infrastructure.Time;
using CommunityPortal.Infrastructure.Validation;
using CommunityPortal.Data;
using CommunityPortal.Features.Matrix;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

using CommunityPortal.Features.LiveCodes.Routing;
namespace CommunityPortal.Features.LiveCodes.Stats;

/// <summary>
/// Per live code scan statistics. Every count is a GROUP BY in SQL over the (LiveCodeId, At) index range, reading only
/// the columns it needs: the series groups by a UTC prefix of At (see <see cref="StatsBuckets"/>), so a million scans
/// come back as at most a few thousand rows.
/// </summary>
public sealed partial class ScanStatsService(
    IDbContextFactory<PortalDbContext> dbFactory,
    ILiveCodeRoutingState routing,
    IStringLocalizer<StatsText> text,
    IStringLocalizer<ValidationText> validationText)
{
    public async Task<LiveCodeStats> GetAsync(int liveCodeId, StatsQuery query, CancellationToken ct = default)
    {
        var buckets = Plan(query, DateTime.UtcNow);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Set<LiveCode>().AnyAsync(c => c.Id == liveCodeId, ct))
        {
            throw new NotFoundException(text["LiveCodeNotFound"]);
        }
        await using var inMemory = await SortInMemoryAsync(db, ct);
        var (from, to) = (buckets.FromUtc, buckets.ToUtc);
        var scans = db.Set<Scan>().AsNoTracking().Where(s => s.LiveCodeId == liveCodeId && s.At >= from && s.At < to);

        var rows = await SeriesAsync(scans, buckets.KeyLength, ct);
        var unique = await scans.Where(s => s.Outcome != ScanOutcome.Bot).Select(s => s.VisitorKey).Distinct().CountAsync(ct);
        var byGroup = await scans.Where(s => s.GroupId != null)
            .GroupBy(s => s.GroupId!.Value)
            .Select(g => new GroupRow(g.Key, g.Count(s => s.Outcome == ScanOutcome.Assigned), g.Count(s => s.Outcome == ScanOutcome.Repeat)))
            .ToListAsync(ct);
        var codes = await ChannelCodesAsync(db, liveCodeId, ct);
        var byChannel = await ByChannelAsync(scans, codes.Count > 0, unique, ct);

        return new LiveCodeStats(
            liveCodeId,
            buckets.Granularity,
            PortalTime.Zone.Id,
            buckets.OffsetOfUtc(from),
            buckets.OffsetOfUtc(to),
            Totals(rows, unique),
            Series(buckets, rows),
            await GroupsAsync(db, liveCodeId, byGroup, ct),
            Channels(codes, byChannel));
    }

    /// <summary>One row per UTC prefix of At, with the count of each outcome.</summary>
    private static Task<List<SeriesRow>> SeriesAsync(IQueryable<Scan> scans, int keyLength, CancellationToken ct) =>
        scans
            .GroupBy(s => s.At.ToString().Substring(0, keyLength))
            .Select(g => new SeriesRow(
                g.Key,
                g.Count(),
                g.Count(s => s.Outcome == ScanOutcome.Assigned),
                g.Count(s => s.Outcome == ScanOutcome.Repeat),
                g.Count(s => s.Outcome == ScanOutcome.Fallback),
                g.Count(s => s.Outcome == ScanOutcome.Expired),
                g.Count(s => s.Outcome == ScanOutcome.Paused),
                g.Count(s => s.Outcome == ScanOutcome.NotStarted),
                g.Count(s => s.Outcome == ScanOutcome.Bot)))
            .ToListAsync(ct);

    /// <summary>
    /// Counts per channel code. Distinct people per channel is the costliest count, so a code without channel codes
    /// (every scan "no channel") skips it: its one row's people are the total.
    /// </summary>
    private static async Task<List<ChannelRow>> ByChannelAsync(IQueryable<Scan> scans, bool hasChannelCodes, int unique, CancellationToken ct)
    {
        if (hasChannelCodes)
        {
            return await scans
                .GroupBy(s => s.ChannelCodeId)
                .Select(g => new ChannelRow(
                    g.Key,
                    g.Count(),
                    g.Where(s => s.Outcome != ScanOutcome.Bot).Select(s => s.VisitorKey).Distinct().Count(),
                    g.Count(s => s.Outcome == ScanOutcome.Assigned),
                    g.Count(s => s.Outcome == ScanOutcome.Fallback)))
                .ToListAsync(ct);
        }
        var all = await scans
            .GroupBy(s => 1)
            .Select(g => new ChannelRow(null, g.Count(), 0, g.Count(s => s.Outcome == ScanOutcome.Assigned), g.Count(s => s.Outcome == ScanOutcome.Fallback)))
            .ToListAsync(ct);
        return [.. all.Select(r => r with { Unique = unique })];
    }

    /// <summary>
    /// GROUP BY and COUNT(DISTINCT) sort in a temporary b-tree; in memory instead of a temp file they run about three
    /// times faster over a million scans. temp_store is a per-connection setting, so it is set back before the
    /// connection goes back to the pool.
    /// </summary>
    private static async Task<IAsyncDisposable> SortInMemoryAsync(PortalDbContext db, CancellationToken ct)
    {
        if (!db.Database.IsSqlite())
        {
            return new Restore(null);
        }
        await db.Database.OpenConnectionAsync(ct);
        await db.Database.ExecuteSqlRawAsync("PRAGMA temp_store = MEMORY", ct);
        return new Restore(db);
    }

    private sealed class Restore(PortalDbContext? db) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            if (db is not null)
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA temp_store = DEFAULT");
                await db.Database.CloseConnectionAsync();
            }
        }
    }

    private static StatsTotals Totals(List<SeriesRow> rows, int unique) => new(
        rows.Sum(r => r.Scans), unique, rows.Sum(r => r.New), rows.Sum(r => r.Repeats), rows.Sum(r => r.Fallbacks),
        rows.Sum(r => r.Expired), rows.Sum(r => r.Paused), rows.Sum(r => r.NotStarted), rows.Sum(r => r.Bots));

    private static List<StatsBucket> Series(StatsBuckets buckets, List<SeriesRow> rows)
    {
        var sums = new (int Scans, int New, int Repeats, int Fallbacks)[buckets.LocalStarts.Count];
        foreach (var row in rows)
        {
            var i = buckets.IndexOfKey(row.Key);
            if (i >= 0)
            {
                var s = sums[i];
                sums[i] = (s.Scans + row.Scans, s.New + row.New, s.Repeats + row.Repeats, s.Fallbacks + row.Fallbacks);
            }
        }
        return [.. sums.Select((s, i) => new StatsBucket(buckets.StartOf(i), s.Scans, s.New, s.Repeats, s.Fallbacks))];
    }

    /// <summary>Pool groups in pool order (with threshold and fill from routing), then groups that left the pool.</summary>
    private async Task<List<GroupStats>> GroupsAsync(PortalDbContext db, int liveCodeId, List<GroupRow> rows, CancellationToken ct)
    {
        var router = routing.Find(liveCodeId)?.Router;
        var pool = router?.Pool ?? [];
        var ids = pool.Select(p => p.GroupId).Union(rows.Select(r => r.GroupId)).ToList();
        var names = await db.Set<Group>().AsNoTracking().Where(g => ids.Contains(g.Id))
            .Select(g => new { g.Id, g.Name }).ToDictionaryAsync(g => g.Id, g => g.Name, ct);
        var counts = rows.ToDictionary(r => r.GroupId);
        var result = pool.Select(p =>
        {
            var row = counts.GetValueOrDefault(p.GroupId);
            var assigned = router!.AssignedTo(p.GroupId);
            double? fill = p.Threshold > 0 ? Math.Round(assigned * 100.0 / p.Threshold, 1) : null;
            return new GroupStats(p.GroupId, names.GetValueOrDefault(p.GroupId) ?? p.Display?.Name ?? "",
                row?.New ?? 0, row?.Repeats ?? 0, true, p.Threshold, assigned, fill);
        }).ToList();
        var inPool = pool.Select(p => p.GroupId).ToHashSet();
        result.AddRange(rows.Where(r => !inPool.Contains(r.GroupId))
            .Select(r => new GroupStats(r.GroupId, names.GetValueOrDefault(r.GroupId) ?? "", r.New, r.Repeats, false, null, null, null))
            .OrderByDescending(g => g.NewPeople).ThenBy(g => g.GroupName, StringComparer.Ordinal));
        return result;
    }

    private static Task<List<ChannelCodeRow>> ChannelCodesAsync(PortalDbContext db, int liveCodeId, CancellationToken ct) => (
            from cc in db.Set<ChannelCode>().AsNoTracking()
            join ch in db.Set<Channel>() on cc.ChannelId equals ch.Id
            where cc.LiveCodeId == liveCodeId
            orderby ch.Name
            select new ChannelCodeRow(cc.Id, ch.Id, ch.Name, ch.Type, ch.Cost))
        .ToListAsync(ct);

    /// <summary>Every channel code of the live code (with or without scans) by channel name, then the scans without one.</summary>
    private static List<ChannelStats> Channels(List<ChannelCodeRow> codes, List<ChannelRow> rows)
    {
        var counts = rows.ToDictionary(r => r.ChannelCodeId ?? 0);
        var result = codes.Select(c =>
        {
            var row = counts.GetValueOrDefault(c.Id) ?? new ChannelRow(c.Id, 0, 0, 0, 0);
            decimal? perPerson = c.Cost is { } cost && row.New > 0 ? Math.Round(cost / row.New, 2) : null;
            return new ChannelStats(c.Id, c.ChannelId, c.Name, c.Type, row.Scans, row.Unique, row.New, row.Fallbacks, c.Cost, perPerson);
        }).ToList();
        var none = counts.GetValueOrDefault(0) ?? new ChannelRow(null, 0, 0, 0, 0);
        result.Add(new ChannelStats(null, null, null, null, none.Scans, none.Unique, none.New, none.Fallbacks, null, null));
        return result;
    }

    private sealed record SeriesRow(string Key, int Scans, int New, int Repeats, int Fallbacks, int Expired, int Paused, int NotStarted, int Bots);

    private sealed record GroupRow(int GroupId, int New, int Repeats);

    private sealed record ChannelRow(int? ChannelCodeId, int Scans, int Unique, int New, int Fallbacks);

    private sealed record ChannelCodeRow(int Id, int ChannelId, string Name, ChannelType Type, decimal? Cost);
}
