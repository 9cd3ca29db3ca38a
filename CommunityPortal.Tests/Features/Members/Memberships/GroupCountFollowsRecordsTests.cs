using CommunityPortal.Infrastructure.Validation;
using CommunityPortal.Features.Matrix;
using CommunityPortal.Features.Matrix.Groups;
using CommunityPortal.Features.Members;
using CommunityPortal.Features.Members.Memberships;
using CommunityPortal.Infrastructure.Security;
using CommunityPortal.Tests.Features.Matrix;
using Microsoft.Extensions.DependencyInjection;
using CommunityPortal.Tests.Infrastructure.Api;

namespace CommunityPortal.Tests.Features.Members.Memberships;

/// <summary>Once a group has membership records, joins and leaves alone move its member count: a typed count is ignored.</summary>
public sealed class GroupCountFollowsRecordsTests : MemberTestBase
{
    private GroupService Groups => Database.Get<GroupService>();

    [Fact]
    public async Task Update_WithoutRecords_TakesTheTypedCount()
    {
        var group = await GroupAsync("会员群");

        var input = group.ToInput();
        input.MemberCount = 40;
        var saved = await Groups.UpdateAsync(group.Id, input, group.Version);

        Assert.Equal(40, saved.MemberCount);
        Assert.False(await Groups.MemberCountFollowsRecordsAsync(group.Id));
    }

    [Fact]
    public async Task Update_OfAGroupWithRecords_KeepsTheRecordsCount_AndSavesTheRest()
    {
        var group = await GroupAsync("会员群", memberCount: 30);
        await Memberships.JoinAsync((await CreateMemberAsync("甲")).Id, group.Id, MembershipSource.Manual);
        await Memberships.JoinAsync((await CreateMemberAsync("乙")).Id, group.Id, MembershipSource.Manual);
        var loaded = await Groups.GetAsync(group.Id);
        Assert.Equal(2, loaded.MemberCount);

        var input = loaded.ToInput();
        input.MemberCount = 150;
        input.Announcement = "本周共读";
        var saved = await Groups.UpdateAsync(group.Id, input, loaded.Version);

        Assert.Equal((2, "本周共读"), (saved.MemberCount, saved.Announcement));
        Assert.True(await Groups.MemberCountFollowsRecordsAsync(group.Id));
        Assert.DoesNotContain(Database.Published<GroupMemberCountChanged>(), e => e.GroupId == group.Id && e.NewCount == 150);
    }

    [Fact]
    public async Task Update_AfterEveryoneLeft_StillIgnoresATypedCount()
    {
        var group = await GroupAsync("会员群");
        var member = await CreateMemberAsync("甲");
        await Memberships.JoinAsync(member.Id, group.Id, MembershipSource.Manual);
        await Memberships.LeaveAsync(member.Id, group.Id, MembershipSource.Manual);
        var loaded = await Groups.GetAsync(group.Id);

        var input = loaded.ToInput();
        input.MemberCount = 25;
        var saved = await Groups.UpdateAsync(group.Id, input, loaded.Version);

        Assert.Equal(0, saved.MemberCount);
        Assert.True(await Groups.MemberCountFollowsRecordsAsync(group.Id));
    }

    [Fact]
    public async Task Update_WithACapacityBelowTheRecordsCount_IsRefusedOnTheCapacity()
    {
        var group = await GroupAsync("会员群");
        await Memberships.JoinAsync((await CreateMemberAsync("甲")).Id, group.Id, MembershipSource.Manual);
        await Memberships.JoinAsync((await CreateMemberAsync("乙")).Id, group.Id, MembershipSource.Manual);
        var loaded = await Groups.GetAsync(group.Id);

        var input = loaded.ToInput();
        input.Capacity = 1;
        input.MemberCount = 0;
        var refused = await Assert.ThrowsAsync<PortalValidationException>(() => Groups.UpdateAsync(group.Id, input, loaded.Version));

        Assert.Equal([nameof(GroupInput.Capacity)], refused.Errors.Keys);
        Assert.Equal(200, (await Groups.GetAsync(group.Id)).Capacity);
    }
}

/// <summary>The groups API's update follows the same rule: its memberCount is ignored once the group has records.</summary>
public sealed class GroupCountFollowsRecordsApiTests(ApiSite factory) : IClassFixture<ApiSite>
{
    [Fact]
    public async Task Put_WithAMemberCount_OnAGroupWithRecords_AnswersTheRecordsCount()
    {
        var client = factory.ClientAs(Roles.Operator);
        var group = await client.CreateGroupAsync(new { name = MatrixApi.Unique("会员群"), status = "Open", memberCount = 10 });
        using (var scope = factory.Services.CreateScope())
        {
            var member = await scope.ServiceProvider.GetRequiredService<MemberService>()
                .CreateAsync(new MemberInput { Nickname = "甲" }, new MemberActor("test", "测试"));
            await scope.ServiceProvider.GetRequiredService<MembershipService>().JoinAsync(member.Id, group.Id, MembershipSource.Api);
        }
        var current = await (await client.GetAsync($"/api/v1/groups/{group.Id}")).ReadAsync<GroupResponse>();

        var updated = await (await client.PutJsonAsync($"/api/v1/groups/{group.Id}", new
        {
            name = group.Name, status = "Open", memberCount = 99, version = current.Version,
        })).ReadAsync<GroupResponse>();

        Assert.Equal(1, updated.MemberCount);
    }
}
