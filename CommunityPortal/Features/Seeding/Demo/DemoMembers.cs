using System.Data.Common;
using CommunityPortal.Data;
using CommunityPortal.Features.LiveCodes;
using CommunityPortal.Features.LiveCodes.Channels;
using CommunityPortal.Features.Matrix;
using CommunityPortal.Features.Matrix.Groups;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

using CommunityPortal.Features.Members.Tags;
using CommunityPortal.Features.Members;
namespace CommunityPortal.Features.Seeding.Demo;

internal sealed record DemoMemberCounts(int Members, int FirstMemberNo, int LastMemberNo, int TagsOnMembers, int Memberships, int ServiceRecords);

/// <summary>
/// `admin seed-demo --members N`: many realistic members fast, for the member list and its benchmark. Tag groups, tags
/// and channels go through their services; the members themselves, their tags, a few service records and the group
/// stays are written with raw batched INSERTs (10,000 members per transaction), numbered through the same counter as
/// every other member. Groups that have no membership records yet get as many members as their member count says, so
/// the counts follow the records from the start. Same data for the same N on an empty database (fixed random seed).
/// </summary>
internal sealed class DemoMembers(IServiceProvider services)
{
    private const int BatchSize = 10_000;
    private static readonly TimeSpan Span = TimeSpan.FromDays(365);

    internal static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗", "高"];
    internal static readonly string[] Given = ["小雨", "思远", "欣怡", "子涵", "浩然", "雨桐", "一诺", "梓萱", "宇航", "佳琪", "明轩", "诗涵", "晨曦", "俊杰", "可馨", "嘉怡"];
    internal static readonly string[] Children = ["豆豆", "乐乐", "朵朵", "果果", "糖糖", "小宝", "甜甜", "天天", "悠悠", "多多"];
    internal static readonly string[] English = ["Amy", "Coco", "Lily", "Kevin", "Grace", "Leo", "Sunny", "Vivian", "Jack", "Cindy"];
    internal static readonly string[] Regions = ["北京", "上海", "广州", "深圳", "杭州", "成都", "武汉", "南京", "西安", "重庆", "苏州", "天津"];
    private static readonly (string Name, ChannelType Type)[] Channels =
        [("公众号文章", ChannelType.Article), ("KOL 推荐", ChannelType.Kol), ("线下海报", ChannelType.OfflinePoster), ("朋友圈广告", ChannelType.PaidAd)];
    private static readonly (string Group, TagGroupKind Kind, (string Name, string Colour)[] Tags)[] TagPlan =
    [
        ("行为", TagGroupKind.Behaviour, [("领取资料", "#3949AB"), ("参加直播", "#1E88E5"), ("已购课", "#43A047"), ("点击链接", "#00ACC1")]),
        ("成长", TagGroupKind.Growth, [("核心用户", "#E53935"), ("潜在付费", "#FB8C00"), ("沉默用户", "#757575")]),
        ("兴趣", TagGroupKind.Attribute, [("亲子阅读", "#8E24AA"), ("英语启蒙", "#5E35B1"), ("编程", "#3949AB"), ("绘画", "#D81B60"), ("数学思维", "#6D4C41")]),
        ("孩子年龄", TagGroupKind.Attribute, [("3-6岁", "#7CB342"), ("7-9岁", "#C0CA33"), ("10-12岁", "#FDD835")]),
    ];

    private readonly Random _random = new(20261122);

    public async Task<DemoMemberCounts> SeedAsync(int count, CancellationToken ct)
    {
        var tagIds = await EnsureTagsAsync(ct);
        var factory = services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        var autoTags = services.GetRequiredService<AutoTags>();
        var channelTags = new Dictionary<int, int>();
        var channels = await EnsureChannelsAsync(ct);
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            foreach (var channelId in channels)
            {
                channelTags[channelId] = (await autoTags.ChannelTagAsync(db, channelId, ct))!.Value.Id;
            }
            await transaction.CommitAsync(ct);
        }
        var channelIds = channelTags.Keys.Order().ToArray();

        var now = DateTime.UtcNow;
        var seeded = new List<(int Id, DateTime CreatedAt)>(count);
        var (firstNo, lastNo, tagRows, records) = (0, 0, 0, 0);
        for (var done = 0; done < count; done += BatchSize)
        {
            var size = Math.Min(BatchSize, count - done);
            await using var db = await factory.CreateDbContextAsync(ct);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var first = await MemberNumbers.ReserveAsync(db, size, ct);
            firstNo = done == 0 ? first : firstNo;
            lastNo = first + size - 1;
            var connection = db.Database.GetDbConnection();
            var dbTransaction = transaction.GetDbTransaction();
            var members = new List<(int No, DateTime CreatedAt, int? ChannelId)>(size);
            await using (var insert = BatchInsert.Prepare(connection, dbTransaction, "Members", "MemberNo", "UnionId", "Nickname", "RemarkName", "Phone",
                             "Gender", "Region", "FirstChannelId", "GrowthLevel", "Status", "BlacklistReason", "BlacklistedById", "BlacklistedByName",
                             "BlacklistedAt", "CreatedById", "CreatedByName", "Version", "CreatedAt", "UpdatedAt"))
            {
                for (var i = 0; i < size; i++)
                {
                    var no = first + i;
                    var createdAt = now - Span + Span * ((done + i + 1) / (double)count);
                    int? channelId = channelIds.Length > 0 && _random.Next(10) < 6 ? channelIds[_random.Next(channelIds.Length)] : null;
                    var blacklisted = _random.Next(200) == 0;
                    await insert.RunAsync(ct,
                        no, _random.Next(10) < 8 ? UnionIdFor(no) : null, Nickname(), _random.Next(10) == 0 ? Surnames[_random.Next(Surnames.Length)] + "老师" : null,
                        _random.Next(10) < 7 ? PhoneFor(no) : null, ((Gender)_random.Next(3)).ToString(), Regions[_random.Next(Regions.Length)], channelId,
                        Level().ToString(), (blacklisted ? MemberStatus.Blacklisted : MemberStatus.Active).ToString(),
                        blacklisted ? "群内发广告" : null, null, blacklisted ? "小王" : null, blacklisted ? createdAt.AddDays(1) : null,
                        null, "演示数据", 1, createdAt, createdAt);
                    members.Add((no, createdAt, channelId));
                }
            }
            var ids = await db.Set<Member>().Where(m => m.MemberNo >= first && m.MemberNo <= lastNo)
                .ToDictionaryAsync(m => m.MemberNo, m => m.Id, ct);
            await using (var tag = BatchInsert.Prepare(connection, dbTransaction, "MemberTags", "MemberId", "TagId", "AddedAt", "AddedById", "AddedByName", "Source"))
            await using (var record = BatchInsert.Prepare(connection, dbTransaction, "ServiceRecords", "MemberId", "Kind", "Text", "AuthorId", "AuthorName",
                             "EditedById", "EditedByName", "EditedAt", "Version", "CreatedAt", "UpdatedAt"))
            {
                foreach (var (no, createdAt, channelId) in members)
                {
                    var id = ids[no];
                    seeded.Add((id, createdAt));
                    if (channelId is { } c)
                    {
                        await tag.RunAsync(ct, id, channelTags[c], createdAt, null, null, TagSource.Auto.ToString());
                        tagRows++;
                    }
                    foreach (var tagId in tagIds.OrderBy(_ => _random.Next()).Take(_random.Next(5)))
                    {
                        await tag.RunAsync(ct, id, tagId, createdAt.AddHours(1), null, "小王", TagSource.Manual.ToString());
                        tagRows++;
                    }
                    if (_random.Next(20) == 0)
                    {
                        await record.RunAsync(ct, id, ServiceRecordKind.Consultation.ToString(), "咨询课程安排，已发送课表。", null, "小李",
                            null, null, null, 1, createdAt.AddHours(2), createdAt.AddHours(2));
                        records++;
                    }
                }
            }
            await transaction.CommitAsync(ct);
        }
        var memberships = await SeedMembershipsAsync(factory, autoTags, seeded, now, ct);
        return new DemoMemberCounts(count, firstNo, lastNo, tagRows, memberships, records);
    }

    /// <summary>Open stays for the groups that have none yet, as many as each group's member count (or as there are new members).</summary>
    private async Task<int> SeedMembershipsAsync(IDbContextFactory<PortalDbContext> factory, AutoTags autoTags,
        List<(int Id, DateTime CreatedAt)> seeded, DateTime now, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var groups = await db.Set<Group>().AsNoTracking()
            .Where(g => g.MemberCount > 0 && !db.Set<GroupMembership>().Any(m => m.GroupId == g.Id))
            .OrderBy(g => g.Id).Select(g => new { g.Id, g.MemberCount }).ToListAsync(ct);
        var groupService = services.GetRequiredService<GroupService>();
        var connection = db.Database.GetDbConnection();
        var dbTransaction = transaction.GetDbTransaction();
        var total = 0;
        foreach (var group in groups)
        {
            var groupTag = (await autoTags.GroupTagAsync(db, group.Id, ct))!.Value.Id;
            var chosen = Enumerable.Range(0, Math.Min(group.MemberCount, seeded.Count))
                .Select(_ => seeded[_random.Next(seeded.Count)]).DistinctBy(m => m.Id).ToList();
            await using (var stay = BatchInsert.Prepare(connection, dbTransaction, "GroupMemberships", "MemberId", "GroupId", "JoinedAt", "LeftAt", "Source"))
            await using (var tag = BatchInsert.Prepare(connection, dbTransaction, "MemberTags", "MemberId", "TagId", "AddedAt", "AddedById", "AddedByName", "Source"))
            {
                foreach (var (id, createdAt) in chosen)
                {
                    var joinedAt = Min(createdAt.AddMinutes(_random.Next(1, 2 * 24 * 60)), now);
                    await stay.RunAsync(ct, id, group.Id, joinedAt, null, MembershipSource.Csv.ToString());
                    await tag.RunAsync(ct, id, groupTag, joinedAt, null, null, TagSource.Auto.ToString());
                }
            }
            await groupService.SetMemberCountAsync(db, group.Id, chosen.Count, ct);
            total += chosen.Count;
        }
        await transaction.CommitAsync(ct);
        return total;
    }

    private async Task<int[]> EnsureTagsAsync(CancellationToken ct)
    {
        var tags = services.GetRequiredService<TagService>();
        var existing = await tags.ListAsync(ct);
        var ids = new List<int>();
        foreach (var (groupName, kind, plan) in TagPlan)
        {
            var group = existing.FirstOrDefault(g => g.Name == groupName)
                ?? await tags.CreateGroupAsync(new TagGroupInput { Name = groupName, Kind = kind }, ct);
            foreach (var (name, colour) in plan)
            {
                ids.Add((group.Tags.FirstOrDefault(t => t.Name == name)
                    ?? await tags.CreateTagAsync(new TagInput { TagGroupId = group.Id, Name = name, Colour = colour }, ct)).Id);
            }
        }
        return [.. ids];
    }

    private async Task<IReadOnlyList<int>> EnsureChannelsAsync(CancellationToken ct)
    {
        var channels = services.GetRequiredService<ChannelService>();
        var existing = await channels.ListAsync(ct);
        var ids = new List<int>();
        foreach (var (name, type) in Channels)
        {
            ids.Add((existing.FirstOrDefault(c => c.Name == name) ?? await channels.CreateAsync(new ChannelInput { Name = name, Type = type }, ct)).Id);
        }
        return ids;
    }

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    private GrowthLevel Level() => _random.Next(10) switch
    {
        0 => GrowthLevel.S,
        1 or 2 => GrowthLevel.A,
        _ => GrowthLevel.C,
    };

    private string Nickname() => _random.Next(4) switch
    {
        0 => Surnames[_random.Next(Surnames.Length)] + Given[_random.Next(Given.Length)],
        1 => Children[_random.Next(Children.Length)] + (_random.Next(2) == 0 ? "妈妈" : "爸爸"),
        2 => English[_random.Next(English.Length)] + (_random.Next(2) == 0 ? "" : _random.Next(10, 99).ToString(System.Globalization.CultureInfo.InvariantCulture)),
        _ => Given[_random.Next(Given.Length)],
    };

    /// <summary>Distinct per MemberNo: the nine-digit tail is a bijection of the number (7919 is prime to 10^9).</summary>
    internal static string PhoneFor(int memberNo) =>
        FormattableString.Invariant($"1{3 + memberNo % 7}{(memberNo * 7919L + 12345) % 1_000_000_000:D9}");

    /// <summary>28 characters like a real UnionID, distinct per MemberNo.</summary>
    internal static string UnionIdFor(int memberNo) =>
        FormattableString.Invariant($"oDemo{memberNo:D8}") + Convert.ToHexString(BitConverter.GetBytes(memberNo * 2654435761L))[..15];
}
