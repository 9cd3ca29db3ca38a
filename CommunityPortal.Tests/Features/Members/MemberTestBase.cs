using CommunityPortal.Data;
using CommunityPortal.Features.Matrix;
using CommunityPortal.Features.Matrix.Groups;
using CommunityPortal.Features.Members;
using CommunityPortal.Features.Members.List;
using CommunityPortal.Features.Members.Memberships;
using CommunityPortal.Features.Members.ServiceRecords;
using CommunityPortal.Features.Members.Tags;
using CommunityPortal.Features.Members.Timeline;

namespace CommunityPortal.Tests.Features.Members;

/// <summary>A fresh database per test, the member services, and quick ways to make members, tags, channels and groups.</summary>
public abstract class MemberTestBase : DatabaseTest
{
    protected static readonly MemberActor Xiaowang = MemberSeed.Xiaowang;
    protected static readonly MemberActor Xiaoli = new("user-xiaoli", "小李");
    protected static readonly MemberActor Xiaozhang = new("user-xiaozhang", "小张");

    protected MemberService Members => Get<MemberService>();

    protected TagService Tags => Get<TagService>();

    protected MemberQueryService Query => Get<MemberQueryService>();

    protected MemberTimelineService Timeline => Get<MemberTimelineService>();

    protected ServiceRecordService Records => Get<ServiceRecordService>();

    protected MembershipService Memberships => Get<MembershipService>();

    protected Task<MemberHeader> CreateMemberAsync(string nickname, string? phone = null, string? unionId = null,
        GrowthLevel level = GrowthLevel.C, int? channelId = null, MemberActor? actor = null) =>
        Database.Services.MemberAsync(nickname, phone, unionId, level, channelId, actor);

    protected Task<int> ChannelAsync(string name) => Database.Services.ChannelAsync(name);

    protected Task<GroupDto> GroupAsync(string name, int capacity = 200, int memberCount = 0) =>
        Database.Services.OpenGroupAsync(name, capacity, memberCount, lifetime: null);

    protected Task<TagDto> TagAsync(string name, string group = "兴趣", TagGroupKind kind = TagGroupKind.Attribute, string colour = "#1E88E5") =>
        Database.Services.TagAsync(name, group, kind, colour);

    /// <summary>
    /// Many members at once, numbered through the real counter (tests of bulk paths need more members than creating
    /// them one by one through the service allows in a test's time).
    /// </summary>
    protected async Task<IReadOnlyList<int>> ManyMembersAsync(int count, Func<int, GrowthLevel>? level = null)
    {
        await using var db = Database.CreateDbContext();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var first = await MemberNumbers.ReserveAsync(db, count, CancellationToken.None);
        var members = Enumerable.Range(0, count)
            .Select(i => new Member { MemberNo = first + i, Nickname = $"批量{i}", GrowthLevel = level?.Invoke(i) ?? GrowthLevel.C })
            .ToList();
        db.AddRange(members);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return [.. members.Select(m => m.Id)];
    }
}
