using CommunityPortal.Features.Indices.Queries;

namespace CommunityPortal.Tests.Features.Indices.Recount;

/// <summary>
/// The indices recomputed from the export alone, read straight from docs/indices.md with plain loops over its lines:
/// what every answer of /api/v1/indices/* must equal. Nothing here calls the product's calculators, state or time zone
/// helpers. The export must cover all time (the windows, "members at the start", retention and a member's blacklist
/// state reach before any range).
/// </summary>
/// <remarks>
/// Where docs/indices.md leaves a choice open, the choice is written next to the code that makes it:
/// a scan linked to a member is, as that member's activity, a member fact (its channel for a filter is the member's
/// first channel); time in the system leaves out members whose 学号 came after the range's last day.
/// </remarks>
public sealed partial class IndexRecount
{
    private static readonly string[] ActivityTypes = ["joined", "active", "signedUp", "checkedIn", "purchased"];

    private readonly IndexWorld _world;
    private readonly TimeZoneInfo _zone;
    private readonly List<Fact> _facts;
    private readonly Dictionary<int, Fact> _created = [];
    private readonly HashSet<int> _blacklisted = [];

    /// <summary>An export line with its day and hour in the team's time zone.</summary>
    private sealed record Fact(ExportLine Line, DateOnly Day, int Hour)
    {
        public string Type => Line.Type;

        public int? MemberId => Line.MemberId;
    }

    public IndexRecount(IReadOnlyList<ExportLine> lines, IndexWorld world, TimeZoneInfo zone)
    {
        (_world, _zone) = (world, zone);
        _facts = [.. lines.Select(l =>
        {
            var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(l.At, DateTimeKind.Utc), zone);
            return new Fact(l, DateOnly.FromDateTime(local), local.Hour);
        })];
        foreach (var f in _facts.Where(f => f.Type == "memberCreated"))
        {
            _created.Add(f.MemberId!.Value, f);
        }
        // "a member whose latest blacklist fact is blacklisted" (latest: by time, then by id).
        foreach (var member in _facts.Where(f => f.Type is "blacklisted" or "blacklistLifted").GroupBy(f => f.MemberId!.Value))
        {
            if (member.OrderBy(f => f.Line.At).ThenBy(f => f.Line.Id).Last().Type == "blacklisted")
            {
                _blacklisted.Add(member.Key);
            }
        }
    }

    /// <summary>The team's day of an instant, as the recount reads it (tests state day boundaries with it).</summary>
    public DateOnly DayOf(DateTime utc) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), _zone));

    public IReadOnlyCollection<int> Blacklisted => _blacklisted;

    private bool Counted(int? member) => member is { } m && !_blacklisted.Contains(m);

    private static bool IsCountedScan(Fact f) => f.Type == "scan" && f.Line.Outcome != "bot";

    private static bool IsLinkedScan(Fact f) => IsCountedScan(f) && f.MemberId is not null;

    /// <summary>joined, active, signedUp, checkedIn, purchased, or a non-bot scan linked to the member; left is not.</summary>
    private static bool IsActivity(Fact f) => ActivityTypes.Contains(f.Type) || IsLinkedScan(f);

    /// <summary>A fact of a member other than their 学号 being given: their own lines, and scans linked to them.</summary>
    private static bool IsMemberFact(Fact f) => f.MemberId is not null && f.Type != "memberCreated" && (f.Type != "scan" || IsLinkedScan(f));

    private int? FirstChannel(int? member) => member is { } m && _created.TryGetValue(m, out var c) ? c.Line.ChannelId : null;

    private static bool HasMatrix(IndexFilter q) => q.SeriesId is not null || q.ActivityId is not null || q.Tier is not null;

    private static bool InRange(Fact f, IndexFilter q) => f.Day >= q.From && f.Day <= q.To;

    /// <summary>Series / activity through the fact's activity (the export names its own, else its group's); tier through its group.</summary>
    private bool PassesMatrix(Fact f, IndexFilter q)
    {
        if (q.Tier is { } tier && (f.Line.GroupId is not { } g || _world.Groups[g].Tier != tier))
        {
            return false;
        }
        if (q.ActivityId is { } a && f.Line.ActivityId != a)
        {
            return false;
        }
        return q.SeriesId is not { } s || (f.Line.ActivityId is { } activity && _world.Activities[activity].SeriesId == s);
    }

    /// <summary>A scan as traffic: its own channel. Any fact as a member's: the member's first channel.</summary>
    private bool PassesChannel(Fact f, IndexFilter q, bool asTraffic) =>
        q.ChannelId is not { } c || (asTraffic ? f.Line.ChannelId : FirstChannel(f.MemberId)) == c;

    private bool Passes(Fact f, IndexFilter q, bool asTraffic = false) => PassesChannel(f, q, asTraffic) && PassesMatrix(f, q);

    /// <summary>Activity facts of counted members that pass the filter, as their member's.</summary>
    private IEnumerable<Fact> Activity(IndexFilter q) => _facts.Where(f => IsActivity(f) && Counted(f.MemberId) && Passes(f, q));

    /// <summary>
    /// Counted members whose 学号 was given on one of <paramref name="days"/>, with the filtered first channel, and under a
    /// series, activity or tier filter with a passing member fact on those days.
    /// </summary>
    private IEnumerable<int> NewMembers(IndexFilter q, Func<DateOnly, bool> days) =>
        _created.Values
            .Where(c => days(c.Day) && Counted(c.MemberId) && PassesChannel(c, q, asTraffic: false)
                && (!HasMatrix(q) || _facts.Any(f => f.MemberId == c.MemberId && IsMemberFact(f) && days(f.Day) && Passes(f, q))))
            .Select(c => c.MemberId!.Value);

    public List<DailyIndexRow> Daily(IndexFilter q)
    {
        var activeDays = Activity(q).GroupBy(f => f.MemberId!.Value).Select(m => m.Select(f => f.Day).ToHashSet()).ToList();
        int ActiveWithin(DateOnly day, int window) => activeDays.Count(days => days.Any(d => d <= day && d > day.AddDays(-window)));
        var rows = new List<DailyIndexRow>();
        for (var day = q.From; day <= q.To; day = day.AddDays(1))
        {
            var (dau, wau, mau) = (ActiveWithin(day, 1), ActiveWithin(day, 7), ActiveWithin(day, 30));
            var scans = _facts.Where(f => IsCountedScan(f) && f.Day == day && Passes(f, q, asTraffic: true)).ToList();
            var signups = _facts.Count(f => f.Type == "signedUp" && f.Day == day && Counted(f.MemberId) && Passes(f, q));
            rows.Add(new DailyIndexRow(day, NewMembers(q, d => d == day).Count(), dau, wau, mau, mau == 0 ? null : (double)dau / mau, signups,
                scans.Count, scans.Select(s => s.Line.Visitor).Distinct().Count()));
        }
        return rows;
    }

    /// <summary>signedUp and checkedIn facts in the range per activity, for every activity of the matrix (zeros included).</summary>
    public List<SignupIndexRow> Signups(IndexFilter q)
    {
        var facts = _facts.Where(f => f.Type is "signedUp" or "checkedIn" && InRange(f, q) && Counted(f.MemberId) && Passes(f, q)).ToList();
        return [.. _world.Activities.Values.Select(a => new SignupIndexRow(a.Id, a.Name, a.SeriesId, _world.Series[a.SeriesId], a.PeriodNo, a.StartDate,
            facts.Count(f => f.Type == "signedUp" && f.Line.ActivityId == a.Id), facts.Count(f => f.Type == "checkedIn" && f.Line.ActivityId == a.Id)))];
    }

    /// <summary>Activity facts by weekday (Monday first) and hour.</summary>
    public HoursIndex Hours(IndexFilter q)
    {
        var counts = Enumerable.Range(0, 7).Select(_ => new int[24]).ToArray();
        foreach (var f in Activity(q).Where(f => InRange(f, q)))
        {
            counts[((int)f.Day.DayOfWeek + 6) % 7][f.Hour]++;
        }
        return new HoursIndex(counts, counts.Sum(d => d.Sum()));
    }

    private static readonly (int From, int? To)[] Buckets = [(0, 0), (1, 1), (2, 3), (4, 7), (8, 14), (15, 30), (31, 60), (61, 90), (91, 180), (181, null)];

    public CycleIndex Cycle(IndexFilter q)
    {
        var active = Activity(q).Where(f => InRange(f, q)).GroupBy(f => f.MemberId!.Value).ToList();
        var cycle = active.Select(m => m.Max(f => f.Day).DayNumber - m.Min(f => f.Day).DayNumber);
        // Time in the system: `to` − the day of the 学号; a 学号 given after `to` has no place on that histogram.
        var inSystem = active.Where(m => _created.TryGetValue(m.Key, out var c) && c.Day <= q.To).Select(m => q.To.DayNumber - _created[m.Key].Day.DayNumber);
        return new CycleIndex(Histogram(cycle), Histogram(inSystem));
    }

    private static List<DayBucket> Histogram(IEnumerable<int> values)
    {
        var list = values.ToList();
        return [.. Buckets.Select(b => new DayBucket(b.From, b.To, list.Count(v => v >= b.From && (b.To is not { } to || v <= to))))];
    }
}
