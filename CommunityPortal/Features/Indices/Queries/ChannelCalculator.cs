namespace CommunityPortal.Features.Indices.Queries;

/// <summary>
/// Each channel's funnel in the range: scans → unique visitors → routed to a group → members acquired (first channel,
/// 学号 given in the range) → of those, signed up → purchased; cost per member and ROI from the channel's cost.
/// </summary>
public static class ChannelCalculator
{
    private sealed class Funnel
    {
        public int Scans;
        public readonly HashSet<int> Visitors = [];
        public readonly HashSet<int> Routed = [];
        public readonly HashSet<int> Acquired = [];
        public readonly HashSet<int> SignedUp = [];
        public readonly HashSet<int> Purchasers = [];
        public long RevenueFen;
    }

    public static IReadOnlyList<ChannelIndexRow> Compute(FactFilter f)
    {
        var funnels = new Dictionary<int, Funnel>();
        Funnel Of(int channel) => funnels.TryGetValue(channel, out var x) ? x : funnels[channel] = new Funnel();
        var matched = f.HasMatrix ? f.MembersMatching(f.FromDay, f.ToDay) : null;
        foreach (ref readonly var fact in f.Facts(f.FromDay, f.ToDay))
        {
            if (fact.IsCountedScan)
            {
                if (fact.ChannelId != 0 && f.Passes(fact))
                {
                    var funnel = Of(fact.ChannelId);
                    funnel.Scans++;
                    funnel.Visitors.Add(fact.Visitor);
                    if (fact.GroupId != 0)
                    {
                        funnel.Routed.Add(fact.Visitor);
                    }
                }
            }
            else if (fact.Type == IndexEventType.MemberCreated && fact.ChannelId != 0 && f.Counts(fact.MemberId) && f.PassesChannel(fact)
                && (matched is null || matched.Contains(fact.MemberId)))
            {
                Of(fact.ChannelId).Acquired.Add(fact.MemberId);
            }
        }
        foreach (ref readonly var fact in f.Facts(f.FromDay, f.ToDay))
        {
            if (fact.Type is not (IndexEventType.SignedUp or IndexEventType.Purchased) || f.State.Member(fact.MemberId) is not { } member
                || !funnels.TryGetValue(member.ChannelId, out var funnel) || !funnel.Acquired.Contains(fact.MemberId) || !f.Passes(fact))
            {
                continue;
            }
            if (fact.Type == IndexEventType.SignedUp)
            {
                funnel.SignedUp.Add(fact.MemberId);
            }
            else
            {
                funnel.Purchasers.Add(fact.MemberId);
                funnel.RevenueFen += fact.AmountFen;
            }
        }
        return [.. funnels.Select(p => Row(f, p.Key, p.Value)).OrderByDescending(r => r.Scans).ThenByDescending(r => r.Acquired).ThenBy(r => r.ChannelId)];
    }

    /// <summary>
    /// a / b as the double nearest to it. Decimal division keeps 28 digits, but casting a decimal to double is not
    /// correctly rounded (698 / 600 came out as 1.1633333333333336); parsing the decimal's digits is.
    /// </summary>
    private static double Ratio(decimal a, decimal b) =>
        double.Parse((a / b).ToString(System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture);

    private static ChannelIndexRow Row(FactFilter f, int channelId, Funnel funnel)
    {
        var info = f.Lookups.Channels.GetValueOrDefault(channelId);
        var revenue = funnel.RevenueFen / 100m;
        var cost = info?.Cost;
        return new ChannelIndexRow(channelId, info?.Name ?? $"#{channelId}", info?.Type ?? LiveCodes.ChannelType.Other, funnel.Scans, funnel.Visitors.Count,
            funnel.Routed.Count, funnel.Acquired.Count, funnel.SignedUp.Count, funnel.Purchasers.Count, revenue, cost,
            cost is { } c && funnel.Acquired.Count > 0 ? c / funnel.Acquired.Count : null,
            cost is { } k && k > 0 ? Ratio(revenue - k, k) : null);
    }
}
