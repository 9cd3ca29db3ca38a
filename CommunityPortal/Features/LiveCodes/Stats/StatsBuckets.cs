using System.Globalization;

namespace CommunityPortal.Features.LiveCodes.Stats;

/// <summary>
/// The buckets of a stats range in portal wall-clock time, and the UTC prefix of Scan.At that SQL groups by: an hour
/// ("yyyy-MM-dd HH"), ten minutes or a minute, the coarsest one that never straddles a bucket boundary for the zone's
/// offsets. SQL then returns at most one row per such prefix, and each row lands in exactly one local bucket, DST
/// included. A plain class, tested without a database.
/// </summary>
internal sealed class StatsBuckets
{
    public const int MaxBuckets = 1440;

    private readonly Dictionary<DateTime, int> _index = [];
    private readonly TimeZoneInfo _zone;

    private StatsBuckets(StatsGranularity granularity, TimeZoneInfo zone, List<DateTime> starts, DateTime toUtc)
    {
        Granularity = granularity;
        _zone = zone;
        LocalStarts = starts;
        for (var i = 0; i < starts.Count; i++)
        {
            _index[starts[i]] = i;
        }
        FromUtc = Utc(starts[0]);
        ToUtc = toUtc;
        var offsets = starts.Select(s => zone.GetUtcOffset(Utc(s))).Append(zone.GetUtcOffset(toUtc)).ToList();
        KeyLength = granularity == StatsGranularity.Minute || offsets.Any(o => o.Minutes % 10 != 0) ? 16
            : offsets.Any(o => o.Minutes != 0) ? 15
            : 13;
    }

    public StatsGranularity Granularity { get; }

    /// <summary>Each bucket's start, portal wall-clock time (kind unspecified), in order.</summary>
    public IReadOnlyList<DateTime> LocalStarts { get; }

    /// <summary>The first bucket's start as UTC: where the counted range begins.</summary>
    public DateTime FromUtc { get; }

    public DateTime ToUtc { get; }

    /// <summary>How many leading characters of the stored At text SQL groups by (13, 15 or 16).</summary>
    public int KeyLength { get; }

    /// <summary>The default start for a range ending at <paramref name="toUtc"/>: 60 minutes, 48 hours or 30 days of buckets.</summary>
    public static DateTime DefaultFromUtc(StatsGranularity granularity, DateTime toUtc, TimeZoneInfo zone)
    {
        var last = Floor(granularity, TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(toUtc, DateTimeKind.Utc), zone));
        var first = granularity switch
        {
            StatsGranularity.Minute => last.AddMinutes(-59),
            StatsGranularity.Hour => last.AddHours(-47),
            _ => last.AddDays(-29),
        };
        return ToUtcIn(zone, first);
    }

    /// <summary>The buckets covering [fromUtc, toUtc), or null when there would be more than <see cref="MaxBuckets"/>.</summary>
    public static StatsBuckets? Plan(StatsGranularity granularity, DateTime fromUtc, DateTime toUtc, TimeZoneInfo zone)
    {
        var starts = new List<DateTime>();
        var local = Floor(granularity, TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(fromUtc, DateTimeKind.Utc), zone));
        do
        {
            if (starts.Count == MaxBuckets)
            {
                return null;
            }
            starts.Add(local);
            local = Next(granularity, local);
        }
        while (ToUtcIn(zone, local) < toUtc);
        return new StatsBuckets(granularity, zone, starts, toUtc);
    }

    /// <summary>The bucket a SQL key (a prefix of the stored UTC text) belongs to, or -1.</summary>
    public int IndexOfKey(string key)
    {
        var text = key.Replace('T', ' ');
        text = text.Length switch
        {
            13 => text + ":00",
            15 => text + "0",
            _ => text,
        };
        if (!DateTime.TryParseExact(text, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var utc))
        {
            return -1;
        }
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), _zone);
        return _index.GetValueOrDefault(Floor(Granularity, local), -1);
    }

    /// <summary>A bucket's start with the portal's UTC offset at that moment.</summary>
    public DateTimeOffset StartOf(int index) => Offset(LocalStarts[index]);

    public DateTimeOffset Offset(DateTime local)
    {
        var utc = Utc(local);
        return new DateTimeOffset(utc).ToOffset(_zone.GetUtcOffset(utc));
    }

    public DateTimeOffset OffsetOfUtc(DateTime utc) =>
        new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToOffset(_zone.GetUtcOffset(utc));

    private DateTime Utc(DateTime local) => ToUtcIn(_zone, local);

    public static DateTime Floor(StatsGranularity granularity, DateTime local) => granularity switch
    {
        StatsGranularity.Minute => new DateTime(local.Year, local.Month, local.Day, local.Hour, local.Minute, 0),
        StatsGranularity.Hour => new DateTime(local.Year, local.Month, local.Day, local.Hour, 0, 0),
        _ => local.Date,
    };

    private static DateTime Next(StatsGranularity granularity, DateTime local) => granularity switch
    {
        StatsGranularity.Minute => local.AddMinutes(1),
        StatsGranularity.Hour => local.AddHours(1),
        _ => local.AddDays(1),
    };

    /// <summary>Wall-clock time to UTC; a time skipped by a DST change maps to the moment of the change.</summary>
    private static DateTime ToUtcIn(TimeZoneInfo zone, DateTime local)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (!zone.IsInvalidTime(local))
        {
            return TimeZoneInfo.ConvertTimeToUtc(local, zone);
        }
        var before = zone.GetUtcOffset(local.AddHours(-3));
        return DateTime.SpecifyKind(local - before, DateTimeKind.Utc);
    }
}
