namespace CommunityPortal.Features.Indices.Queries;

/// <summary>The daily index: new members, DAU/WAU/MAU, stickiness, sign-ups, scans, unique visitors per day.</summary>
public static class DailyCalculator
{
    public static IReadOnlyList<DailyIndexRow> Compute(FactFilter f)
    {
        var first = f.FromDay - 29;
        var days = f.ToDay - f.FromDay + 1;
        var activeDays = new Dictionary<int, List<int>>();
        var newMembers = new int[days];
        var signups = new int[days];
        var scans = new int[days];
        var visitors = new int[days];
        for (var day = first; day <= f.ToDay; day++)
        {
            var i = day - f.FromDay;
            var seen = i >= 0 ? new HashSet<int>() : null;
            var matched = i >= 0 && f.HasMatrix ? f.MembersMatching(day, day) : null;
            foreach (ref readonly var fact in f.State.DaySpan(day))
            {
                if (fact.IsCountedScan)
                {
                    if (seen is not null && f.Passes(fact))
                    {
                        scans[i]++;
                        seen.Add(fact.Visitor);
                    }
                    continue;
                }
                if (fact.MemberId == 0 || !f.Counts(fact.MemberId))
                {
                    continue;
                }
                if (fact.Type == IndexEventType.MemberCreated)
                {
                    if (i >= 0 && f.PassesChannel(fact) && (matched is null || matched.Contains(fact.MemberId)))
                    {
                        newMembers[i]++;
                    }
                    continue;
                }
                if (!f.Passes(fact))
                {
                    continue;
                }
                if (fact.Type == IndexEventType.SignedUp && i >= 0)
                {
                    signups[i]++;
                }
                if (fact.IsActivity)
                {
                    if (!activeDays.TryGetValue(fact.MemberId, out var list))
                    {
                        activeDays[fact.MemberId] = list = [];
                    }
                    if (list.Count == 0 || list[^1] != day)
                    {
                        list.Add(day);
                    }
                }
            }
            if (seen is not null)
            {
                visitors[i] = seen.Count;
            }
        }
        var dau = Windowed(activeDays.Values, 1, f.FromDay, days);
        var wau = Windowed(activeDays.Values, 7, f.FromDay, days);
        var mau = Windowed(activeDays.Values, 30, f.FromDay, days);
        return [.. Enumerable.Range(0, days).Select(i => new DailyIndexRow(DateOnly.FromDayNumber(f.FromDay + i), newMembers[i], dau[i], wau[i], mau[i],
            mau[i] == 0 ? null : (double)dau[i] / mau[i], signups[i], scans[i], visitors[i]))];
    }

    /// <summary>
    /// For each day d of [from, from + days), the members with an active day in [d − window + 1, d]: each member's
    /// active days, widened by the window and merged, added to a difference array once.
    /// </summary>
    private static int[] Windowed(IEnumerable<List<int>> members, int window, int from, int days)
    {
        var diff = new int[days + 1];
        foreach (var activeDays in members)
        {
            int? start = null, end = null;
            foreach (var a in activeDays)
            {
                var (s, e) = (a, a + window - 1);
                if (end is { } open && s <= open + 1)
                {
                    end = Math.Max(open, e);
                    continue;
                }
                Mark(diff, start, end, from, days);
                (start, end) = (s, e);
            }
            Mark(diff, start, end, from, days);
        }
        var counts = new int[days];
        var running = 0;
        for (var i = 0; i < days; i++)
        {
            running += diff[i];
            counts[i] = running;
        }
        return counts;
    }

    private static void Mark(int[] diff, int? start, int? end, int from, int days)
    {
        if (start is not { } s || end is not { } e)
        {
            return;
        }
        var lo = Math.Max(s - from, 0);
        var hi = Math.Min(e - from, days - 1);
        if (lo <= hi)
        {
            diff[lo]++;
            diff[hi + 1]--;
        }
    }
}
