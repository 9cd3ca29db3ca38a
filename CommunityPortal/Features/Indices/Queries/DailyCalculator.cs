using System.Runtime.InteropServices;

namespace CommunityPortal.Features.Indices.Queries;

/// <summary>The daily index: new members, DAU/WAU/MAU, stickiness, sign-ups, scans, unique visitors per day.</summary>
public static class DailyCalculator
{
    public static IReadOnlyList<DailyIndexRow> Compute(FactFilter f)
    {
        var first = f.FromDay - 29;
        var days = f.ToDay - f.FromDay + 1;
        var windows = new Dictionary<int, ActiveWindows>();
        var dau = new int[days + 1];
        var wau = new int[days + 1];
        var mau = new int[days + 1];
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
                    ref var w = ref CollectionsMarshal.GetValueRefOrAddDefault(windows, fact.MemberId, out var known);
                    if (!known)
                    {
                        w = new ActiveWindows(day);
                    }
                    else if (w.Last != day)
                    {
                        w.Extend(day, f.FromDay, days, dau, wau, mau);
                    }
                }
            }
            if (seen is not null)
            {
                visitors[i] = seen.Count;
            }
        }
        foreach (var w in windows.Values)
        {
            w.Close(f.FromDay, days, dau, wau, mau);
        }
        Accumulate(dau);
        Accumulate(wau);
        Accumulate(mau);
        return [.. Enumerable.Range(0, days).Select(i => new DailyIndexRow(DateOnly.FromDayNumber(f.FromDay + i), newMembers[i], dau[i], wau[i], mau[i],
            mau[i] == 0 ? null : (double)dau[i] / mau[i], signups[i], scans[i], visitors[i]))];
    }

    private static void Accumulate(int[] diff)
    {
        for (var i = 1; i < diff.Length; i++)
        {
            diff[i] += diff[i - 1];
        }
    }

    /// <summary>
    /// One member's active days seen so far, as the open run of days they count in for DAU (1 day), WAU (7) and MAU (30):
    /// a new active day extends a run it touches, or closes it into the difference arrays and opens the next. Days come
    /// in order, so each member costs O(1) per active day and no list.
    /// </summary>
    private struct ActiveWindows(int day)
    {
        private (int Start, int End) _day = (day, day);
        private (int Start, int End) _week = (day, day + 6);
        private (int Start, int End) _month = (day, day + 29);

        public int Last { get; private set; } = day;

        public void Extend(int day, int from, int days, int[] dau, int[] wau, int[] mau)
        {
            Last = day;
            Step(ref _day, day, 1, from, days, dau);
            Step(ref _week, day, 7, from, days, wau);
            Step(ref _month, day, 30, from, days, mau);
        }

        public readonly void Close(int from, int days, int[] dau, int[] wau, int[] mau)
        {
            Mark(dau, _day, from, days);
            Mark(wau, _week, from, days);
            Mark(mau, _month, from, days);
        }

        private static void Step(ref (int Start, int End) run, int day, int window, int from, int days, int[] diff)
        {
            if (day <= run.End + 1)
            {
                run.End = day + window - 1;
                return;
            }
            Mark(diff, run, from, days);
            run = (day, day + window - 1);
        }

        private static void Mark(int[] diff, (int Start, int End) run, int from, int days)
        {
            var lo = Math.Max(run.Start - from, 0);
            var hi = Math.Min(run.End - from, days - 1);
            if (lo <= hi)
            {
                diff[lo]++;
                diff[hi + 1]--;
            }
        }
    }
}
