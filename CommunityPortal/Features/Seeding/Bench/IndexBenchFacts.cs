using CommunityPortal.Features.Members;
using CommunityPortal.Features.Members.Events;

namespace CommunityPortal.Features.Seeding.Bench;

/// <summary>A planned member event: plan indexes (-1 for none), the amount of a purchase, the detail as the feature stores it.</summary>
internal readonly record struct BenchFact(int Member, MemberEventKind Kind, DateTime At, int Group, int Activity, decimal? Amount, string? Detail);

internal readonly record struct BenchRecord(int Member, int Text, int Author, DateTime At);

/// <summary>
/// The index bench's member events and service records. The blacklisted get their Blacklisted event; about a third of
/// those who signed up buy (a few of the others too), a quarter of buyers twice; 3 % of members have a service record.
/// "Active" events (messages, visits, check-ins, as the events API reports them) fill the rest of the bench's budget of
/// <see cref="EventsPerMember"/> events a member, shared by how engaged each member is and how long they have been
/// here, most of them soon after the member arrived; a member is active in a group only while in it.
/// </summary>
internal sealed class IndexBenchFacts(IndexBenchRandom dice, IndexBenchPeople people)
{
    public const int EventsPerMember = 10;
    public const string BlacklistReason = "群内发广告";
    public const string BlacklistedBy = "小王";
    private const double RecordShare = 0.03;

    public static readonly string[] Operators = ["小李", "小王", "小张"];

    public static readonly (ServiceRecordKind Kind, string Text)[] RecordTexts =
    [
        (ServiceRecordKind.Consultation, "咨询课程安排，已发送课表。"),
        (ServiceRecordKind.Consultation, "问孩子年龄是否合适，已推荐对应的营期。"),
        (ServiceRecordKind.FollowUp, "回访上期学习情况，家长反馈孩子很喜欢。"),
        (ServiceRecordKind.Complaint, "反映群里消息太多，已告知可设置免打扰。"),
        (ServiceRecordKind.Other, "更换了联系手机号，已更新。"),
    ];

    private static readonly int[] RecordWeights = [40, 20, 25, 8, 7];
    private static readonly decimal[] Prices = [9.9m, 99m, 199m, 399m, 699m, 1999m];
    private static readonly int[] PriceWeights = [30, 25, 20, 12, 8, 5];
    private static readonly string[] ActiveKinds = ["message", "visit", "checkin"];
    private static readonly int[] ActiveWeights = [65, 25, 10];

    public List<BenchFact> Facts { get; } = [];
    public List<BenchRecord> Records { get; } = [];

    /// <param name="otherEvents">The bench's events outside this class: members, scans, joins, leaves, sign-ups, check-ins.</param>
    public void Plan(long otherEvents)
    {
        var end = dice.End;
        for (var m = 0; m < people.Members.Count; m++)
        {
            var member = people.Members[m];
            if (member.BlacklistedAt is { } blacklisted)
            {
                Facts.Add(new BenchFact(m, MemberEventKind.Blacklisted, blacklisted, -1, -1, null, BlacklistReason));
            }
            Purchases(m, member, member.Horizon(end));
            for (var n = dice.Chance(RecordShare) ? 1 + (dice.Chance(0.2) ? 1 : 0) : 0; n > 0; n--)
            {
                var at = dice.Around(dice.After(member.CreatedAt, 5), member.CreatedAt, member.Horizon(end));
                Records.Add(new BenchRecord(m, dice.Pick(RecordWeights), dice.Next(Operators.Length), at));
            }
        }
        var budget = (long)EventsPerMember * people.Members.Count - otherEvents - Facts.Count - Records.Count;
        Actives(Math.Max(0, budget));
        Facts.Sort((a, b) => a.At.CompareTo(b.At));
        Records.Sort((a, b) => a.At.CompareTo(b.At));
    }

    private void Purchases(int m, BenchMember member, DateTime horizon)
    {
        var signedUp = member.Signups > 0;
        if (!dice.Chance(signedUp ? 0.35 : 0.04))
        {
            return;
        }
        var (from, activity) = signedUp
            ? (people.Signups[member.FirstSignup].At, people.Signups[member.FirstSignup].Activity)
            : (member.CreatedAt, -1);
        for (var n = dice.Chance(0.25) ? 2 : 1; n > 0 && from < horizon; n--)
        {
            var at = dice.Around(dice.After(from, 7), from, horizon);
            Facts.Add(new BenchFact(m, MemberEventKind.Purchased, at, -1, activity, Prices[dice.Pick(PriceWeights)], EventItemReader.Currency));
        }
    }

    private void Actives(long budget)
    {
        var end = dice.End;
        var weights = new double[people.Members.Count];
        var total = 0.0;
        for (var m = 0; m < weights.Length; m++)
        {
            var member = people.Members[m];
            var days = (member.Horizon(end) - member.CreatedAt).TotalDays;
            weights[m] = (0.5 + member.Signups + 0.5 * member.Stays) * Math.Pow(days + 1, 0.7) * (0.2 + 1.6 * dice.NextDouble());
            total += weights[m];
        }
        for (var m = 0; m < weights.Length && total > 0; m++)
        {
            var member = people.Members[m];
            var (from, to) = (member.CreatedAt, member.Horizon(end));
            var expected = budget * weights[m] / total;
            for (var n = (int)expected + (dice.Chance(expected - (int)expected) ? 1 : 0); n > 0 && from < to; n--)
            {
                var at = dice.Around(dice.Chance(0.7) ? dice.After(from, 10) : dice.Between(from, to), from, to);
                Facts.Add(new BenchFact(m, MemberEventKind.Active, at, GroupAt(member, at), -1, null, ActiveKinds[dice.Pick(ActiveWeights)]));
            }
        }
    }

    /// <summary>Half the time the group it happened in: one of the member's stays, if they were in it then.</summary>
    private int GroupAt(BenchMember member, DateTime at)
    {
        if (member.Stays == 0 || !dice.Chance(0.5))
        {
            return -1;
        }
        var stay = people.Stays[member.FirstStay + dice.Next(member.Stays)];
        return stay.JoinedAt <= at && (stay.LeftAt is null || stay.LeftAt > at) ? stay.Group : -1;
    }
}
