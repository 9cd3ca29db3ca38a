namespace CommunityPortal.Features.Indices.Queries;

/// <summary>Active hours, active cycle and time in the system.</summary>
public static class MemberCalculators
{
    private static readonly (int From, int? To)[] Buckets = [(0, 0), (1, 1), (2, 3), (4, 7), (8, 14), (15, 30), (31, 60), (61, 90), (91, 180), (181, null)];

    /// <summary>Activity facts by weekday (Monday first) and hour of the team's time zone.</summary>
    public static HoursIndex Hours(FactFilter f)
    {
        var counts = new int[7][];
        for (var i = 0; i < 7; i++)
        {
            counts[i] = new int[24];
        }
        var total = 0;
        foreach (ref readonly var fact in f.Facts(f.FromDay, f.ToDay))
        {
            if (fact.IsActivity && f.Counts(fact.MemberId) && f.Passes(fact))
            {
                counts[((int)fact.Date.DayOfWeek + 6) % 7][fact.Hour]++;
                total++;
            }
        }
        return new HoursIndex(counts, total);
    }

    /// <summary>Members active in the range: their first-to-last active day in it, and days from their 学号 to the range's end.</summary>
    public static CycleIndex Cycle(FactFilter f)
    {
        var span = new Dictionary<int, (int First, int Last)>();
        foreach (ref readonly var fact in f.Facts(f.FromDay, f.ToDay))
        {
            if (fact.IsActivity && f.Counts(fact.MemberId) && f.Passes(fact))
            {
                span[fact.MemberId] = span.TryGetValue(fact.MemberId, out var s) ? (Math.Min(s.First, fact.Day), Math.Max(s.Last, fact.Day)) : (fact.Day, fact.Day);
            }
        }
        var cycle = new int[Buckets.Length];
        var inSystem = new int[Buckets.Length];
        foreach (var (member, s) in span)
        {
            cycle[BucketOf(s.Last - s.First)]++;
            if (f.State.Member(member)?.CreatedDay is { } created && created <= f.ToDay)
            {
                inSystem[BucketOf(f.ToDay - created)]++;
            }
        }
        return new CycleIndex(Histogram(cycle), Histogram(inSystem));
    }

    private static int BucketOf(int days) => Array.FindIndex(Buckets, b => days >= b.From && (b.To is not { } to || days <= to));

    private static IReadOnlyList<DayBucket> Histogram(int[] counts) => [.. Buckets.Select((b, i) => new DayBucket(b.From, b.To, counts[i]))];
}
