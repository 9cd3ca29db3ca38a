using CommunityPortal.Infrastructure.Validation;
using CommunityPortal.Features.Members;

namespace CommunityPortal.Tests.Features.Members;

public sealed class MemberServiceTests : MemberTestBase
{
    [Theory]
    [InlineData("13812345678")]
    [InlineData("138 1234 5678")]
    [InlineData("138-1234-5678")]
    [InlineData("+86 138 1234 5678")]
    [InlineData("0086 13812345678")]
    [InlineData("８６１３８１２３４５６７８")]
    public async Task Create_StoresThePhoneNormalised_AndListsShowItMasked(string typed)
    {
        var member = await CreateMemberAsync("小雨妈妈", phone: typed);

        Assert.Equal("13812345678", member.Phone);
        Assert.Equal("138****5678", member.MaskedPhone);
        var row = Assert.Single((await Query.QueryAsync(new MemberQuery())).Items);
        Assert.Equal("138****5678", row.MaskedPhone);
    }

    [Fact]
    public async Task Create_Newcomer_IsActiveGrowthC_WithTheNextNumber()
    {
        var member = await Members.CreateAsync(new MemberInput { Nickname = "  新人  " }, Xiaowang);

        Assert.Equal((10001, "新人", GrowthLevel.C, MemberStatus.Active), (member.MemberNo, member.Nickname, member.GrowthLevel, member.Status));
        Assert.Contains(Database.Published<MemberCreated>(), e => e.MemberId == member.Id && e.MemberNo == 10001);
    }

    [Theory]
    [InlineData("zh-CN", "手机号", "UnionID", "昵称")]
    [InlineData("en", "Phone", "UnionID", "Nickname")]
    public async Task Create_WithMalformedInput_NamesEachFieldInTheUsersLanguage(string culture, string phone, string unionId, string nickname)
    {
        using var _ = new CultureScope(culture);

        var ex = await Assert.ThrowsAsync<PortalValidationException>(() =>
            Members.CreateAsync(new MemberInput { Nickname = " ", Phone = "1381234567", UnionId = "o6_bm 空格" }, Xiaowang));

        Assert.Contains(phone, ex.Errors["Phone"][0]);
        Assert.Contains(unionId, ex.Errors["UnionId"][0]);
        Assert.Contains(nickname, ex.Errors["Nickname"][0]);
        Assert.Equal(0, await CountAsync<Member>());
    }

    [Theory]
    [InlineData("zh-CN", "已属于会员 10001")]
    [InlineData("en", "already belongs to member 10001")]
    public async Task Create_WithAUnionIdOrPhoneInUse_SaysWhoseItIs(string culture, string expected)
    {
        await CreateMemberAsync("甲", phone: "13812345678", unionId: "o6_bmjrPTlm6_2sgVt7hMZOPfL2M");
        using var _ = new CultureScope(culture);

        var ex = await Assert.ThrowsAsync<PortalValidationException>(() =>
            CreateMemberAsync("乙", phone: "138 1234 5678", unionId: "o6_bmjrPTlm6_2sgVt7hMZOPfL2M"));

        Assert.Contains(expected, ex.Errors["UnionId"][0]);
        Assert.Contains(expected, ex.Errors["Phone"][0]);
    }

    [Fact]
    public async Task Create_WithAChannel_TagsTheMemberWithTheChannelsBehaviourTag()
    {
        var channel = await ChannelAsync("KOL 推荐");

        var member = await CreateMemberAsync("来自KOL", channelId: channel);

        Assert.Equal("KOL 推荐", member.FirstChannelName);
        var tag = Assert.Single(member.Tags);
        Assert.Equal(("KOL 推荐", TagGroupKind.Behaviour), (tag.Name, tag.Kind));
        var other = await CreateMemberAsync("也来自KOL", channelId: channel);
        Assert.Equal(tag.Id, Assert.Single(other.Tags).Id);
    }

    [Fact]
    public async Task Create_WithAnUnknownChannel_NamesTheChannelField()
    {
        var ex = await Assert.ThrowsAsync<PortalValidationException>(() => CreateMemberAsync("x", channelId: 999));

        Assert.Contains("FirstChannelId", ex.Errors.Keys);
    }

    [Fact]
    public async Task Update_WithTheVersionSomeoneElseReplaced_IsAConflict()
    {
        var member = await CreateMemberAsync("原名");
        await Members.UpdateAsync(member.Id, new MemberInput { Nickname = "第一次改" }, member.Version, Xiaowang);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            Members.UpdateAsync(member.Id, new MemberInput { Nickname = "第二次改" }, member.Version, Xiaoli));

        Assert.Equal("第一次改", (await Members.GetAsync(member.Id)).Nickname);
    }

    [Fact]
    public async Task Update_GrowthLevel_IsOnTheTimeline()
    {
        var member = await CreateMemberAsync("成长中");

        await Members.UpdateAsync(member.Id, new MemberInput { Nickname = "成长中", GrowthLevel = GrowthLevel.A }, member.Version, Xiaoli);

        var entry = (await Timeline.GetAsync(member.Id)).Items[0];
        Assert.Equal((TimelineKind.GrowthChanged, "C→A", "小李"), (entry.Kind, entry.Text, entry.ActorName));
    }

    [Theory]
    [InlineData("zh-CN", "拉黑原因不能为空")]
    [InlineData("en", "Blacklist reason")]
    public async Task Blacklist_WithoutAReason_IsRefusedNamingTheReason(string culture, string expected)
    {
        var member = await CreateMemberAsync("广告号");
        using var _ = new CultureScope(culture);

        var ex = await Assert.ThrowsAsync<PortalValidationException>(() => Members.BlacklistAsync(member.Id, "  ", Xiaowang));

        Assert.Contains(expected, ex.Errors["BlacklistReason"][0]);
        Assert.Equal(MemberStatus.Active, (await Members.GetAsync(member.Id)).Status);
    }

    [Fact]
    public async Task BlacklistThenLift_BothAreOnTheTimeline_NewestFirst_WithWhoAndWhy()
    {
        var member = await CreateMemberAsync("广告号");

        var blacklisted = await Members.BlacklistAsync(member.Id, "群内发广告", Xiaowang);
        var lifted = await Members.LiftBlacklistAsync(member.Id, "已道歉", Xiaoli);

        Assert.Equal((MemberStatus.Blacklisted, "群内发广告", "小王"), (blacklisted.Status, blacklisted.BlacklistReason, blacklisted.BlacklistedByName));
        Assert.NotNull(blacklisted.BlacklistedAt);
        Assert.Equal((MemberStatus.Active, null, null), (lifted.Status, lifted.BlacklistReason, lifted.BlacklistedAt));
        var timeline = (await Timeline.GetAsync(member.Id)).Items;
        Assert.Equal([TimelineKind.BlacklistLifted, TimelineKind.Blacklisted, TimelineKind.Created], timeline.Select(e => e.Kind));
        Assert.Equal(("已道歉", "小李"), (timeline[0].Text, timeline[0].ActorName));
        Assert.Equal(("群内发广告", "小王"), (timeline[1].Text, timeline[1].ActorName));
        Assert.Equal(
            [MemberStatus.Blacklisted, MemberStatus.Active],
            Database.Published<MemberStatusChanged>().Where(e => e.MemberId == member.Id).Select(e => e.NewStatus));
    }

    [Fact]
    public async Task Blacklist_Twice_IsAConflictAndRecordedOnce()
    {
        var member = await CreateMemberAsync("广告号");
        await Members.BlacklistAsync(member.Id, "发广告", Xiaowang);

        await Assert.ThrowsAsync<ConflictException>(() => Members.BlacklistAsync(member.Id, "又发广告", Xiaoli));
        var innocent = await CreateMemberAsync("好人");
        await Assert.ThrowsAsync<ConflictException>(() => Members.LiftBlacklistAsync(innocent.Id, null, Xiaoli));

        Assert.Equal(1, await CountAsync<MemberEvent>(q => q.Where(e => e.Kind == MemberEventKind.Blacklisted)));
    }

    [Fact]
    public async Task Blacklisted_MembersAreFoundByTheStatusFilter()
    {
        var spammer = await CreateMemberAsync("广告号");
        await CreateMemberAsync("好人");
        await Members.BlacklistAsync(spammer.Id, "发广告", Xiaowang);

        var page = await Query.QueryAsync(new MemberQuery { Status = MemberStatus.Blacklisted });

        Assert.Equal(spammer.Id, Assert.Single(page.Items).Id);
    }

    [Fact]
    public async Task Find_ByUnionIdOrByPhoneInAnyFormat()
    {
        var member = await CreateMemberAsync("甲", phone: "13812345678", unionId: "o6_bmjrPTlm6_2sgVt7hMZOPfL2M");

        Assert.Equal(member.Id, (await Members.FindAsync("o6_bmjrPTlm6_2sgVt7hMZOPfL2M", null))?.Id);
        Assert.Equal(member.Id, (await Members.FindAsync(null, "+86 138-1234-5678"))?.Id);
        Assert.Equal(member.Id, (await Members.FindAsync("o6_bmUnknownUnionIdxxxxxxxxx", "13812345678"))?.Id);
        Assert.Null(await Members.FindAsync("o6_bmUnknownUnionIdxxxxxxxxx", "13900000000"));
        Assert.Equal(member.Id, (await Members.GetByNumberAsync(10001)).Id);
    }

    [Fact]
    public async Task Delete_AMemberStillInAGroup_IsRefused_SoGroupCountsStayRight()
    {
        var member = await CreateMemberAsync("群友");
        var group = await GroupAsync("福利1群");
        await Memberships.JoinAsync(member.Id, group.Id, MembershipSource.Manual);

        await Assert.ThrowsAsync<ConflictException>(() => Members.DeleteAsync(member.Id));

        await Memberships.LeaveAsync(member.Id, group.Id, MembershipSource.Manual);
        await Members.DeleteAsync(member.Id);
        Assert.Equal(0, await CountAsync<Member>());
    }

    [Theory]
    [InlineData("13812345678", "13812345678")]
    [InlineData("（138）1234 5678", "13812345678")]
    [InlineData("+8613812345678", "13812345678")]
    [InlineData("12812345678", null)]
    [InlineData("1381234567", null)]
    [InlineData("138123456789", null)]
    [InlineData("+1 4155550100", null)]
    [InlineData("138abc45678", null)]
    [InlineData("", null)]
    public void NormalizePhone_AcceptsMainlandMobilesOnly(string typed, string? expected) =>
        Assert.Equal(expected, MemberRules.NormalizePhone(typed));
}
