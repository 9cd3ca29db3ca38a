using CommunityPortal.Features.Matrix;

namespace CommunityPortal.Features.Seeding.Demo;

/// <summary>
/// The demo content for `admin seed-demo`: what a Chinese operations team's matrix looks like after a few months
/// (group tiers 福利/核心/流通 after seeds/001, temporary vs long-term groups after seeds/004).
/// Dates are relative to today, so the demo always has ended, running and planned periods.
/// </summary>
internal static class DemoMatrix
{
    public static readonly DemoOperator[] Operators =
    [
        new("运营小李", "xiaoli@example.com"),
        new("运营小王", "xiaowang@example.com"),
        new("运营小张", "xiaozhang@example.com"),
    ];

    public static readonly DemoTheme[] Themes =
    [
        new("亲子阅读", "陪伴 3–10 岁的孩子爱上阅读：打卡营、绘本共读和家长交流。",
        [
            new("21天阅读打卡营", "阅读营", "21天阅读营", "每天 15 分钟亲子共读，21 天养成阅读习惯。",
                [new(-77, 21, ActivityStatus.Ended), new(-49, 21, ActivityStatus.Ended), new(-10, 21, ActivityStatus.Running), new(18, 21, ActivityStatus.Planned)],
                [Welfare("福利1群", "北京"), Welfare("福利2群", "上海"), Core("核心群", GroupLifetime.LongTerm), Circulation("学院群")]),
            new("绘本共读周末班", "绘本班", "绘本共读", "每周末一本精选绘本，老师带读、家长陪读。",
                [new(-63, 28, ActivityStatus.Ended), new(-14, 28, ActivityStatus.Running)],
                [Welfare("福利群", "广州"), Core("核心群", GroupLifetime.LongTerm)]),
        ]),
        new("职场成长", "帮助职场新人和转型者提升效率、规划成长。",
        [
            new("职场新人训练营", "新人营", "职场训练营", "两周掌握汇报、沟通与时间管理的基本功。",
                [new(-56, 14, ActivityStatus.Ended), new(-5, 14, ActivityStatus.Running), new(16, 14, ActivityStatus.Planned)],
                [Welfare("福利1群", "深圳"), Welfare("福利2群", "杭州"), Core("核心群", GroupLifetime.Temporary), Circulation("流通群")]),
            new("Excel效率课堂", "Excel课", "Excel效率课", "7 天学会数据透视表和常用函数。",
                [new(-40, 7, ActivityStatus.Ended), new(9, 7, ActivityStatus.Planned)],
                [Welfare("福利群", null), Core("答疑群", GroupLifetime.Temporary, 150)]),
        ]),
        new("母婴育儿", "为新手爸妈提供科学育儿知识和互助交流。",
        [
            new("新手妈妈课堂", "妈妈课堂", "新手妈妈课", "儿科医生和育婴师带你度过宝宝的第一年。",
                [new(-60, 10, ActivityStatus.Ended), new(-30, 10, ActivityStatus.Ended), new(-2, 10, ActivityStatus.Running)],
                [Welfare("福利1群", "成都"), Welfare("福利2群", "武汉"), Core("核心群", GroupLifetime.Temporary)]),
        ]),
    ];

    /// <summary>Long-term groups outside any activity (relationship groups: members, cities, alumni).</summary>
    public static readonly DemoStandaloneGroup[] Standalone =
    [
        new("亲子阅读会员俱乐部", GroupTier.Core, 300, 236, GroupStatus.Open, ["产品:阅读年卡"]),
        new("北京家长交流群", GroupTier.Circulation, 200, 200, GroupStatus.Full, ["城市:北京"]),
        new("上海家长交流群", GroupTier.Circulation, 200, 173, GroupStatus.Open, ["城市:上海"]),
        new("职场成长学院", GroupTier.Circulation, 500, 412, GroupStatus.Open, ["产品:职场训练营"]),
        new("每日福利秒杀群", GroupTier.Welfare, 500, 468, GroupStatus.Open, ["产品:秒杀"]),
    ];

    public static IReadOnlyList<string> RulesFor(GroupTier tier) => tier switch
    {
        GroupTier.Welfare => ["禁止发广告、链接和二维码，违者移出群聊", "每日福利以群公告为准，请勿私信索要", "友善交流，不刷屏、不发无关内容"],
        GroupTier.Core => ["本群为会员专属，请勿私自拉人进群", "每天打卡一次，分享当天的收获", "有问题先@管理员，工作日 24 小时内回复"],
        _ => ["欢迎分享经验与资源，禁止推销和刷屏", "邀请新朋友前请先告知管理员", "群内资料仅供学习，请勿外传"],
    };

    public static string AnnouncementFor(GroupTier tier) => tier switch
    {
        GroupTier.Welfare => "【开群仪式】今晚 20:00 开群仪式：发红包、介绍本期福利和打卡规则，准时参加再抽 3 份小礼物！",
        GroupTier.Core => "【会员须知】每周三晚 8 点答疑直播，每周日发布下周计划；请把群昵称改为“城市-昵称”。",
        _ => "【学院公告】每周五请一位成员分享实战经验，欢迎报名；优秀分享者可获得下期训练营名额。",
    };

    public static string WelcomeFor(GroupTier tier, string groupName, string? seriesName) => tier switch
    {
        GroupTier.Welfare => $"你好～欢迎加入{groupName}！进群即可领取【无门槛3元优惠券】，还有拼团、秒杀等福利，请先看群公告哦～",
        GroupTier.Core => $"欢迎加入{groupName}！这里是{seriesName ?? "会员"}专属群，请先阅读群规，再做个简单的自我介绍吧～",
        _ => $"欢迎来到{groupName}！这里聚集了往期的优秀学员，欢迎分享经验、互相帮助。",
    };

    private static DemoGroupPlan Welfare(string suffix, string? city) => new(suffix, GroupTier.Welfare, GroupLifetime.Temporary, 200, city);

    private static DemoGroupPlan Core(string suffix, GroupLifetime lifetime, int capacity = 100) => new(suffix, GroupTier.Core, lifetime, capacity, null);

    private static DemoGroupPlan Circulation(string suffix) => new(suffix, GroupTier.Circulation, GroupLifetime.LongTerm, 500, null);
}

internal sealed record DemoOperator(string DisplayName, string Email);

internal sealed record DemoTheme(string Name, string Description, DemoSeries[] Series);

/// <param name="ShortName">Used in group names: "阅读营3期-福利1群".</param>
/// <param name="Product">The product label of every group in the series.</param>
internal sealed record DemoSeries(string Name, string ShortName, string Product, string Description, DemoPeriod[] Periods, DemoGroupPlan[] Groups);

/// <param name="StartOffsetDays">Start date relative to today.</param>
internal sealed record DemoPeriod(int StartOffsetDays, int LengthDays, ActivityStatus Status);

internal sealed record DemoGroupPlan(string Suffix, GroupTier Tier, GroupLifetime Lifetime, int Capacity, string? City);

internal sealed record DemoStandaloneGroup(string Name, GroupTier Tier, int Capacity, int MemberCount, GroupStatus Status, string[] Labels);
