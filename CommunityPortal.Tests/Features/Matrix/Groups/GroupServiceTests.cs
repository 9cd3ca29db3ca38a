using CommunityPortal.Infrastructure.Validation;
using CommunityPortal.Features.Matrix;
using CommunityPortal.Features.Matrix.Groups;

namespace CommunityPortal.Tests.Features.Matrix.Groups;

public sealed class GroupServiceTests : MatrixTestBase
{
    private async Task<GroupDto> CreateAsync(Action<GroupInput> change, int? activityId = null)
    {
        var input = NewGroup("福利1群", activityId);
        change(input);
        return await Groups.CreateAsync(input);
    }

    private Task<PortalValidationException> RefusedCreateAsync(Action<GroupInput> change, int? activityId = null) =>
        RefusedWithoutTraceAsync<PortalValidationException>(() => CreateAsync(change, activityId));

    // ---- create: what is stored ----

    [Fact]
    public async Task Create_InAnActivity_StoresEveryField_Cleaned()
    {
        var activity = await MatrixWithOneActivityAsync();
        await UserAsync("Owner@Example.com", "小王");

        var group = await CreateAsync(g =>
        {
            g.Name = "  阅读营1期-福利1群 ";
            g.Tier = GroupTier.Core;
            g.Lifetime = GroupLifetime.LongTerm;
            g.OwnerEmail = " owner@example.COM ";
            g.Capacity = 300;
            g.MemberCount = 120;
            g.Status = GroupStatus.Open;
            g.Rules = ["不发广告", " ", "每日打卡 "];
            g.Labels = ["上海", "读书", "上海", ""];
            g.Announcement = " 本期共读 ";
            g.WelcomeMessage = "   ";
        }, activity.Id);

        Assert.Equal(("阅读营1期-福利1群", activity.Id, "阅读营第1期", GroupTier.Core, GroupLifetime.LongTerm),
            (group.Name, group.ActivityId, group.ActivityName, group.Tier, group.Lifetime));
        Assert.Equal(("Owner@Example.com", "小王", 300, 120, GroupStatus.Open),
            (group.OwnerEmail, group.OwnerName, group.Capacity, group.MemberCount, group.Status));
        Assert.Equal(["不发广告", "每日打卡"], group.Rules);
        Assert.Equal(["上海", "读书"], group.Labels);
        Assert.Equal(("本期共读", null, 1), (group.Announcement, group.WelcomeMessage, group.Version));
    }

    [Fact]
    public async Task Create_Standalone_HasNoActivity_AndAnOwnerWithoutDisplayNameShowsTheEmail()
    {
        await UserAsync("ops@example.com");

        var group = await CreateAsync(g => g.OwnerEmail = "ops@example.com");

        Assert.Equal((null, null, "ops@example.com"), (group.ActivityId, group.ActivityName, group.OwnerName));
    }

    [Fact]
    public async Task Create_WithDefaults_IsAPlannedWelfareGroupOf200()
    {
        var group = await GroupAsync("福利1群");

        Assert.Equal((GroupTier.Welfare, GroupLifetime.Temporary, 200, 0, GroupStatus.Planned, null),
            (group.Tier, group.Lifetime, group.Capacity, group.MemberCount, group.Status, group.OwnerEmail));
    }

    // ---- create: bad input ----

    [Fact]
    public async Task Create_WithoutName_ReportsNameField_InChineseByDefault()
    {
        using var _ = new CultureScope("zh-CN");

        var ex = await RefusedCreateAsync(g => g.Name = " ");

        Assert.Equal("名称不能为空。", OnlyError(ex, nameof(GroupInput.Name)));
    }

    [Fact]
    public async Task Create_WithANameLongerThan60_ReportsNameField()
    {
        var ex = await RefusedCreateAsync(g => g.Name = new string('群', Group.NameMax + 1));

        OnlyError(ex, nameof(GroupInput.Name));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(501)]
    public async Task Create_WithCapacityOutside1To500_ReportsCapacityField_InEnglish(int capacity)
    {
        using var _ = new CultureScope("en");

        var ex = await RefusedCreateAsync(g => g.Capacity = capacity);

        Assert.Equal(["Capacity must be between 1 and 500."], ex.Errors[nameof(GroupInput.Capacity)]);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(500)]
    public async Task Create_WithCapacityAtTheLimits_IsAccepted(int capacity)
    {
        var group = await CreateAsync(g => { g.Capacity = capacity; g.MemberCount = capacity; });

        Assert.Equal((capacity, capacity), (group.Capacity, group.MemberCount));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(201)]
    public async Task Create_WithMemberCountOutside0ToCapacity_ReportsMemberCountField(int memberCount)
    {
        using var _ = new CultureScope("zh-CN");

        var ex = await RefusedCreateAsync(g => { g.Capacity = 200; g.MemberCount = memberCount; });

        Assert.Equal("成员数必须在 0 到 200 之间。", OnlyError(ex, nameof(GroupInput.MemberCount)));
    }

    [Fact]
    public async Task Create_WithMoreThanThreeRules_ReportsRulesField()
    {
        using var _ = new CultureScope("zh-CN");

        var ex = await RefusedCreateAsync(g => g.Rules = ["一", "二", "三", "四"]);

        Assert.Equal("群规最多 3 条。", OnlyError(ex, nameof(GroupInput.Rules)));
    }

    [Fact]
    public async Task Create_WithThreeRulesAndBlankLines_IsAccepted()
    {
        var group = await CreateAsync(g => g.Rules = ["一", "", "二", "  ", "三"]);

        Assert.Equal(["一", "二", "三"], group.Rules);
    }

    [Fact]
    public async Task Create_WithARuleLongerThan100_ReportsRulesField()
    {
        var ex = await RefusedCreateAsync(g => g.Rules = [new string('规', Group.RuleMax + 1)]);

        OnlyError(ex, nameof(GroupInput.Rules));
    }

    [Fact]
    public async Task Create_WithMoreThan20Labels_ReportsLabelsField()
    {
        var ex = await RefusedCreateAsync(g => g.Labels = [.. Enumerable.Range(1, Group.MaxLabels + 1).Select(i => $"标签{i}")]);

        OnlyError(ex, nameof(GroupInput.Labels));
    }

    [Fact]
    public async Task Create_WithALabelLongerThan30_ReportsLabelsField_InEnglish()
    {
        using var _ = new CultureScope("en");

        var ex = await RefusedCreateAsync(g => g.Labels = ["上海", new string('标', Group.LabelMax + 1)]);

        Assert.Equal("Each entry of Labels must be at most 30 characters.", OnlyError(ex, nameof(GroupInput.Labels)));
    }

    [Fact]
    public async Task Create_WithTooLongAnnouncementAndWelcomeMessage_ReportsBothFields()
    {
        var ex = await RefusedCreateAsync(g =>
        {
            g.Announcement = new string('公', Group.AnnouncementMax + 1);
            g.WelcomeMessage = new string('欢', Group.WelcomeMessageMax + 1);
        });

        Assert.Equal([nameof(GroupInput.Announcement), nameof(GroupInput.WelcomeMessage)], ex.Errors.Keys.Order());
    }

    [Fact]
    public async Task Create_WithUndefinedTierLifetimeOrStatus_ReportsThoseFields()
    {
        var ex = await RefusedCreateAsync(g =>
        {
            g.Tier = (GroupTier)9;
            g.Lifetime = (GroupLifetime)9;
            g.Status = (GroupStatus)9;
        });

        Assert.Equal([nameof(GroupInput.Lifetime), nameof(GroupInput.Status), nameof(GroupInput.Tier)], ex.Errors.Keys.Order());
    }

    [Fact]
    public async Task Create_InAnUnknownActivity_ReportsActivityIdField()
    {
        using var _ = new CultureScope("zh-CN");

        var ex = await RefusedCreateAsync(g => g.ActivityId = 404);

        Assert.Equal("活动不存在。", OnlyError(ex, nameof(GroupInput.ActivityId)));
    }

    [Fact]
    public async Task Create_WithAnOwnerWhoIsNotAPortalUser_ReportsOwnerEmailField()
    {
        using var _ = new CultureScope("zh-CN");
        await UserAsync("owner@example.com");

        var ex = await RefusedCreateAsync(g => g.OwnerEmail = "stranger@example.com");

        Assert.Equal("群主不是门户用户的邮箱。", OnlyError(ex, nameof(GroupInput.OwnerEmail)));
    }

    [Fact]
    public async Task Create_WithSeveralMistakes_ReportsEachField()
    {
        var ex = await RefusedCreateAsync(g =>
        {
            g.Name = "";
            g.Capacity = 600;
            g.MemberCount = 700;
            g.OwnerEmail = "nobody@example.com";
            g.ActivityId = 404;
        });

        Assert.Equal(
            [nameof(GroupInput.ActivityId), nameof(GroupInput.Capacity), nameof(GroupInput.MemberCount), nameof(GroupInput.Name), nameof(GroupInput.OwnerEmail)],
            ex.Errors.Keys.Order());
    }

    // ---- names unique within their parent ----

    [Fact]
    public async Task Create_WithANameTakenInTheSameActivity_ReportsNameField()
    {
        using var _ = new CultureScope("zh-CN");
        var activity = await MatrixWithOneActivityAsync();
        await GroupAsync("福利1群", activity.Id);

        var ex = await RefusedCreateAsync(g => g.Name = " 福利1群 ", activity.Id);

        Assert.Equal("同一上级下已存在相同的名称。", OnlyError(ex, nameof(GroupInput.Name)));
    }

    [Fact]
    public async Task Create_WithANameUsedInAnotherActivityOrStandalone_IsAccepted()
    {
        var first = await MatrixWithOneActivityAsync();
        var second = await ActivityAsync(first.SeriesId, 2, "第2期");
        await GroupAsync("福利1群", first.Id);

        await GroupAsync("福利1群", second.Id);
        await GroupAsync("福利1群");

        Assert.Equal(3, await CountAsync<Group>());
    }

    [Fact]
    public async Task Create_WithANameTakenByAnotherStandaloneGroup_ReportsNameField()
    {
        await GroupAsync("上海长期群");

        var ex = await RefusedCreateAsync(g => g.Name = "上海长期群");

        OnlyError(ex, nameof(GroupInput.Name));
    }

    [Fact]
    public async Task Update_MovingAGroupOutToStandaloneWhereTheNameIsTaken_ReportsNameField()
    {
        var activity = await MatrixWithOneActivityAsync();
        await GroupAsync("福利1群");
        var inActivity = await GroupAsync("福利1群", activity.Id);
        var input = inActivity.ToInput();
        input.ActivityId = null;

        var ex = await RefusedWithoutTraceAsync<PortalValidationException>(() => Groups.UpdateAsync(inActivity.Id, input, inActivity.Version));

        OnlyError(ex, nameof(GroupInput.Name));
    }

    [Fact]
    public async Task Update_RenamingToAStandaloneSiblingsName_ReportsNameField()
    {
        await GroupAsync("上海长期群");
        var other = await GroupAsync("北京长期群");
        var input = other.ToInput();
        input.Name = "上海长期群";

        var ex = await RefusedWithoutTraceAsync<PortalValidationException>(() => Groups.UpdateAsync(other.Id, input, other.Version));

        OnlyError(ex, nameof(GroupInput.Name));
    }

    [Fact]
    public async Task Create_TwoStandaloneGroupsWithOneNameAtTheSameMoment_KeepsOnlyOne()
    {
        // The unique index cannot see standalone duplicates (NULL activity ids differ), so the service must
        // not let a second user slip the same name in between its check and its insert.
        var secondUser = Groups;
        var meanwhile = new Meanwhile("INSERT INTO \"Groups\"", () => secondUser.CreateAsync(NewGroup("上海长期群")));
        var firstUser = new InterceptedDbContextFactory(Database, meanwhile).Service<GroupService>();

        var first = await Record.ExceptionAsync(() => firstUser.CreateAsync(NewGroup("上海长期群")));
        var second = await Record.ExceptionAsync(() => meanwhile.Other);

        Assert.True(meanwhile.Fired);
        var refused = Assert.Single(new[] { first, second }, e => e is not null);
        OnlyError(Assert.IsType<PortalValidationException>(refused), nameof(GroupInput.Name));
        Assert.Equal(1, await CountAsync<Group>());
    }

    [Fact]
    public async Task Create_TwoGroupsWithOneNameInAnActivityAtTheSameMoment_KeepsOnlyOne()
    {
        var activity = await MatrixWithOneActivityAsync();
        var secondUser = Groups;
        var meanwhile = new Meanwhile("INSERT INTO \"Groups\"", () => secondUser.CreateAsync(NewGroup("福利1群", activity.Id)));
        var firstUser = new InterceptedDbContextFactory(Database, meanwhile).Service<GroupService>();

        var first = await Record.ExceptionAsync(() => firstUser.CreateAsync(NewGroup("福利1群", activity.Id)));
        var second = await Record.ExceptionAsync(() => meanwhile.Other);

        var refused = Assert.Single(new[] { first, second }, e => e is not null);
        OnlyError(Assert.IsType<PortalValidationException>(refused), nameof(GroupInput.Name));
        Assert.Equal(1, await CountAsync<Group>());
    }

    // ---- update and concurrency ----

    [Fact]
    public async Task Update_ChangesTheGroup_AndBumpsTheVersion()
    {
        var group = await GroupAsync("福利1群");
        var input = group.ToInput();
        input.MemberCount = 88;
        input.Status = GroupStatus.Open;
        input.Rules = ["不发广告"];

        var updated = await Groups.UpdateAsync(group.Id, input, group.Version);

        Assert.Equal((88, GroupStatus.Open, group.Version + 1), (updated.MemberCount, updated.Status, updated.Version));
        Assert.Equal(["不发广告"], updated.Rules);
        Assert.True(updated.UpdatedAt >= group.UpdatedAt);
    }

    [Fact]
    public async Task Update_WithInvalidInput_ChangesNothing()
    {
        var group = await GroupAsync("福利1群", memberCount: 10);
        var input = group.ToInput();
        input.MemberCount = 50;
        input.Capacity = 0;

        var ex = await RefusedWithoutTraceAsync<PortalValidationException>(() => Groups.UpdateAsync(group.Id, input, group.Version));

        Assert.Contains(nameof(GroupInput.Capacity), ex.Errors.Keys);
    }

    [Fact]
    public async Task Update_ByTheSecondOfTwoUsersWhoLoadedTheSameVersion_IsRefused_AndTheFirstChangeStays()
    {
        using var _ = new CultureScope("zh-CN");
        var loadedByBoth = await GroupAsync("福利1群", memberCount: 10);
        var alice = loadedByBoth.ToInput();
        alice.MemberCount = 20;
        var bob = loadedByBoth.ToInput();
        bob.Announcement = "乙的公告";

        await Groups.UpdateAsync(loadedByBoth.Id, alice, loadedByBoth.Version);
        var ex = await RefusedWithoutTraceAsync<ConcurrencyConflictException>(() => Groups.UpdateAsync(loadedByBoth.Id, bob, loadedByBoth.Version));

        Assert.Equal("保存失败：此社群已被他人修改，请刷新查看最新内容后再改。", ex.Message);
        var stored = await Groups.GetAsync(loadedByBoth.Id);
        Assert.Equal((20, null), (stored.MemberCount, stored.Announcement));
    }

    [Fact]
    public async Task Update_WhenAnotherUserSavesBetweenItsReadAndItsWrite_IsRefused_AndTheOtherChangeStays()
    {
        var group = await GroupAsync("福利1群", memberCount: 10);
        var otherUser = Groups;
        var theirs = group.ToInput();
        theirs.MemberCount = 99;
        var meanwhile = new Meanwhile("UPDATE \"Groups\"", () => otherUser.UpdateAsync(group.Id, theirs, group.Version));
        var mine = group.ToInput();
        mine.Announcement = "我的公告";

        var myResult = await Record.ExceptionAsync(() => new InterceptedDbContextFactory(Database, meanwhile).Service<GroupService>()
            .UpdateAsync(group.Id, mine, group.Version));
        var theirResult = await Record.ExceptionAsync(() => meanwhile.Other);

        Assert.True(meanwhile.Fired);
        // Exactly one of the two saves wins; the other is told, never silently overwritten.
        var loser = Assert.Single(new[] { myResult, theirResult }, e => e is not null);
        Assert.IsType<ConcurrencyConflictException>(loser);
        var stored = await Groups.GetAsync(group.Id);
        Assert.Equal(group.Version + 1, stored.Version);
        Assert.Equal(myResult is null ? (10, "我的公告") : (99, (string?)null), (stored.MemberCount, stored.Announcement));
    }

    [Fact]
    public async Task Update_ByTwoUsersInParallel_SavesExactlyOne_AndRefusesTheOther()
    {
        var group = await GroupAsync("福利1群");
        var inputs = Enumerable.Range(1, 2).Select(i =>
        {
            var input = group.ToInput();
            input.MemberCount = i * 10;
            return input;
        }).ToList();

        var results = await Task.WhenAll(inputs.Select(input => Record.ExceptionAsync(
            () => Task.Run(() => Database.Get<GroupService>().UpdateAsync(group.Id, input, group.Version)))));

        var loser = Assert.Single(results, e => e is not null);
        Assert.IsType<ConcurrencyConflictException>(loser);
        var winner = inputs[Array.IndexOf(results, null)];
        Assert.Equal(winner.MemberCount, (await Groups.GetAsync(group.Id)).MemberCount);
    }

    [Fact]
    public async Task Update_WithAVersionFromTheFuture_IsRefused()
    {
        var group = await GroupAsync("福利1群");

        await RefusedWithoutTraceAsync<ConcurrencyConflictException>(() => Groups.UpdateAsync(group.Id, group.ToInput(), group.Version + 1));
    }

    [Fact]
    public async Task UnknownGroup_IsNotFound_ForEveryOperation()
    {
        using var _ = new CultureScope("en");

        var ex = await Assert.ThrowsAsync<NotFoundException>(() => Groups.GetAsync(404));
        await Assert.ThrowsAsync<NotFoundException>(() => Groups.UpdateAsync(404, NewGroup("x"), 1));
        await Assert.ThrowsAsync<NotFoundException>(() => Groups.ArchiveAsync(404));
        await Assert.ThrowsAsync<NotFoundException>(() => Groups.DeleteAsync(404));

        Assert.Equal("The group does not exist.", ex.Message);
    }

    // ---- archive and delete ----

    [Fact]
    public async Task Delete_APlannedGroupWithoutMembers_RemovesIt()
    {
        var group = await GroupAsync("福利1群");

        await Groups.DeleteAsync(group.Id);

        Assert.Equal(0, await CountAsync<Group>());
    }

    [Theory]
    [InlineData(5, GroupStatus.Planned)]
    [InlineData(0, GroupStatus.Open)]
    [InlineData(0, GroupStatus.Full)]
    public async Task Delete_AGroupThatOpenedOrHasMembers_IsAConflict(int memberCount, GroupStatus status)
    {
        using var _ = new CultureScope("zh-CN");
        var group = await GroupAsync("福利1群", memberCount: memberCount, capacity: 10, status: status);

        var ex = await RefusedWithoutTraceAsync<ConflictException>(() => Groups.DeleteAsync(group.Id));

        Assert.Equal("只有从未开放且没有成员的社群可以删除；请改为归档。", ex.Message);
    }

    [Fact]
    public async Task Delete_WhenSomeoneOpensTheGroupBetweenTheCheckAndTheDelete_IsRefusedAndKeepsTheGroup()
    {
        var group = await GroupAsync("福利1群");
        var opened = group.ToInput();
        opened.Status = GroupStatus.Open;
        opened.MemberCount = 3;
        var meanwhile = new Meanwhile("DELETE FROM \"Groups\"", () => Groups.UpdateAsync(group.Id, opened, group.Version));
        var deleting = new InterceptedDbContextFactory(Database, meanwhile).Service<GroupService>();

        var ex = await Record.ExceptionAsync(() => deleting.DeleteAsync(group.Id));
        await meanwhile.Other;

        Assert.IsType<ConcurrencyConflictException>(ex);
        Assert.Equal((GroupStatus.Open, 3), ((await Groups.GetAsync(group.Id)).Status, (await Groups.GetAsync(group.Id)).MemberCount));
    }

    [Fact]
    public async Task Delete_AnArchivedGroup_IsAConflict()
    {
        var group = await GroupAsync("福利1群");
        await Groups.ArchiveAsync(group.Id);

        await RefusedWithoutTraceAsync<ConflictException>(() => Groups.DeleteAsync(group.Id));
    }

    [Fact]
    public async Task Archive_HidesTheGroupFromTheDefaultListAndTree_AndIncludeArchivedShowsIt()
    {
        var activity = await MatrixWithOneActivityAsync();
        var kept = await GroupAsync("福利1群", activity.Id, memberCount: 10);
        var archived = await GroupAsync("福利2群", activity.Id, memberCount: 20);

        await Groups.ArchiveAsync(archived.Id);

        Assert.Equal([kept.Id], (await Query.QueryAsync(new GroupQuery())).Items.Select(g => g.Id));
        Assert.Equal([kept.Id, archived.Id], (await Query.QueryAsync(new GroupQuery { IncludeArchived = true })).Items.Select(g => g.Id));
        Assert.Equal(10, (await Tree.GetAsync()).MemberCount);
        Assert.Equal(30, (await Tree.GetAsync(includeArchived: true)).MemberCount);
        Assert.Equal(GroupStatus.Archived, (await Groups.GetAsync(archived.Id)).Status);
    }

    [Fact]
    public async Task Archive_Twice_ChangesNothingTheSecondTime()
    {
        var group = await GroupAsync("福利1群", status: GroupStatus.Open);
        await Groups.ArchiveAsync(group.Id);

        await RefusedWithoutTraceAsync<NoException>(async () =>
        {
            await Groups.ArchiveAsync(group.Id);
            throw new NoException();
        });
    }

    /// <summary>Lets RefusedWithoutTraceAsync prove that an accepted no-op wrote nothing.</summary>
    private sealed class NoException : Exception;
}
