using CommunityPortal.Features.Indices.Aggregation;

namespace CommunityPortal.Features.Indices.Queries;

/// <summary>Today's figures for the wall and the overview (names for the ticker are looked up by the caller).</summary>
public static class LiveCalculator
{
    public const int TickerSize = 20;
    public const int TopChannels = 5;

    public sealed record Result(LiveFigures Figures, IReadOnlyList<Fact> Ticker);

    public static Result Compute(IndexState state, IndexLookups lookups, DateTime nowUtc)
    {
        var today = DateOnly.FromDayNumber(IndexState.DayOf(nowUtc));
        var f = new FactFilter(new IndexFilter(today, today), state, lookups);
        var day = DailyCalculator.Compute(f)[0];
        var minutes = new int[60];
        var since = nowUtc.AddMinutes(-60).Ticks;
        var ticker = new List<Fact>();
        var channels = ChannelCalculator.Compute(f);
        foreach (ref readonly var fact in f.Facts(today.DayNumber - 1, today.DayNumber))
        {
            if (fact.IsCountedScan && fact.Ticks > since && fact.Ticks <= nowUtc.Ticks)
            {
                minutes[Math.Min(59, (int)((fact.Ticks - since) / TimeSpan.TicksPerMinute))]++;
            }
            if (fact.Day == today.DayNumber && (fact.IsCountedScan || (fact.Type == IndexEventType.SignedUp && f.Counts(fact.MemberId))))
            {
                ticker.Add(fact);
            }
        }
        var latest = ticker.OrderByDescending(t => t.Ticks).ThenByDescending(t => t.Id).Take(TickerSize).ToList();
        var top = channels.Take(TopChannels).Select(c => new TopChannel(c.ChannelId, c.Name, c.Scans, c.Acquired)).ToList();
        return new Result(new LiveFigures(today, day.NewMembers, day.ActiveMembers, day.Signups, day.Scans, minutes, [], top, null), latest);
    }
}
