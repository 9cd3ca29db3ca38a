using CommunityPortal.Data;
using CommunityPortal.Features.Members;
using CommunityPortal.Features.Members.List;
using CommunityPortal.Features.Signups;
using Microsoft.EntityFrameworkCore;
using CommunityPortal.Tests.Features.Signups;

namespace CommunityPortal.Tests.Features.Members.List;

/// <summary>MemberFilter.ActivityId: members signed up for an activity, in both query shapes (few or many matching).</summary>
public sealed class MemberActivityFilterTests : IAsyncLifetime
{
    private readonly PortalDatabase _db = new();

    private MemberQueryService Query => _db.Get<MemberQueryService>();

    public Task InitializeAsync() => _db.InitializeAsync();

    public Task DisposeAsync() => _db.DisposeAsync();

    /// <summary>Members numbered through the real counter, as the member tests' bulk helper makes them.</summary>
    private async Task<IReadOnlyList<int>> ManyMembersAsync(int count)
    {
        await using var db = _db.CreateDbContext();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var first = await MemberNumbers.ReserveAsync(db, count, CancellationToken.None);
        var members = Enumerable.Range(0, count).Select(i => new Member { MemberNo = first + i, Nickname = $"批量{i}" }).ToList();
        db.AddRange(members);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return [.. members.Select(m => m.Id)];
    }

    private async Task SignUpAsync(int activityId, IEnumerable<int> memberIds)
    {
        await using var db = _db.CreateDbContext();
        db.AddRange(memberIds.Select(id => new ActivitySignup { ActivityId = activityId, MemberId = id, Name = "家长" }));
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task ActivityFilter_GivesTheSamePage_WhetherFewOrManySignedUp()
    {
        var ids = await ManyMembersAsync(300);
        var small = (await SignupSeed.ActivityAsync(_db.Services, "小班")).Id;
        var big = (await SignupSeed.ActivityAsync(_db.Services, "大课")).Id;
        await SignUpAsync(small, [ids[10], ids[20]]);
        var many = ids.Where((_, i) => i % 3 != 0).ToList();
        await SignUpAsync(big, many);

        var few = await Query.QueryAsync(new MemberQuery { ActivityId = small, Take = 5 });
        var dense = await Query.QueryAsync(new MemberQuery { ActivityId = big, Take = 5, Skip = 5 });

        Assert.Equal(2, few.TotalCount);
        Assert.Equal([ids[20], ids[10]], few.Items.Select(m => m.Id));
        Assert.Equal(200, dense.TotalCount);
        Assert.Equal(Enumerable.Reverse(many).Skip(5).Take(5), dense.Items.Select(m => m.Id));
    }

    [Fact]
    public async Task ActivityFilter_CombinesWithOtherCriteria_AndCounts()
    {
        var ids = await ManyMembersAsync(4);
        var activity = (await SignupSeed.ActivityAsync(_db.Services)).Id;
        await SignUpAsync(activity, [ids[0], ids[1], ids[2]]);
        await SignupSeed.BlacklistAsync(_db.Services, ids[1]);

        var active = await Query.QueryAsync(new MemberQuery { ActivityId = activity, Status = MemberStatus.Active, SortBy = "memberNo", Descending = false });

        Assert.Equal([ids[0], ids[2]], active.Items.Select(m => m.Id));
        Assert.Equal(3, await Query.CountAsync(new MemberFilter { ActivityId = activity }));
        Assert.Equal(0, await Query.CountAsync(new MemberFilter { ActivityId = activity + 1000 }));
    }

    [Fact]
    public async Task ActivityFilter_BothShapes_MatchTheSameMembers()
    {
        var ids = await ManyMembersAsync(20);
        var activity = (await SignupSeed.ActivityAsync(_db.Services)).Id;
        await SignUpAsync(activity, ids.Where((_, i) => i % 4 == 1));
        await using var db = _db.CreateDbContext();
        var filter = new MemberFilter { ActivityId = activity };

        var byIn = await MemberFilters.Apply(db, db.Set<Member>().AsNoTracking(), filter, _db.Get<IActivityParticipants>()).Select(m => m.Id).OrderBy(i => i).ToListAsync();
        var byProbe = await MemberFilters.Apply(db, db.Set<Member>().AsNoTracking(), filter, _db.Get<IActivityParticipants>(), probeEachMember: true).Select(m => m.Id).OrderBy(i => i).ToListAsync();

        Assert.Equal(ids.Where((_, i) => i % 4 == 1).Order(), byIn);
        Assert.Equal(byIn, byProbe);
        Assert.True(MemberFilters.HasSetCriteria(filter));
    }
}
