using CommunityPortal.Features.LiveCodes;
using CommunityPortal.Features.Members;
using CommunityPortal.Features.Seeding.Demo;
using CommunityPortal.Features.Signups;

namespace CommunityPortal.Features.Seeding.Bench;

/// <summary>The database keys of the plan's rows, by plan index, as the writer learns them.</summary>
internal sealed class IndexBenchIds
{
    public int[] Activities { get; set; } = [];
    public int[] Groups { get; set; } = [];
    public int[] Channels { get; set; } = [];
    public int[] LiveCodes { get; set; } = [];
    public int[] ChannelCodes { get; set; } = [];
    public int[] Members { get; set; } = [];
    public int[] MemberNos { get; set; } = [];

    public int? Group(int index) => index < 0 ? null : Groups[index];

    public int? Activity(int index) => index < 0 ? null : Activities[index];
}

/// <summary>
/// A planned row as the entity its feature stores: enums and UTC times as EF writes them (BatchInsert takes the
/// converters from the model). A member's profile (nickname, phone, UnionID …) follows from their 学号, so it needs no
/// plan of its own and stays unique.
/// </summary>
internal sealed class IndexBenchRows(IndexBenchPlan plan, IndexBenchIds ids)
{
    private const string CheckedInBy = "小李";

    public Member Member(int m, int memberNo)
    {
        var planned = plan.People.Members[m];
        var hash = Hash(memberNo);
        return new Member
        {
            MemberNo = memberNo, UnionId = hash % 10 < 8 ? DemoMembers.UnionIdFor(memberNo) : null, Nickname = Nickname(memberNo),
            RemarkName = hash % 100 < 8 ? DemoMembers.Surnames[hash / 7 % (uint)DemoMembers.Surnames.Length] + "老师" : null,
            Phone = Phone(memberNo), Gender = (Gender)(hash / 3 % 3), Region = DemoMembers.Regions[hash / 11 % (uint)DemoMembers.Regions.Length],
            FirstChannelId = planned.Channel < 0 ? null : ids.Channels[planned.Channel], GrowthLevel = planned.Level,
            Status = planned.BlacklistedAt is null ? MemberStatus.Active : MemberStatus.Blacklisted,
            BlacklistReason = planned.BlacklistedAt is null ? null : IndexBenchFacts.BlacklistReason,
            BlacklistedByName = planned.BlacklistedAt is null ? null : IndexBenchFacts.BlacklistedBy, BlacklistedAt = planned.BlacklistedAt,
            CreatedAt = planned.CreatedAt, UpdatedAt = planned.BlacklistedAt ?? planned.CreatedAt,
        };
    }

    public GroupMembership Stay(BenchStay stay) => new()
    {
        MemberId = ids.Members[stay.Member], GroupId = ids.Groups[stay.Group], JoinedAt = stay.JoinedAt, LeftAt = stay.LeftAt, Source = stay.Source,
    };

    public ActivitySignup Signup(BenchSignup signup)
    {
        var memberNo = ids.MemberNos[signup.Member];
        var nickname = Nickname(memberNo);
        var member = plan.People.Members[signup.Member];
        return new ActivitySignup
        {
            ActivityId = ids.Activities[signup.Activity], MemberId = ids.Members[signup.Member],
            Name = nickname.Length > ActivitySignup.NameMax ? nickname[..ActivitySignup.NameMax] : nickname, Phone = Phone(memberNo),
            ChannelId = signup.Channel < 0 ? null : ids.Channels[signup.Channel],
            ChannelKey = signup.Channel < 0 ? null : plan.Matrix.ChannelCodes[plan.Matrix.CodeOf(plan.Matrix.Series[member.Series].LiveCode, signup.Channel)].Key,
            CheckedInAt = signup.CheckedInAt, CheckedInByName = signup.CheckedInAt is null ? null : CheckedInBy,
            CreatedAt = signup.At, UpdatedAt = signup.CheckedInAt ?? signup.At,
        };
    }

    public Scan Scan(BenchScan scan) => new()
    {
        LiveCodeId = ids.LiveCodes[scan.LiveCode], ChannelCodeId = scan.ChannelCode < 0 ? null : ids.ChannelCodes[scan.ChannelCode],
        GroupId = ids.Group(scan.Group), VisitorKey = IndexBenchTraffic.VisitorKey(plan.Options.Seed, scan.Visitor),
        MemberId = scan.Member < 0 ? null : ids.Members[scan.Member], Outcome = scan.Outcome, Client = IndexBenchTraffic.Agents[scan.Agent].Client,
        UserAgent = IndexBenchTraffic.Agents[scan.Agent].UserAgent, At = scan.At,
    };

    public MemberEvent Fact(BenchFact fact) => new()
    {
        MemberId = ids.Members[fact.Member], Kind = fact.Kind, At = fact.At, RecordedAt = fact.At,
        ActorName = fact.Kind == MemberEventKind.Blacklisted ? IndexBenchFacts.BlacklistedBy : null,
        GroupId = ids.Group(fact.Group), ActivityId = ids.Activity(fact.Activity), Amount = fact.Amount, Detail = fact.Detail,
    };

    public ServiceRecord Record(BenchRecord record) => new()
    {
        MemberId = ids.Members[record.Member], Kind = IndexBenchFacts.RecordTexts[record.Text].Kind, Text = IndexBenchFacts.RecordTexts[record.Text].Text,
        AuthorName = IndexBenchFacts.Operators[record.Author], CreatedAt = record.At, UpdatedAt = record.At,
    };

    private static string? Phone(int memberNo) => Hash(memberNo) / 13 % 10 < 7 ? DemoMembers.PhoneFor(memberNo) : null;

    private static string Nickname(int memberNo)
    {
        var hash = Hash(memberNo);
        string Of(string[] names, uint salt) => names[hash / salt % (uint)names.Length];
        return (hash / 17 % 4) switch
        {
            0 => Of(DemoMembers.Surnames, 19) + Of(DemoMembers.Given, 23),
            1 => Of(DemoMembers.Children, 29) + (hash / 31 % 2 == 0 ? "妈妈" : "爸爸"),
            2 => Of(DemoMembers.English, 37) + FormattableString.Invariant($"{hash / 41 % 90 + 10}"),
            _ => Of(DemoMembers.Given, 43),
        };
    }

    /// <summary>Knuth's multiplicative hash: the same profile for a 学号 on every run (string.GetHashCode is randomised).</summary>
    private static uint Hash(int memberNo) => unchecked((uint)memberNo * 2654435761u) >> 3;
}
