using CommunityPortal.Infrastructure.Validation;
using CommunityPortal.Features.LiveCodes;
using CommunityPortal.Features.LiveCodes.Routing;
using CommunityPortal.Features.Matrix;
using CommunityPortal.Features.Matrix.Groups;
using CommunityPortal.Features.Members;
using CommunityPortal.Features.Members.Memberships;
using CommunityPortal.Tests.Features.LiveCodes;
using CommunityPortal.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPortal.Tests.Features.Members.Memberships;

public sealed class MembershipServiceTests : MemberTestBase
{
    [Fact]
    public async Task Join_MakesTheGroupsCountFollowTheRecords_FromTheFirstRecordOn()
    {
        var group = await GroupAsync("福利1群", memberCount: 50);
        var a = await CreateMemberAsync("甲");
        var b = await CreateMemberAsync("乙");

        Assert.True(await Memberships.JoinAsync(a.Id, group.Id, MembershipSource.Manual));
        Assert.True(await Memberships.JoinAsync(b.Id, group.Id, MembershipSource.Api));
        Assert.Equal(2, (await Database.Get<GroupService>().GetAsync(group.Id)).MemberCount);
        Assert.True(await Memberships.LeaveAsync(a.Id, group.Id, MembershipSource.Manual));

        Assert.Equal(1, (await Database.Get<GroupService>().GetAsync(group.Id)).MemberCount);
        Assert.Equal(
            [(50, 1), (1, 2), (2, 1)],
            Database.Published<GroupMemberCountChanged>().Where(e => e.GroupId == group.Id).Select(e => (e.OldCount, e.NewCount)));
        Assert.Equal(2, Database.Published<MemberJoinedGroup>().Count);
        Assert.Single(Database.Published<MemberLeftGroup>());
    }

    [Fact]
    public async Task JoinTwice_OrLeaveWhenNotIn_ChangesNothing()
    {
        var group = await GroupAsync("福利1群");
        var member = await CreateMemberAsync("甲");
        await Memberships.JoinAsync(member.Id, group.Id, MembershipSource.Manual);

        Assert.False(await Memberships.JoinAsync(member.Id, group.Id, MembershipSource.Csv));
        Assert.False(await Memberships.LeaveAsync(member.Id, (await GroupAsync("福利2群")).Id, MembershipSource.Manual));

        Assert.Equal(1, await CountAsync<GroupMembership>());
        Assert.Equal(1, (await Database.Get<GroupService>().GetAsync(group.Id)).MemberCount);
    }

    [Fact]
    public async Task Rejoin_AfterLeaving_KeepsBothStaysAndTheTimelineHasAllThree()
    {
        var group = await GroupAsync("核心群");
        var member = await CreateMemberAsync("甲");
        var start = DateTime.UtcNow.AddDays(-3);
        await Memberships.JoinAsync(member.Id, group.Id, MembershipSource.Csv, start);
        await Memberships.LeaveAsync(member.Id, group.Id, MembershipSource.Manual, start.AddDays(1));
        await Memberships.JoinAsync(member.Id, group.Id, MembershipSource.Api, start.AddDays(2));

        var stays = await Memberships.ListAsync(member.Id);
        var timeline = (await Timeline.GetAsync(member.Id)).Items.Where(e => e.GroupId == group.Id).ToList();

        Assert.Equal([null, start.AddDays(1)], stays.Select(s => s.LeftAt));
        Assert.Equal([TimelineKind.GroupJoined, TimelineKind.GroupLeft, TimelineKind.GroupJoined], timeline.Select(e => e.Kind));
        Assert.All(timeline, e => Assert.Equal("核心群", e.GroupName));
        Assert.Equal(1, (await Database.Get<GroupService>().GetAsync(group.Id)).MemberCount);
    }

    [Fact]
    public async Task Join_TagsTheMemberWithTheGroupsBehaviourTag_InThePortalsOwnTagGroup()
    {
        var member = await CreateMemberAsync("甲");
        var first = await GroupAsync("福利1群");

        await Memberships.JoinAsync(member.Id, first.Id, MembershipSource.Manual);

        var tag = Assert.Single((await Members.GetAsync(member.Id)).Tags);
        Assert.Equal(("福利1群", TagGroupKind.Behaviour), (tag.Name, tag.Kind));
        var groups = await Tags.ListAsync();
        Assert.True(Assert.Single(groups).IsAuto);
    }

    [Fact]
    public async Task PortalsOwnTagGroup_ReadsInTheReadersLanguage_WhateverLanguageMadeIt()
    {
        var member = await CreateMemberAsync("甲");
        var group = await GroupAsync("福利1群");
        using (new CultureScope("en"))
        {
            // As the admin CLI's seed-demo does: its process is not in Chinese.
            await Memberships.JoinAsync(member.Id, group.Id, MembershipSource.Manual);
        }

        using (new CultureScope("zh-CN"))
        {
            Assert.Equal("所在群", Assert.Single(await Tags.ListAsync()).Name);
        }
        using (new CultureScope("en"))
        {
            Assert.Equal("Groups joined", Assert.Single(await Tags.ListAsync()).Name);
        }
    }

    [Fact]
    public async Task Join_AFullGroup_IsRefusedNamingTheGroup_AndWritesNothing()
    {
        var group = await GroupAsync("小群", capacity: 1);
        await Memberships.JoinAsync((await CreateMemberAsync("甲")).Id, group.Id, MembershipSource.Manual);
        var late = await CreateMemberAsync("乙");

        var ex = await Assert.ThrowsAsync<PortalValidationException>(() => Memberships.JoinAsync(late.Id, group.Id, MembershipSource.Manual));

        Assert.Contains("GroupId", ex.Errors.Keys);
        Assert.Equal(1, await CountAsync<GroupMembership>());
    }

    [Fact]
    public async Task Join_UnknownMemberOrGroup_OrInTheFuture_NamesTheField()
    {
        var member = await CreateMemberAsync("甲");
        var group = await GroupAsync("福利1群");

        var unknown = await Assert.ThrowsAsync<PortalValidationException>(() => Memberships.JoinAsync(999, 998, MembershipSource.Manual));
        var future = await Assert.ThrowsAsync<PortalValidationException>(() =>
            Memberships.JoinAsync(member.Id, group.Id, MembershipSource.Manual, DateTime.UtcNow.AddHours(1)));

        Assert.Equal(["GroupId", "MemberId"], unknown.Errors.Keys.Order());
        Assert.Contains("At", future.Errors.Keys);
    }

    [Fact]
    public async Task Leave_BeforeTheJoin_IsRefused()
    {
        var member = await CreateMemberAsync("甲");
        var group = await GroupAsync("福利1群");
        await Memberships.JoinAsync(member.Id, group.Id, MembershipSource.Manual);

        var ex = await Assert.ThrowsAsync<PortalValidationException>(() =>
            Memberships.LeaveAsync(member.Id, group.Id, MembershipSource.Manual, DateTime.UtcNow.AddDays(-1)));

        Assert.Contains("At", ex.Errors.Keys);
    }

    [Fact]
    public async Task Join_WhenTheGroupCountCannotBeWritten_WritesNoMembershipEither()
    {
        var group = await GroupAsync("福利1群");
        var member = await CreateMemberAsync("甲");
        await Database.ExecuteAsync("CREATE TRIGGER fail_groups BEFORE UPDATE ON Groups BEGIN SELECT RAISE(ABORT, 'locked'); END;");

        await Assert.ThrowsAnyAsync<Exception>(() => Memberships.JoinAsync(member.Id, group.Id, MembershipSource.Manual));

        Assert.Equal(0, await CountAsync<GroupMembership>());
        Assert.Equal(0, await CountAsync<MemberTag>());
        Assert.Empty(Database.Published<MemberJoinedGroup>());
        Assert.Empty(Database.Published<GroupMemberCountChanged>());
    }

    [Fact]
    public async Task ManyJoinsAtOnce_LeaveTheCountExact()
    {
        var group = await GroupAsync("福利1群");
        var ids = await ManyMembersAsync(30);

        await Task.WhenAll(ids.Select(id => Task.Run(async () =>
        {
            using var scope = Database.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<MembershipService>().JoinAsync(id, group.Id, MembershipSource.Api);
        })));

        Assert.Equal(30, (await Database.Get<GroupService>().GetAsync(group.Id)).MemberCount);
        Assert.Equal(30, (await Query.QueryAsync(new MemberQuery { GroupId = group.Id })).TotalCount);
    }

    [Fact]
    public async Task LiveCodeRouting_HearsTheCount_AndStopsSendingPeopleToAGroupTheRecordsFilled()
    {
        var full = await LiveCodeSeed.OpenGroupAsync(Database.Services, "满员群", capacity: 2);
        var next = await LiveCodeSeed.OpenGroupAsync(Database.Services, "下一个群");
        var code = await LiveCodeSeed.LiveCodeAsync(Database.Services, "members-route", [new PoolEntryInput(full), new PoolEntryInput(next)]);
        await Database.StartHostedServicesAsync();
        var routing = Database.Get<ILiveCodeRoutingState>();

        foreach (var nickname in new[] { "甲", "乙" })
        {
            await Memberships.JoinAsync((await CreateMemberAsync(nickname)).Id, full, MembershipSource.Api);
        }

        var pool = routing.Find(code.Id)!.Router.Pool;
        Assert.Equal(2, pool.Single(g => g.GroupId == full).MemberCount);
        Assert.Equal(next, routing.Find(code.Id)!.Router.Peek(DateTime.UtcNow)?.GroupId);
    }
}
