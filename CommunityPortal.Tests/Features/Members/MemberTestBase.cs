using CommunityPortal.Features.LiveCodes;
using CommunityPortal.Features.LiveCodes.Channels;
using CommunityPortal.Features.Matrix;
using CommunityPortal.Features.Matrix.Groups;
using CommunityPortal.Features.Members;
using CommunityPortal.Features.Members.List;
using CommunityPortal.Features.Members.Memberships;
using CommunityPortal.Features.Members.ServiceRecords;
using CommunityPortal.Features.Members.Tags;
using CommunityPortal.Features.Members.Timeline;
using Microsoft.EntityFrameworkCore;

namespace CommunityPortal.Tests.Features.Members;

/// <summary>A fresh database per test, the member services, and quick ways to make members, tags, channels and groups.</summary>
public abstract class MemberTestBase : IAsyncLifetime
{
    protected static readonly MemberActor Xiaowang = new("user-xiaowang", "小王");
    protected static readonly MemberActor Xiaoli = new("user-xiaoli", "小李");
    protected static readonly MemberActor Xiaozhang = new("user-xiaozhang", "小张");

    protected MemberTestDatabase Db { get; } = new();

    protected MemberService Members => Db.Get<MemberService>();

    protected TagService Tags => Db.Get<TagService>();

    protected MemberQueryService Query => Db.Get<MemberQueryService>();

    protected MemberTimelineService Timeline => Db.Get<MemberTimelineService>();

    protected ServiceRecordService Records => Db.Get<ServiceRecordService>();

    protected MembershipService Memberships => Db.Get<MembershipService>();

    public virtual Task InitializeAsync() => Db.InitializeAsync();

    public Task DisposeAsync() => Db.DisposeAsync();

    protected Task<MemberHeader> CreateMemberAsync(string nickname, string? phone = null, string? unionId = null,
        GrowthLevel level = GrowthLevel.C, int? channelId = null, MemberActor? actor = null) =>
        Members.CreateAsync(new MemberInput
        {
            Nickname = nickname, Phone = phone, UnionId = unionId, GrowthLevel = level, FirstChannelId = channelId,
        }, actor ?? Xiaowang);

    protected async Task<int> ChannelAsync(string name) =>
        (await Db.Get<ChannelService>().CreateAsync(new ChannelInput { Name = name, Type = ChannelType.Article })).Id;

    protected async Task<GroupDto> GroupAsync(string name, int capacity = 200, int memberCount = 0) =>
        await Db.Get<GroupService>().CreateAsync(new GroupInput
        {
            Name = name, Status = GroupStatus.Open, Capacity = capacity, MemberCount = memberCount,
        });

    protected async Task<TagDto> TagAsync(string name, string group = "兴趣", TagGroupKind kind = TagGroupKind.Attribute, string colour = "#1E88E5")
    {
        var groups = await Tags.ListAsync();
        var tagGroup = groups.FirstOrDefault(g => g.Name == group) ?? await Tags.CreateGroupAsync(new TagGroupInput { Name = group, Kind = kind });
        return await Tags.CreateTagAsync(new TagInput { TagGroupId = tagGroup.Id, Name = name, Colour = colour });
    }

    /// <summary>
    /// Many members at once, numbered through the real counter (tests of bulk paths need more members than creating
    /// them one by one through the service allows in a test's time).
    /// </summary>
    protected async Task<IReadOnlyList<int>> ManyMembersAsync(int count, Func<int, GrowthLevel>? level = null)
    {
        await using var db = Db.CreateDbContext();
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

    protected async Task<int> CountAsync<T>(Func<IQueryable<T>, IQueryable<T>>? where = null) where T : class
    {
        await using var db = Db.CreateDbContext();
        var set = db.Set<T>().AsQueryable();
        return await (where is null ? set : where(set)).CountAsync();
    }
}
