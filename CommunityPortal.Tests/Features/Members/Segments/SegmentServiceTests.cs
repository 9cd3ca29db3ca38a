using CommunityPortal.Infrastructure.Validation;
using CommunityPortal.Features.Members;
using CommunityPortal.Features.Members.Segments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPortal.Tests.Features.Members.Segments;

/// <summary>Saved filters: stored as the filter (not the members), counted fresh, names unique, rename and delete.</summary>
public sealed class SegmentServiceTests : MemberTestBase
{
    private SegmentService Segments => ActivatorUtilities.CreateInstance<SegmentService>(Database.Services);

    [Fact]
    public async Task Save_StoresTheFilter_AndWhoSavedIt()
    {
        var keen = await TagAsync("高意向");
        var from = new DateTime(2026, 10, 31, 16, 0, 0, DateTimeKind.Utc);

        var saved = await Segments.SaveAsync(new SegmentInput { Name = "  高意向S类  " },
            new MemberFilter { TagsAllOf = [keen.Id, keen.Id], GrowthLevel = GrowthLevel.S, Search = " 妈妈 ", CreatedFrom = from }, Xiaowang);

        var segment = Assert.Single(await Segments.ListAsync());
        Assert.Equal(saved.Id, segment.Id);
        Assert.Equal("高意向S类", segment.Name);
        Assert.Equal("小王", segment.CreatedByName);
        Assert.Equal([keen.Id], segment.Filter.TagsAllOf);
        Assert.Equal(GrowthLevel.S, segment.Filter.GrowthLevel);
        Assert.Equal("妈妈", segment.Filter.Search);
        Assert.Equal(from, segment.Filter.CreatedFrom);
        Assert.Null(segment.Filter.TagsAnyOf);
    }

    [Fact]
    public async Task Save_OfAQuery_KeepsOnlyTheCriteria_WithEnumsByName()
    {
        await Segments.SaveAsync(new SegmentInput { Name = "黑名单" },
            new MemberQuery { Status = MemberStatus.Blacklisted, Skip = 40, Take = 20, SortBy = "nickname" }, Xiaowang);

        await using var db = Database.CreateDbContext();
        var json = await db.Set<MemberSegment>().Select(s => s.FilterJson).SingleAsync();
        Assert.Equal("""{"status":"Blacklisted"}""", json);
    }

    [Fact]
    public async Task Count_IsTakenNow_NotWhenSaved()
    {
        var keen = await TagAsync("高意向");
        var first = await CreateMemberAsync("小雨妈妈");
        await Tags.AddToMemberAsync(first.Id, keen.Id, Xiaowang);
        var segment = await Segments.SaveAsync(new SegmentInput { Name = "高意向" }, new MemberFilter { TagsAnyOf = [keen.Id] }, Xiaowang);
        Assert.Equal(1, await Segments.CountAsync(segment.Id));

        var second = await CreateMemberAsync("豆豆爸爸");
        await Tags.AddToMemberAsync(second.Id, keen.Id, Xiaowang);
        await CreateMemberAsync("Amy");

        Assert.Equal(2, await Segments.CountAsync(segment.Id));
    }

    [Fact]
    public async Task Save_WhenNameTaken_ReportsNameField()
    {
        using var culture = new CultureScope("zh-CN");
        await Segments.SaveAsync(new SegmentInput { Name = "S类" }, new MemberFilter { GrowthLevel = GrowthLevel.S }, Xiaowang);

        var ex = await Assert.ThrowsAsync<PortalValidationException>(() =>
            Segments.SaveAsync(new SegmentInput { Name = " S类 " }, new MemberFilter { GrowthLevel = GrowthLevel.A }, Xiaoli));

        Assert.Equal("已有同名的分群，请换一个名称。", Assert.Single(ex.Errors[nameof(SegmentInput.Name)]));
        Assert.Single(await Segments.ListAsync());
    }

    [Fact]
    public async Task Save_WithoutName_ReportsNameFieldInEnglish()
    {
        using var culture = new CultureScope("en");

        var ex = await Assert.ThrowsAsync<PortalValidationException>(() =>
            Segments.SaveAsync(new SegmentInput { Name = "  " }, new MemberFilter(), Xiaowang));

        Assert.Contains("Segment name", Assert.Single(ex.Errors[nameof(SegmentInput.Name)]));
    }

    [Fact]
    public async Task Rename_ChangesTheName_AndRefusesAStaleVersion()
    {
        var segment = await Segments.SaveAsync(new SegmentInput { Name = "S类" }, new MemberFilter { GrowthLevel = GrowthLevel.S }, Xiaowang);

        var renamed = await Segments.RenameAsync(segment.Id, new SegmentInput { Name = "核心用户" }, segment.Version);

        Assert.Equal("核心用户", renamed.Name);
        Assert.Equal(GrowthLevel.S, renamed.Filter.GrowthLevel);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            Segments.RenameAsync(segment.Id, new SegmentInput { Name = "别的名字" }, segment.Version));
    }

    [Fact]
    public async Task Rename_ToAnotherSegmentsName_ReportsNameField()
    {
        await Segments.SaveAsync(new SegmentInput { Name = "A类" }, new MemberFilter { GrowthLevel = GrowthLevel.A }, Xiaowang);
        var s = await Segments.SaveAsync(new SegmentInput { Name = "S类" }, new MemberFilter { GrowthLevel = GrowthLevel.S }, Xiaowang);

        var ex = await Assert.ThrowsAsync<PortalValidationException>(() => Segments.RenameAsync(s.Id, new SegmentInput { Name = "A类" }, s.Version));

        Assert.True(ex.Errors.ContainsKey(nameof(SegmentInput.Name)));
    }

    [Fact]
    public async Task Delete_RemovesOnlyTheSegment_NotItsMembersOrTags()
    {
        var keen = await TagAsync("高意向");
        var member = await CreateMemberAsync("小雨妈妈");
        await Tags.AddToMemberAsync(member.Id, keen.Id, Xiaowang);
        var segment = await Segments.SaveAsync(new SegmentInput { Name = "高意向" }, new MemberFilter { TagsAnyOf = [keen.Id] }, Xiaowang);

        await Segments.DeleteAsync(segment.Id);

        Assert.Empty(await Segments.ListAsync());
        Assert.Equal(1, await CountAsync<Member>());
        Assert.Equal(1, await CountAsync<MemberTag>());
        await Assert.ThrowsAsync<NotFoundException>(() => Segments.DeleteAsync(segment.Id));
        await Assert.ThrowsAsync<NotFoundException>(() => Segments.CountAsync(segment.Id));
    }

    [Fact]
    public async Task List_IsByName()
    {
        foreach (var name in new[] { "b 组", "a 组", "c 组" })
        {
            await Segments.SaveAsync(new SegmentInput { Name = name }, new MemberFilter(), Xiaowang);
        }

        Assert.Equal(["a 组", "b 组", "c 组"], (await Segments.ListAsync()).Select(s => s.Name));
    }
}
