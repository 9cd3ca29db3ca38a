using CommunityPortal.Features.LiveCodes;
using CommunityPortal.Features.Visitors;

namespace CommunityPortal.Features.Seeding.Bench;

/// <summary>A planned scan: indexes into the plan (-1 for none) and <see cref="Visitor"/>, the number its visitor key is made from.</summary>
internal readonly record struct BenchScan(int LiveCode, int ChannelCode, int Group, long Visitor, int Member, ScanOutcome Outcome, int Agent, DateTime At);

/// <summary>
/// The index bench's scans, about three per member: each member who came through a channel scanned its code minutes
/// before their 学号 (linked to them when they signed up, as the sign-up page links a visitor's scans), half of the
/// others scanned the plain code; far more visitors scanned and never became members. A visitor scanning again
/// within 24 h is a repeat shown the same group, as the router decides; 2 % of scans are link-preview bots (no cookie,
/// so a new visitor key each) and 1 % of visitors met the fallback.
/// </summary>
internal sealed class IndexBenchTraffic(IndexBenchRandom dice, IndexBenchMatrix matrix, IndexBenchPeople people)
{
    public const int ScansPerMember = 3;
    private const double BotShare = 0.02;
    private const double FallbackShare = 0.01;
    private const double DirectShare = 0.15;
    private const double RepeatShare = 0.3;
    private static readonly int[] ScansPerVisitor = [65, 25, 10];

    /// <summary>User agents as the scan page receives them, each with the class ClientClassifier gives it.</summary>
    public static readonly (ClientKind Client, string UserAgent)[] Agents =
    [
        (ClientKind.WeChatMobile, "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 " +
                                  "MicroMessenger/8.0.49(0x18003137) NetType/WIFI Language/zh_CN"),
        (ClientKind.WeChatMobile, "Mozilla/5.0 (Linux; Android 14; V2309A Build/UP1A.231005.007; wv) AppleWebKit/537.36 (KHTML, like Gecko) " +
                                  "Version/4.0 Chrome/122.0.6261.120 Mobile Safari/537.36 MicroMessenger/8.0.49.2600(0x28003133) NetType/5G Language/zh_CN"),
        (ClientKind.WeChatDesktop, "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/81.0.4044.138 Safari/537.36 " +
                                   "NetType/WIFI MicroMessenger/7.0.20.1781(0x6700143B) WindowsWechat(0x63090a13)"),
        (ClientKind.OtherMobile, "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1"),
        (ClientKind.OtherDesktop, "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36 Edg/124.0.0.0"),
        (ClientKind.Bot, "Mozilla/5.0 (compatible; Baiduspider/2.0; +http://www.baidu.com/search/spider.html)"),
        (ClientKind.Bot, "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)"),
        (ClientKind.Bot, "curl/8.5.0"),
    ];

    private static readonly int[] PersonAgents = [45, 40, 5, 8, 2];
    private const int FirstBotAgent = 5;

    private int[][]? _seriesWeights;

    public List<BenchScan> Scans { get; } = [];

    public long Visitors { get; private set; }

    public void Plan()
    {
        var target = people.Members.Count * ScansPerMember;
        var bots = (int)Math.Round(target * BotShare);
        for (var m = 0; m < people.Members.Count; m++)
        {
            MemberScans(m);
        }
        while (Scans.Count < target - bots)
        {
            Visitor();
        }
        for (var i = 0; i < bots; i++)
        {
            var liveCode = dice.Pick(matrix.LiveCodeWeights);
            var code = dice.Chance(DirectShare) ? -1 : matrix.CodeOf(liveCode, dice.Pick(matrix.ChannelWeights));
            Scans.Add(new BenchScan(liveCode, code, -1, Visitors++, -1, ScanOutcome.Bot, FirstBotAgent + dice.Next(Agents.Length - FirstBotAgent), dice.Growing()));
        }
        // Written in time order, as the scan writer appends them.
        Scans.Sort((a, b) => a.At.CompareTo(b.At));
    }

    /// <summary>The stored visitor key of a planned visitor: a hash, as for a real visitor cookie.</summary>
    public static string VisitorKey(int seed, long visitor) =>
        VisitorCookie.Hash(FormattableString.Invariant($"index-bench-{seed}-{visitor}"));

    private void MemberScans(int m)
    {
        var member = people.Members[m];
        if (member.Channel < 0 && !dice.Chance(0.5))
        {
            return;
        }
        var liveCode = matrix.Series[member.Series].LiveCode;
        var code = member.Channel >= 0 ? matrix.CodeOf(liveCode, member.Channel) : -1;
        var at = member.CreatedAt.AddMinutes(-dice.Next(1, 30));
        at = at < dice.Start ? dice.Start : at;
        // The group they were shown is the one they joined, when they did.
        var group = member.Stays > 0 ? people.Stays[member.FirstStay].Group : GroupOf(member.Series, at);
        var linked = member.Signups > 0 ? m : -1;
        var (visitor, agent) = (Visitors++, dice.Pick(PersonAgents));
        Scans.Add(new BenchScan(liveCode, code, group, visitor, linked, ScanOutcome.Assigned, agent, at));
        var again = at.AddMinutes(dice.Next(2, 20 * 60));
        if (dice.Chance(RepeatShare) && again < dice.End)
        {
            Scans.Add(new BenchScan(liveCode, code, group, visitor, linked, ScanOutcome.Repeat, agent, again));
        }
    }

    private void Visitor()
    {
        var liveCode = dice.Pick(matrix.LiveCodeWeights);
        var code = dice.Chance(DirectShare) ? -1 : matrix.CodeOf(liveCode, dice.Pick(matrix.ChannelWeights));
        var (visitor, agent) = (Visitors++, dice.Pick(PersonAgents));
        var at = dice.Growing();
        var (group, assignedAt) = (-1, (DateTime?)null);
        for (var k = 1 + dice.Pick(ScansPerVisitor); k > 0 && at < dice.End; k--, at = at.AddMinutes(dice.Next(5, 40 * 60)))
        {
            if (at - assignedAt < VisitorCookie.Lifetime)
            {
                Scans.Add(new BenchScan(liveCode, code, group, visitor, -1, ScanOutcome.Repeat, agent, at));
            }
            else if (dice.Chance(FallbackShare))
            {
                Scans.Add(new BenchScan(liveCode, code, -1, visitor, -1, ScanOutcome.Fallback, agent, at));
            }
            else
            {
                (group, assignedAt) = (GroupAt(liveCode, at), at);
                Scans.Add(new BenchScan(liveCode, code, group, visitor, -1, ScanOutcome.Assigned, agent, at));
            }
        }
    }

    /// <summary>A group of the pool a live code had at that time: one of the groups its series recruited for then.</summary>
    private int GroupAt(int liveCode, DateTime at)
    {
        _seriesWeights ??= [.. matrix.LiveCodes.Select(c => c.Series.Select(s => matrix.Series[s].Weight).ToArray())];
        return GroupOf(matrix.LiveCodes[liveCode].Series[dice.Pick(_seriesWeights[liveCode])], at);
    }

    private int GroupOf(int series, DateTime at)
    {
        var activity = matrix.Current(series, at);
        var groups = matrix.Activities[activity >= 0 ? activity : matrix.Series[series].Activities[^1]].Groups;
        return groups[dice.Next(groups.Count)];
    }
}
