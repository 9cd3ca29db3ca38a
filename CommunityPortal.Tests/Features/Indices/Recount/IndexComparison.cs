using CommunityPortal.Features.Indices.Queries;

namespace CommunityPortal.Tests.Features.Indices.Recount;

/// <summary>
/// Asks /api/v1/indices/* and compares every figure with the recount, collecting every difference (with the index and
/// the filter it was under) so one run shows them all. Which rows an answer lists is the product's choice; a row it
/// leaves out must be all zeros in the recount, and a row it lists must equal the recount's.
/// </summary>
public sealed class IndexComparison(HttpClient client, IndexRecount recount)
{
    /// <summary>Each difference with what it is about (an index under a filter).</summary>
    public List<(string What, string Detail)> Differences { get; } = [];

    /// <summary>The differences, a few of each kind, with how many there are of that kind.</summary>
    public string Report() => string.Join("\n", Differences.GroupBy(d => d.What).Select(g =>
        $"{g.Key}: {g.Count()} difference(s)\n" + string.Join("\n", g.Take(3).Select(d => "  " + d.Detail))));

    public async Task CompareAsync(IndexFilter q)
    {
        Same($"daily {q}", recount.Daily(q), await client.DailyAsync(q));
        Listed($"signups {q}", recount.Signups(q), await client.SignupsAsync(q), r => r.ActivityId,
            r => r.Signups == 0 && r.CheckedIn == 0 && r.SeriesId != q.SeriesId);
        Listed($"channels {q}", recount.Channels(q), await client.ChannelsAsync(q), r => r.ChannelId,
            r => r is { Scans: 0, UniqueVisitors: 0, Routed: 0, Acquired: 0, SignedUp: 0, Purchasers: 0 } && r.Revenue == 0);
        Listed($"groups {q}", recount.Groups(q), await client.GroupsAsync(q), r => r.GroupId,
            r => r is { MembersAtStart: 0, MembersAtEnd: 0, Joins: 0, Leaves: 0, ActivityEvents: 0 });
        var (hours, apiHours) = (recount.Hours(q), await client.HoursAsync(q));
        Same($"hours {q} total", [hours.Total], [apiHours.Total]);
        for (var day = 0; day < 7; day++)
        {
            Same($"hours {q} weekday {day}", hours.Counts[day], apiHours.Counts.ElementAtOrDefault(day) ?? []);
        }
        var (cycle, apiCycle) = (recount.Cycle(q), await client.CycleAsync(q));
        Same($"cycle {q} active cycle", cycle.ActiveCycle, apiCycle.ActiveCycle);
        Same($"cycle {q} time in system", cycle.TimeInSystem, apiCycle.TimeInSystem);
    }

    public async Task CompareRetentionAsync(int seriesId)
    {
        var (expected, actual) = (recount.Retention(seriesId), await client.RetentionAsync(seriesId));
        var what = $"retention of series {seriesId}";
        Same($"{what} series", [(expected.SeriesId, expected.Series)], [(actual.SeriesId, actual.Series)]);
        Same($"{what} periods", expected.Periods, actual.Periods);
        Same($"{what} share rows", [expected.Shares.Count], [actual.Shares.Count]);
        for (var b = 0; b < Math.Min(expected.Shares.Count, actual.Shares.Count); b++)
        {
            Same($"{what} shares of period {b}", expected.Shares[b], actual.Shares[b]);
        }
        Same($"{what} composition", expected.Composition.Select(Text), actual.Composition.Select(Text));
    }

    private static string Text(RetentionComposition c) => $"{c.ActivityId}: new {c.New}, " + string.Join(", ", c.From.Select(f => $"{f.ActivityId}×{f.People}"));

    private void Same<T>(string what, IEnumerable<T> expected, IEnumerable<T> actual)
    {
        var (e, a) = (expected.ToList(), actual.ToList());
        if (e.Count != a.Count)
        {
            Differences.Add((what, $"{a.Count} rows, expected {e.Count}"));
        }
        for (var i = 0; i < Math.Min(e.Count, a.Count); i++)
        {
            if (!EqualityComparer<T>.Default.Equals(e[i], a[i]))
            {
                Differences.Add((what, $"[{i}]\n    expected {e[i]}\n    actual   {a[i]}"));
            }
        }
    }

    private void Listed<T>(string what, IEnumerable<T> expected, IEnumerable<T> actual, Func<T, int> key, Func<T, bool> empty)
    {
        var rows = expected.ToDictionary(key);
        var listed = new HashSet<int>();
        foreach (var row in actual)
        {
            if (!listed.Add(key(row)))
            {
                Differences.Add((what, $"{key(row)} listed twice"));
            }
            else if (!rows.TryGetValue(key(row), out var want))
            {
                Differences.Add((what, $"lists {row}, which the filter leaves out"));
            }
            else if (!EqualityComparer<T>.Default.Equals(want, row))
            {
                Differences.Add((what, $"\n    expected {want}\n    actual   {row}"));
            }
        }
        foreach (var missing in rows.Values.Where(r => !listed.Contains(key(r)) && !empty(r)))
        {
            Differences.Add((what, $"leaves out {missing}"));
        }
    }
}
