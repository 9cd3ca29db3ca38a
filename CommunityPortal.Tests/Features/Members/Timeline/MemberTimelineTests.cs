using CommunityPortal.Infrastructure.Validation;
using CommunityPortal.Features.Members;

namespace CommunityPortal.Tests.Features.Members.Timeline;

public sealed class MemberTimelineTests : MemberTestBase
{
    [Fact]
    public async Task Timeline_MergesEverySource_NewestFirst_AndPagesWithoutGapsOrRepeats()
    {
        var channel = await ChannelAsync("线下海报");
        var member = await CreateMemberAsync("全都有", channelId: channel);
        var group = await GroupAsync("福利1群");
        var tag = await TagAsync("阅读");
        await Memberships.JoinAsync(member.Id, group.Id, MembershipSource.Csv);
        await Records.AddAsync(member.Id, new ServiceRecordInput { Kind = ServiceRecordKind.Consultation, Text = "问价格" }, Xiaoli);
        await Tags.AddToMemberAsync(member.Id, tag.Id, Xiaowang);
        await Memberships.LeaveAsync(member.Id, group.Id, MembershipSource.Manual);
        await Members.BlacklistAsync(member.Id, "发广告", Xiaowang);

        var all = await Timeline.GetAsync(member.Id, take: 100);

        Assert.Equal(
            [
                TimelineKind.Blacklisted, TimelineKind.GroupLeft, TimelineKind.TagAdded, TimelineKind.ServiceRecord,
                TimelineKind.TagAdded, TimelineKind.GroupJoined, TimelineKind.TagAdded, TimelineKind.Created,
            ],
            all.Items.Select(e => e.Kind));
        Assert.Equal(8, all.TotalCount);
        Assert.True(all.Items.Zip(all.Items.Skip(1)).All(p => p.First.At >= p.Second.At));
        Assert.Equal(("线下海报", 10001L, "小王"), (all.Items[^1].Text, all.Items[^1].SourceId, all.Items[^1].ActorName));
        Assert.Equal(("福利1群", "Csv"), (all.Items[5].GroupName, all.Items[5].Text));
        Assert.Null(all.Items[6].ActorName);

        var pages = new List<TimelineEntry>();
        for (var skip = 0; skip < all.TotalCount; skip += 3)
        {
            var page = await Timeline.GetAsync(member.Id, skip, 3);
            Assert.Equal(8, page.TotalCount);
            pages.AddRange(page.Items);
        }
        Assert.Equal(all.Items, pages);
    }

    [Fact]
    public async Task Timeline_OfAnUnknownMember_IsNotFound()
    {
        await Assert.ThrowsAsync<NotFoundException>(() => Timeline.GetAsync(12345));
    }
}
