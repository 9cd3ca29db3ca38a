using CommunityPortal.Features.Members;
using CommunityPortal.Features.Members.Events;
using CommunityPortal.Features.Members.List;
using CommunityPortal.Features.Members.Timeline;

namespace CommunityPortal.Tests.Features.Members;

/// <summary>Members registered without the sign-ups feature: what Members asks of it has a safe answer.</summary>
public sealed class MembersAloneTests : MemberTestBase
{
    [Fact]
    public async Task WithoutSignups_TheActivityCriterion_MatchesNobody_AndTheTimelineHasNoSignups()
    {
        var member = await Members.CreateAsync(new MemberInput { Nickname = "王小明" }, Xiaowang);

        Assert.IsNotType<CommunityPortal.Features.Signups.ForMembers.ActivityParticipants>(Db.Get<IActivityParticipants>());
        Assert.Equal(0, await Query.CountAsync(new MemberFilter { ActivityId = 1 }));
        Assert.Equal(0, (await Query.QueryAsync(new MemberQuery { ActivityId = 1, Take = 5 })).TotalCount);
        var timeline = await Timeline.GetAsync(member.Id);
        Assert.Equal(TimelineKind.Created, Assert.Single(timeline.Items).Kind);
        Assert.NotNull(Db.Get<MemberEventIngestService>());
    }
}
