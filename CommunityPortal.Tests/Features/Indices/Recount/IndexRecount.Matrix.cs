using CommunityPortal.Features.Indices.Queries;

namespace CommunityPortal.Tests.Features.Indices.Recount;

/// <summary>Retention between periods, the channel funnel and group health, recomputed from the export.</summary>
public sealed partial class IndexRecount
{
    /// <summary>
    /// A series' periods (in period order) and their people: counted members who signed up for the period or joined one
    /// of its groups, at any time.
    /// </summary>
    public RetentionIndex Retention(int seriesId)
    {
        var periods = _world.Activities.Values.Where(a => a.SeriesId == seriesId).OrderBy(a => a.PeriodNo).ThenBy(a => a.StartDate).ThenBy(a => a.Id).ToList();
        var people = periods.Select(p => _facts
            .Where(f => f.Type is "signedUp" or "joined" && f.Line.ActivityId == p.Id && Counted(f.MemberId))
            .Select(f => f.MemberId!.Value).ToHashSet()).ToList();
        var shares = new List<IReadOnlyList<double?>>();
        var composition = new List<RetentionComposition>();
        for (var b = 0; b < periods.Count; b++)
        {
            var row = new double?[periods.Count];
            for (var a = 0; a < b; a++)
            {
                row[a] = people[b].Count == 0 ? null : (double)people[b].Intersect(people[a]).Count() / people[b].Count;
            }
            shares.Add(row);
            // Each person of b once: under the latest earlier period they were in, or new.
            var latest = people[b].Select(m => Enumerable.Range(0, b).Where(a => people[a].Contains(m)).DefaultIfEmpty(-1).Max()).ToList();
            composition.Add(new RetentionComposition(periods[b].Id, latest.Count(a => a < 0),
                [.. latest.Where(a => a >= 0).GroupBy(a => a).OrderBy(g => g.Key).Select(g => new RetentionSource(periods[g.Key].Id, g.Count()))]));
        }
        return new RetentionIndex(seriesId, _world.Series[seriesId],
            [.. periods.Select((p, i) => new RetentionPeriod(p.Id, p.Name, p.PeriodNo, p.StartDate, people[i].Count))], shares, composition);
    }

    /// <summary>Every channel's funnel in the range (zeros included): scans → visitors → routed → acquired → signed up → purchased.</summary>
    public List<ChannelIndexRow> Channels(IndexFilter q)
    {
        var rows = new List<ChannelIndexRow>();
        foreach (var channel in _world.Channels.Values)
        {
            var scans = _facts.Where(f => IsCountedScan(f) && f.Line.ChannelId == channel.Id && InRange(f, q) && Passes(f, q, asTraffic: true)).ToList();
            var acquired = NewMembers(q, day => day >= q.From && day <= q.To).Where(m => FirstChannel(m) == channel.Id).ToHashSet();
            var theirs = _facts.Where(f => f.MemberId is { } m && acquired.Contains(m) && InRange(f, q) && Passes(f, q)).ToList();
            var purchases = theirs.Where(f => f.Type == "purchased").ToList();
            var revenue = purchases.Sum(f => f.Line.Amount!.Value);
            var cost = channel.Cost;
            rows.Add(new ChannelIndexRow(channel.Id, channel.Name, channel.Type, scans.Count, scans.Select(s => s.Line.Visitor).Distinct().Count(),
                scans.Where(s => s.Line.GroupId is not null).Select(s => s.Line.Visitor).Distinct().Count(), acquired.Count,
                theirs.Where(f => f.Type == "signedUp").Select(f => f.MemberId).Distinct().Count(), purchases.Select(f => f.MemberId).Distinct().Count(),
                revenue, cost, cost is { } c && acquired.Count > 0 ? c / acquired.Count : null, cost is { } k && k != 0 ? Ratio(revenue - k, k) : null));
        }
        return rows;
    }

    /// <summary>
    /// The double nearest to a / b: in fen both are whole numbers well inside a double's 53 bits, and one IEEE division
    /// of exact operands is correctly rounded.
    /// </summary>
    private static double Ratio(decimal a, decimal b)
    {
        var (fenA, fenB) = (a * 100, b * 100);
        Assert.True(fenA == decimal.Truncate(fenA) && fenB == decimal.Truncate(fenB) && Math.Abs(fenA) < 1L << 53 && fenB < 1L << 53, $"{a} / {b}");
        return (double)(long)fenA / (long)fenB;
    }

    /// <summary>
    /// Group health of every group passing the series / activity / tier filter (zeros included). Every membership counts,
    /// blacklisted or not; a channel filter keeps the facts of members with that first channel.
    /// </summary>
    public List<GroupIndexRow> Groups(IndexFilter q)
    {
        var rows = new List<GroupIndexRow>();
        foreach (var group in _world.Groups.Values.Where(g => GroupPasses(g, q)))
        {
            var facts = _facts.Where(f => f.Line.GroupId == group.Id && f.Day <= q.To && PassesChannel(f, q, asTraffic: false)).ToList();
            int Count(string type, bool before) => facts.Count(f => f.Type == type && (before ? f.Day < q.From : f.Day >= q.From));
            var start = Count("joined", before: true) - Count("left", before: true);
            var (joins, leaves) = (Count("joined", before: false), Count("left", before: false));
            var end = start + joins - leaves;
            var activity = facts.Count(f => f.Day >= q.From && IsActivity(f) && Counted(f.MemberId));
            rows.Add(new GroupIndexRow(group.Id, group.Name, group.Tier, group.ActivityId, start, end, joins, leaves, joins - leaves,
                start + joins == 0 ? null : (double)leaves / (start + joins), activity, end == 0 ? null : (double)activity / end));
        }
        return rows;
    }

    private bool GroupPasses(WorldGroup g, IndexFilter q) =>
        (q.Tier is not { } t || g.Tier == t) && (q.ActivityId is not { } a || g.ActivityId == a)
        && (q.SeriesId is not { } s || (g.ActivityId is { } activity && _world.Activities[activity].SeriesId == s));
}
