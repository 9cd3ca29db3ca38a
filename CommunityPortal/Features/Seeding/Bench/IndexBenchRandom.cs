namespace CommunityPortal.Features.Seeding.Bench;

/// <summary>
/// The index bench's dice and clock over one seeded <see cref="Random"/>, so a seed gives the same history every run.
/// Days later in the window are likelier (a growing team), and hours of the team's day are weighted to the evening,
/// when parents read the groups; every time it returns is UTC, as stored.
/// </summary>
internal sealed class IndexBenchRandom(int seed, DateTime start, DateTime end)
{
    // Team-local hours 0–23: quiet at night, a lunch bump, the peak from 19:00 to 22:00.
    private static readonly int[] HourWeights = [3, 1, 1, 1, 1, 2, 4, 8, 10, 10, 10, 11, 13, 11, 10, 10, 11, 13, 17, 24, 28, 26, 18, 8];
    private static readonly int HourTotal = HourWeights.Sum();

    private readonly Random _random = new(seed);

    public DateTime Start => start;

    public DateTime End => end;

    public bool Chance(double probability) => _random.NextDouble() < probability;

    public int Next(int maxExclusive) => _random.Next(maxExclusive);

    public int Next(int min, int maxExclusive) => _random.Next(min, maxExclusive);

    public double NextDouble() => _random.NextDouble();

    /// <summary>An index drawn with the given weights.</summary>
    public int Pick(IReadOnlyList<int> weights)
    {
        var total = 0;
        foreach (var w in weights)
        {
            total += w;
        }
        var roll = _random.Next(total);
        for (var i = 0; ; i++)
        {
            roll -= weights[i];
            if (roll < 0)
            {
                return i;
            }
        }
    }

    /// <summary>A time in the window; its density rises linearly from 0.3 to 1.7 times the mean towards the end.</summary>
    public DateTime Growing()
    {
        var x = (-0.3 + Math.Sqrt(0.09 + 2.8 * _random.NextDouble())) / 1.4;
        return Around(start + (end - start) * x, start, end);
    }

    /// <summary>
    /// A time on the team's day of <paramref name="approx"/> at an evening-weighted hour, inside [from, to); when that
    /// day's pick falls outside, a uniform time in it.
    /// </summary>
    public DateTime Around(DateTime approx, DateTime from, DateTime to)
    {
        if (to <= from)
        {
            return from;
        }
        var day = PortalTime.ToLocal(approx).Date;
        var at = PortalTime.ToUtc(day.AddHours(Hour()).AddSeconds(_random.Next(3600)));
        return at >= from && at < to ? at : Between(from, to);
    }

    public DateTime Between(DateTime from, DateTime to) => to <= from ? from : from + (to - from) * _random.NextDouble();

    /// <summary>A time after <paramref name="from"/>, exponential with the given mean: most follow-ups come soon.</summary>
    public DateTime After(DateTime from, double meanDays) => from + TimeSpan.FromDays(-Math.Log(1 - _random.NextDouble()) * meanDays);

    public static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    private int Hour()
    {
        var roll = _random.Next(HourTotal);
        for (var hour = 0; ; hour++)
        {
            roll -= HourWeights[hour];
            if (roll < 0)
            {
                return hour;
            }
        }
    }
}
