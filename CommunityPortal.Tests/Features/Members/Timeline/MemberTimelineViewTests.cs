using Bunit;
using CommunityPortal.Features.Members;
using CommunityPortal.Features.Members.ServiceRecords;
using CommunityPortal.Features.Members.Tags;
using CommunityPortal.Features.Members.Timeline;
using CommunityPortal.Features.Members.Profile;
using CommunityPortal.Tests.Features.Members.Profile;

namespace CommunityPortal.Tests.Features.Members.Timeline;

public sealed class MemberTimelineViewTests : ProfileComponentTestBase
{
    [Fact]
    public async Task Timeline_ListsEverythingNewestFirst_WithActorAndPortalLocalTime()
    {
        using var culture = Chinese();
        var member = await SeedMemberAsync();
        var tag = await SeedTagAsync("高意向");
        await Get<TagService>().AddToMemberAsync(member.Id, tag.Id, Xiaowang);
        var record = await Get<ServiceRecordService>().AddAsync(member.Id, new ServiceRecordInput { Kind = ServiceRecordKind.Complaint, Text = "投诉课程延期" },
            new MemberActor("user-li", "李经理"));
        await Get<MemberService>().BlacklistAsync(member.Id, "群内发广告", new MemberActor("user-li", "李经理"));

        var cut = Render<MemberTimeline>(p => p.Add(x => x.MemberId, member.Id));

        cut.WaitForAssertion(() => Assert.Equal(["Blacklisted", "ServiceRecord", "TagAdded", "Created"],
            cut.FindAll("[data-testid=timeline-entry]").Select(e => e.GetAttribute("data-kind"))));
        var entries = cut.FindAll("[data-testid=timeline-entry]");
        Assert.Contains("群内发广告", entries[0].TextContent);
        Assert.Contains("服务记录（投诉）", entries[1].TextContent);
        Assert.Contains("投诉课程延期", entries[1].TextContent);
        Assert.Contains($"{ProfileLabels.Time(record.CreatedAt)} · 李经理", entries[1].QuerySelector(".timeline-meta")!.TextContent);
        Assert.Equal("高意向", entries[2].QuerySelector("[data-testid=tag-chip]")!.GetAttribute("data-tag"));
        Assert.Contains("小王", entries[2].TextContent);
        Assert.Contains("成为会员", entries[3].TextContent);
    }

    [Fact]
    public async Task Timeline_ShowsAPageAtATime_AndLoadMoreAppendsTheRestWithoutRepeats()
    {
        using var culture = Chinese();
        var member = await SeedMemberAsync();
        for (var i = 1; i <= 24; i++)
        {
            await Get<ServiceRecordService>().AddAsync(member.Id, new ServiceRecordInput { Text = $"第{i}条" }, Xiaowang);
        }

        var cut = Render<MemberTimeline>(p => p.Add(x => x.MemberId, member.Id));

        cut.WaitForAssertion(() => Assert.Equal(MemberTimeline.PageSize, cut.FindAll("[data-testid=timeline-entry]").Count));
        Assert.Contains("第24条", cut.FindAll("[data-testid=timeline-entry]")[0].TextContent);
        Assert.Contains("还有 5 条", cut.Find("[data-testid=timeline-more]").TextContent);

        cut.Find("[data-testid=timeline-more]").Click();

        cut.WaitForAssertion(() => Assert.Equal(25, cut.FindAll("[data-testid=timeline-entry]").Count));
        var texts = cut.FindAll("[data-testid=timeline-entry] .timeline-body").Select(b => b.TextContent).ToList();
        Assert.Equal(Enumerable.Range(1, 24).Reverse().Select(i => $"第{i}条"), texts);
        Assert.Equal("Created", cut.FindAll("[data-testid=timeline-entry]")[^1].GetAttribute("data-kind"));
        Assert.Empty(cut.FindAll("[data-testid=timeline-more]"));
    }
}
