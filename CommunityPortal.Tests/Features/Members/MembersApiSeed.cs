using CommunityPortal.Data;
using CommunityPortal.Features.Matrix;
using CommunityPortal.Features.Matrix.Activities;
using CommunityPortal.Features.Matrix.Groups;
using CommunityPortal.Features.Matrix.SeriesEditor;
using CommunityPortal.Features.Matrix.Themes;
using CommunityPortal.Features.Members;
using CommunityPortal.Features.Members.Memberships;
using CommunityPortal.Features.Members.Tags;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPortal.Tests.Features.Members;

/// <summary>
/// Data for the members, tags and events API tests, made through the services of the app under test. A class fixture
/// shares its database between tests, so every helper makes unique names, phones and UnionIDs.
/// </summary>
internal static class MembersApiSeed
{
    private static int _next = Random.Shared.Next(1_000_000, 9_000_000);

    public static int Next() => Interlocked.Increment(ref _next);

    /// <summary>A mainland mobile number no other test uses: 139 + 8 digits.</summary>
    public static string Phone() => $"139{Next():D8}";

    public static string UnionId() => $"oTest{Guid.NewGuid():N}"[..28];

    public static async Task<MemberHeader> MemberAsync(IServiceProvider services, string nickname, string? phone = null, string? unionId = null,
        GrowthLevel level = GrowthLevel.C)
    {
        using var scope = services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<MemberService>().CreateAsync(
            new MemberInput { Nickname = nickname, Phone = phone, UnionId = unionId, GrowthLevel = level }, new MemberActor("test", "测试"));
    }

    public static async Task<TagDto> TagAsync(IServiceProvider services, string? name = null)
    {
        using var scope = services.CreateScope();
        var tags = scope.ServiceProvider.GetRequiredService<TagService>();
        var group = await tags.CreateGroupAsync(new TagGroupInput { Name = $"组{Next()}", Kind = TagGroupKind.Attribute });
        return await tags.CreateTagAsync(new TagInput { TagGroupId = group.Id, Name = name ?? $"标签{Next()}" });
    }

    public static async Task TagMemberAsync(IServiceProvider services, int memberId, int tagId)
    {
        using var scope = services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<TagService>().AddToMemberAsync(memberId, tagId, new MemberActor("test", "测试"));
    }

    public static async Task<int> GroupAsync(IServiceProvider services, int capacity = 200)
    {
        using var scope = services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<GroupService>().CreateAsync(new GroupInput
        {
            Name = $"福利群{Next()}", Status = GroupStatus.Open, Capacity = capacity,
        })).Id;
    }

    public static async Task<ActivityDto> ActivityAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var sp = scope.ServiceProvider;
        var theme = await sp.GetRequiredService<ThemeService>().CreateAsync(new ThemeInput { Name = $"主题{Next()}" });
        var series = await sp.GetRequiredService<SeriesService>().CreateAsync(new SeriesInput { ThemeId = theme.Id, Name = "阅读营" });
        return await sp.GetRequiredService<ActivityService>().CreateAsync(new ActivityInput
        {
            SeriesId = series.Id, PeriodNo = 1, Name = "阅读营第1期", StartDate = new DateOnly(2026, 12, 1), EndDate = new DateOnly(2026, 12, 7),
        });
    }

    public static async Task JoinAsync(IServiceProvider services, int memberId, int groupId)
    {
        using var scope = services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<MembershipService>().JoinAsync(memberId, groupId, MembershipSource.Manual);
    }

    public static async Task<int> GroupCountAsync(IServiceProvider services, int groupId)
    {
        using var scope = services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<GroupService>().GetAsync(groupId)).MemberCount;
    }

    public static async Task<int> CountAsync<T>(IServiceProvider services, Func<IQueryable<T>, IQueryable<T>>? where = null) where T : class
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var set = db.Set<T>().AsNoTracking();
        return await (where is null ? set : where(set)).CountAsync();
    }

    /// <summary>Many members at once through the real number counter (a full batch needs a thousand).</summary>
    public static async Task<IReadOnlyList<int>> ManyMembersAsync(IServiceProvider services, int count)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var first = await MemberNumbers.ReserveAsync(db, count, CancellationToken.None);
        var members = Enumerable.Range(0, count).Select(i => new Member { MemberNo = first + i, Nickname = $"批量{i}" }).ToList();
        db.AddRange(members);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return [.. members.Select(m => m.MemberNo)];
    }
}
