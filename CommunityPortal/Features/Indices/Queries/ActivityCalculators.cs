namespace CommunityPortal.Features.Indices.Queries;

/// <summary>Sign-ups per activity, and retention between the periods of a series.</summary>
public static class ActivityCalculators
{
    public static IReadOnlyList<SignupIndexRow> Signups(FactFilter f)
    {
        var signups = new Dictionary<int, int>();
        var checkedIn = new Dictionary<int, int>();
        foreach (ref readonly var fact in f.Facts(f.FromDay, f.ToDay))
        {
            if (fact.Type is IndexEventType.SignedUp or IndexEventType.CheckedIn && f.Counts(fact.MemberId) && f.Passes(fact))
            {
                var into = fact.Type == IndexEventType.SignedUp ? signups : checkedIn;
                into[fact.ActivityId] = into.GetValueOrDefault(fact.ActivityId) + 1;
            }
        }
        var q = f.Query;
        var activities = f.Lookups.Activities.Values
            .Where(a => signups.ContainsKey(a.Id) || checkedIn.ContainsKey(a.Id) || (q.SeriesId is { } s && a.SeriesId == s) || a.Id == q.ActivityId);
        return [.. activities
            .Select(a => new SignupIndexRow(a.Id, a.Name, a.SeriesId, f.Lookups.Series.GetValueOrDefault(a.SeriesId, ""), a.PeriodNo, a.StartDate,
                signups.GetValueOrDefault(a.Id), checkedIn.GetValueOrDefault(a.Id)))
            .OrderBy(r => r.Series, StringComparer.Ordinal).ThenBy(r => r.PeriodNo).ThenBy(r => r.StartDate)];
    }

    /// <summary>A period's people: members who signed up for it or joined one of its groups, at any time.</summary>
    public static RetentionIndex Retention(FactFilter f, int seriesId)
    {
        var periods = f.Lookups.Activities.Values.Where(a => a.SeriesId == seriesId).OrderBy(a => a.PeriodNo).ThenBy(a => a.StartDate).ThenBy(a => a.Id).ToList();
        var index = periods.Select((a, i) => (a.Id, i)).ToDictionary(p => p.Id, p => p.i);
        var people = periods.Select(_ => new HashSet<int>()).ToArray();
        if (f.State.FirstDay is { } firstDay)
        {
            foreach (ref readonly var fact in f.Facts(firstDay, f.State.LastDay))
            {
                if (fact.Type is IndexEventType.SignedUp or IndexEventType.Joined && f.Counts(fact.MemberId)
                    && index.TryGetValue(f.Lookups.ActivityOf(fact), out var i))
                {
                    people[i].Add(fact.MemberId);
                }
            }
        }
        var shares = new List<IReadOnlyList<double?>>();
        var composition = new List<RetentionComposition>();
        for (var b = 0; b < periods.Count; b++)
        {
            var row = new double?[periods.Count];
            for (var a = 0; a < b; a++)
            {
                row[a] = people[b].Count == 0 ? null : (double)people[b].Count(people[a].Contains) / people[b].Count;
            }
            shares.Add(row);
            var from = new int[periods.Count];
            var fresh = 0;
            foreach (var member in people[b])
            {
                var latest = -1;
                for (var a = b - 1; a >= 0 && latest < 0; a--)
                {
                    if (people[a].Contains(member))
                    {
                        latest = a;
                    }
                }
                if (latest < 0)
                {
                    fresh++;
                }
                else
                {
                    from[latest]++;
                }
            }
            composition.Add(new RetentionComposition(periods[b].Id, fresh,
                [.. Enumerable.Range(0, b).Where(a => from[a] > 0).Select(a => new RetentionSource(periods[a].Id, from[a]))]));
        }
        return new RetentionIndex(seriesId, f.Lookups.Series.GetValueOrDefault(seriesId, ""),
            [.. periods.Select((p, i) => new RetentionPeriod(p.Id, p.Name, p.PeriodNo, p.StartDate, people[i].Count))], shares, composition);
    }
}
