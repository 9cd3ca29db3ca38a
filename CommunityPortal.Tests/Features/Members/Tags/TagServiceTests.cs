using CommunityPortal.Infrastructure.Validation;
using CommunityPortal.Features.Members;
using Microsoft.EntityFrameworkCore;

namespace CommunityPortal.Tests.Features.Members.Tags;

public sealed class TagServiceTests : MemberTestBase
{
    [Theory]
    [InlineData("#1e88e5", "#1E88E5")]
    [InlineData("43A047", "#43A047")]
    public async Task CreateTag_StoresTheColourAsUpperCaseHex(string typed, string stored)
    {
        var tag = await TagAsync("亲子阅读", colour: typed);

        Assert.Equal(stored, tag.Colour);
    }

    [Theory]
    [InlineData("zh-CN", "颜色")]
    [InlineData("en", "Colour")]
    public async Task CreateTag_WithABadColour_NamesTheColourField(string culture, string label)
    {
        var group = await Tags.CreateGroupAsync(new TagGroupInput { Name = "兴趣", Kind = TagGroupKind.Attribute });
        using var _ = new CultureScope(culture);

        var ex = await Assert.ThrowsAsync<PortalValidationException>(() =>
            Tags.CreateTagAsync(new TagInput { TagGroupId = group.Id, Name = "绘画", Colour = "red" }));

        Assert.Contains(label, ex.Errors["Colour"][0]);
    }

    [Fact]
    public async Task CreateTag_TwiceInOneGroup_IsRefused_ButFineInAnother()
    {
        await TagAsync("其他", group: "兴趣");

        var ex = await Assert.ThrowsAsync<PortalValidationException>(() => TagAsync("其他", group: "兴趣"));
        var elsewhere = await TagAsync("其他", group: "年龄段");

        Assert.Contains("Name", ex.Errors.Keys);
        Assert.Equal("其他", elsewhere.Name);
    }

    [Fact]
    public async Task DeleteGroup_WithTags_IsRefused_EmptyGroupGoes()
    {
        var tag = await TagAsync("绘画");

        await Assert.ThrowsAsync<ConflictException>(() => Tags.DeleteGroupAsync(tag.TagGroupId));
        await Tags.DeleteTagAsync(tag.Id);
        await Tags.DeleteGroupAsync(tag.TagGroupId);

        Assert.Empty(await Tags.ListAsync());
    }

    [Fact]
    public async Task DeleteTag_TakesItOffMembers_AndTheTimelineKeepsItsName()
    {
        var tag = await TagAsync("绘画");
        var member = await CreateMemberAsync("画家");
        await Tags.AddToMemberAsync(member.Id, tag.Id, Xiaowang);

        await Tags.DeleteTagAsync(tag.Id);

        Assert.Empty((await Members.GetAsync(member.Id)).Tags);
        var entry = (await Timeline.GetAsync(member.Id)).Items[0];
        Assert.Equal((TimelineKind.TagAdded, "绘画", null), (entry.Kind, entry.TagName, entry.TagColour));
    }

    [Fact]
    public async Task AddAndRemove_OnAProfile_AreOnTheTimelineWithWho()
    {
        var tag = await TagAsync("英语启蒙", colour: "#5E35B1");
        var member = await CreateMemberAsync("妞妞妈妈");

        Assert.True(await Tags.AddToMemberAsync(member.Id, tag.Id, Xiaowang));
        Assert.False(await Tags.AddToMemberAsync(member.Id, tag.Id, Xiaoli));
        Assert.Equal("英语启蒙", Assert.Single((await Members.GetAsync(member.Id)).Tags).Name);
        Assert.True(await Tags.RemoveFromMemberAsync(member.Id, tag.Id, Xiaoli));
        Assert.False(await Tags.RemoveFromMemberAsync(member.Id, tag.Id, Xiaoli));

        var timeline = (await Timeline.GetAsync(member.Id)).Items;
        Assert.Equal([TimelineKind.TagRemoved, TimelineKind.TagAdded, TimelineKind.Created], timeline.Select(e => e.Kind));
        Assert.Equal(("英语启蒙", "#5E35B1", "小李"), (timeline[0].TagName, timeline[0].TagColour, timeline[0].ActorName));
        Assert.Equal("小王", timeline[1].ActorName);
        Assert.Empty((await Members.GetAsync(member.Id)).Tags);
    }

    [Fact]
    public async Task BulkAdd_OnASelection_TagsThoseOnly_AndCountsTheChanges()
    {
        var tag = await TagAsync("参加直播");
        var ids = await ManyMembersAsync(5);
        await Tags.AddToMemberAsync(ids[0], tag.Id, Xiaowang);

        var result = await Tags.BulkAddAsync([ids[0], ids[1], ids[2], 999_999], [tag.Id], Xiaoli);

        Assert.Equal(new BulkTagResult(4, 2), result);
        Assert.Equal(3, await CountAsync<MemberTag>(q => q.Where(t => t.TagId == tag.Id)));
        Assert.Equal(TagSource.Bulk, await SourceOf(ids[1], tag.Id));
    }

    [Fact]
    public async Task BulkAddByFilter_TagsEveryMatchingMember_PastOneChunk_AndNoOneElse()
    {
        var tag = await TagAsync("核心用户", group: "成长", kind: TagGroupKind.Growth);
        var ids = await ManyMembersAsync(2_600, i => i % 2 == 0 ? GrowthLevel.A : GrowthLevel.C);

        var result = await Tags.BulkAddByFilterAsync(new MemberFilter { GrowthLevel = GrowthLevel.A }, [tag.Id], Xiaowang);

        Assert.Equal(new BulkTagResult(1_300, 1_300), result);
        var page = await Query.QueryAsync(new MemberQuery { TagsAllOf = [tag.Id], Take = 1 });
        Assert.Equal(1_300, page.TotalCount);
        Assert.Equal(0, (await Query.QueryAsync(new MemberQuery { TagsAllOf = [tag.Id], GrowthLevel = GrowthLevel.C })).TotalCount);
        Assert.Equal(1_300, await CountAsync<MemberEvent>(q => q.Where(e => e.Kind == MemberEventKind.TagAdded && e.ActorName == "小王")));
        Assert.Contains(ids[0], (await Query.QueryAsync(new MemberQuery { TagsAllOf = [tag.Id], Take = 200, Descending = false })).Items.Select(m => m.Id));
    }

    [Fact]
    public async Task BulkRemoveByFilter_TakesTheTagOffEveryMatchingMember()
    {
        var tag = await TagAsync("沉默用户", group: "成长", kind: TagGroupKind.Growth);
        var ids = await ManyMembersAsync(30, i => i < 10 ? GrowthLevel.S : GrowthLevel.C);
        await Tags.BulkAddAsync(ids, [tag.Id], Xiaowang);

        var result = await Tags.BulkRemoveByFilterAsync(new MemberFilter { GrowthLevel = GrowthLevel.S }, [tag.Id], Xiaoli);

        Assert.Equal(new BulkTagResult(10, 10), result);
        Assert.Equal(20, await CountAsync<MemberTag>());
        Assert.Equal(10, await CountAsync<MemberEvent>(q => q.Where(e => e.Kind == MemberEventKind.TagRemoved)));
    }

    [Fact]
    public async Task BulkAdd_WhenAWriteFailsInTheSecondChunk_WritesNothingAtAll()
    {
        var tag = await TagAsync("已购课");
        var ids = await ManyMembersAsync(1_500);
        await Database.ExecuteAsync($"CREATE TRIGGER fail_late BEFORE INSERT ON MemberTags WHEN NEW.MemberId = {ids[^1]} BEGIN SELECT RAISE(ABORT, 'disk full'); END;");

        await Assert.ThrowsAnyAsync<Exception>(() => Tags.BulkAddByFilterAsync(new MemberFilter(), [tag.Id], Xiaowang));

        Assert.Equal(0, await CountAsync<MemberTag>());
        Assert.Equal(0, await CountAsync<MemberEvent>());
    }

    [Fact]
    public async Task Bulk_WithAnUnknownTagOrNoTags_NamesTheTagsField()
    {
        var ids = await ManyMembersAsync(2);

        var unknown = await Assert.ThrowsAsync<PortalValidationException>(() => Tags.BulkAddAsync(ids, [12345], Xiaowang));
        var none = await Assert.ThrowsAsync<PortalValidationException>(() => Tags.BulkAddAsync(ids, [], Xiaowang));

        Assert.Contains("TagIds", unknown.Errors.Keys);
        Assert.Contains("TagIds", none.Errors.Keys);
    }

    private async Task<TagSource> SourceOf(int memberId, int tagId)
    {
        await using var db = Database.CreateDbContext();
        return await db.Set<MemberTag>().Where(t => t.MemberId == memberId && t.TagId == tagId).Select(t => t.Source).SingleAsync();
    }
}
