using CommunityPortal.Features.LiveCodes;
using CommunityPortal.Features.Matrix;

namespace CommunityPortal.Features.Seeding.Bench;

internal sealed record BenchTheme(string Name, string Description);

internal sealed record BenchSeries(int Theme, string Name, int Weight, int LiveCode)
{
    public List<int> Activities { get; } = [];
}

/// <summary>One period; <see cref="StartsAt"/> and <see cref="EndsAt"/> are its first and day-after-last team midnights in UTC.</summary>
internal sealed record BenchActivity(int Series, int PeriodNo, string Name, DateOnly StartDate, DateOnly EndDate, DateTime StartsAt, DateTime EndsAt,
    DateTime OpensAt, ActivityStatus Status)
{
    public List<int> Groups { get; } = [];
}

/// <summary>A group; <see cref="Members"/> is its open stays at the end, the count MembershipService would have kept.</summary>
internal sealed record BenchGroup(int Activity, string Name, GroupTier Tier)
{
    public DateTime? OpenedAt { get; set; }

    public int Members { get; set; }
}

internal sealed record BenchChannel(string Name, ChannelType Type, decimal? Cost, int Weight);

internal sealed record BenchLiveCode(string Name, string Slug, RotationMode Mode, int[] Series);

internal sealed record BenchChannelCode(int LiveCode, int Channel, string Key);

/// <summary>
/// The index bench's matrix: three themes of six series, each series 6–8 periods spread over the window (a third of the
/// series with its last period still ahead), groups per period as many as its joins need, eight channels with costs
/// that scale with the members they bring, and two live codes per theme carrying a channel code for every channel.
/// </summary>
internal sealed class IndexBenchMatrix
{
    /// <summary>Joins (re-joins included) one group takes over the whole window: below its capacity, so none is ever refused as full.</summary>
    public const int StaysPerGroup = 425;
    public const int MinGroupsPerActivity = 4;
    private const string KeyAlphabet = "abcdefghijkmnpqrstuvwxyz23456789";

    private static readonly (string Theme, string Slug, string[] Series)[] Plan =
    [
        ("亲子阅读", "reading", ["绘本共读营", "桥梁书进阶营", "古诗词启蒙营", "整本书阅读营", "亲子故事会", "阅读打卡挑战"]),
        ("英语启蒙", "english", ["自然拼读营", "英文绘本营", "口语打卡营", "英语儿歌营", "分级阅读营", "剑桥英语备考营"]),
        ("编程思维", "coding", ["Scratch 入门营", "图形化编程营", "Python 少儿营", "机器人搭建营", "数学思维营", "信息学启蒙营"]),
    ];

    // Cost per member the channel brings, in yuan: the channel's cost scales with the bench's size, so ROI reads the same at any size.
    private static readonly (string Name, ChannelType Type, decimal? CostPerMember, int Weight)[] ChannelPlan =
    [
        ("公众号文章", ChannelType.Article, null, 25), ("KOL 推荐", ChannelType.Kol, 35m, 15), ("线下海报", ChannelType.OfflinePoster, 12m, 10),
        ("朋友圈广告", ChannelType.PaidAd, 45m, 18), ("抖音信息流", ChannelType.PaidAd, 55m, 14), ("小红书达人", ChannelType.Kol, 30m, 10),
        ("老带新转介绍", ChannelType.Other, null, 5), ("地推活动", ChannelType.OfflinePoster, 25m, 3),
    ];

    private static readonly GroupTier[] TierCycle = [GroupTier.Welfare, GroupTier.Core, GroupTier.Circulation, GroupTier.Welfare, GroupTier.Core];

    public List<BenchTheme> Themes { get; } = [];
    public List<BenchSeries> Series { get; } = [];
    public List<BenchActivity> Activities { get; } = [];
    public List<BenchGroup> Groups { get; } = [];
    public List<BenchChannel> Channels { get; } = [];
    public List<BenchLiveCode> LiveCodes { get; } = [];
    public List<BenchChannelCode> ChannelCodes { get; } = [];
    public int[] SeriesWeights { get; private set; } = [];
    public int[] ChannelWeights { get; private set; } = [];
    public int[] LiveCodeWeights { get; private set; } = [];

    public static IndexBenchMatrix Create(IndexBenchRandom dice, int members, double channelShare)
    {
        var matrix = new IndexBenchMatrix();
        var days = (dice.End - dice.Start).TotalDays;
        foreach (var (theme, slug, series) in Plan)
        {
            var themeIndex = matrix.Themes.Count;
            matrix.Themes.Add(new BenchTheme(theme, $"{theme}方向的训练营与社群"));
            for (var half = 0; half < 2; half++)
            {
                var codeIndex = matrix.LiveCodes.Count;
                var first = matrix.Series.Count;
                matrix.LiveCodes.Add(new BenchLiveCode($"{theme}招募码 {(char)('A' + half)}", $"{slug}-{(char)('a' + half)}",
                    half == 0 ? RotationMode.RoundRobin : RotationMode.FillInOrder, [first, first + 1, first + 2]));
                foreach (var name in series.Skip(half * 3).Take(3))
                {
                    matrix.Series.Add(new BenchSeries(themeIndex, name, dice.Next(5, 20), codeIndex));
                    matrix.AddPeriods(dice, matrix.Series.Count - 1, days);
                }
            }
        }
        var weightTotal = ChannelPlan.Sum(c => c.Weight);
        foreach (var (name, type, perMember, weight) in ChannelPlan)
        {
            var cost = perMember is { } unit ? decimal.Round(unit * members * (decimal)channelShare * weight / weightTotal) : (decimal?)null;
            matrix.Channels.Add(new BenchChannel(name, type, cost, weight));
        }
        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var code = 0; code < matrix.LiveCodes.Count; code++)
        {
            for (var channel = 0; channel < matrix.Channels.Count; channel++)
            {
                string key;
                do
                {
                    key = string.Concat(Enumerable.Range(0, ChannelCode.KeyLength).Select(_ => KeyAlphabet[dice.Next(KeyAlphabet.Length)]));
                }
                while (!keys.Add(key));
                matrix.ChannelCodes.Add(new BenchChannelCode(code, channel, key));
            }
        }
        matrix.SeriesWeights = [.. matrix.Series.Select(s => s.Weight)];
        matrix.ChannelWeights = [.. matrix.Channels.Select(c => c.Weight)];
        matrix.LiveCodeWeights = [.. matrix.LiveCodes.Select(c => c.Series.Sum(s => matrix.Series[s].Weight))];
        return matrix;
    }

    /// <summary>The period a series recruits for at <paramref name="at"/>: its first one not ended by then; -1 once all have.</summary>
    public int Current(int series, DateTime at)
    {
        foreach (var activity in Series[series].Activities)
        {
            if (Activities[activity].EndsAt > at)
            {
                return activity;
            }
        }
        return -1;
    }

    /// <summary>The period after <paramref name="activity"/> in its series, <paramref name="step"/> on; -1 past the last.</summary>
    public int Following(int activity, int step)
    {
        var list = Series[Activities[activity].Series].Activities;
        var next = list.IndexOf(activity) + step;
        return next < list.Count ? list[next] : -1;
    }

    public int CodeOf(int liveCode, int channel) => liveCode * Channels.Count + channel;

    /// <summary>Gives every period as many groups as its joins need (at least <see cref="MinGroupsPerActivity"/>), tiers mixed.</summary>
    public void AddGroups(IReadOnlyList<int> staysPerActivity)
    {
        for (var a = 0; a < Activities.Count; a++)
        {
            var activity = Activities[a];
            var count = Math.Max(MinGroupsPerActivity, (staysPerActivity[a] + StaysPerGroup - 1) / StaysPerGroup);
            var perTier = new Dictionary<GroupTier, int>();
            for (var i = 0; i < count; i++)
            {
                var tier = TierCycle[i % TierCycle.Length];
                perTier[tier] = perTier.GetValueOrDefault(tier) + 1;
                activity.Groups.Add(Groups.Count);
                Groups.Add(new BenchGroup(a, $"{activity.Name}-{TierName(tier)}{perTier[tier]}群", tier));
            }
        }
    }

    private static string TierName(GroupTier tier) => tier switch
    {
        GroupTier.Welfare => "福利",
        GroupTier.Core => "核心",
        _ => "流通",
    };

    private void AddPeriods(IndexBenchRandom dice, int series, double days)
    {
        var periods = dice.Next(6, 9);
        var spacing = days / periods;
        var duration = Math.Max(1, (int)Math.Round(spacing * 0.6));
        var endDay = DateOnly.FromDateTime(PortalTime.ToLocal(dice.End));
        for (var k = 0; k < periods; k++)
        {
            var start = DateOnly.FromDateTime(PortalTime.ToLocal(dice.Start.AddDays((k + 0.3 + 0.3 * dice.NextDouble()) * spacing)));
            // A third of the series already announced their next period, which starts after the window.
            if (k == periods - 1 && series % 3 == 2)
            {
                start = endDay.AddDays(2);
            }
            var end = start.AddDays(duration - 1);
            var startsAt = Midnight(start);
            var endsAt = Midnight(end.AddDays(1));
            var status = endsAt <= dice.End ? ActivityStatus.Ended : startsAt <= dice.End ? ActivityStatus.Running : ActivityStatus.Planned;
            Series[series].Activities.Add(Activities.Count);
            Activities.Add(new BenchActivity(series, k + 1, $"{Series[series].Name}第{k + 1}期", start, end, startsAt, endsAt,
                startsAt.AddDays(-spacing / 2), status));
        }
    }

    private static DateTime Midnight(DateOnly day) => PortalTime.ToUtc(day.ToDateTime(TimeOnly.MinValue));
}
