using CommunityPortal.Features.GroupQrs;
using CommunityPortal.Features.LiveCodes;
using CommunityPortal.Features.Matrix;
using CommunityPortal.Features.Members;
using CommunityPortal.Features.Members.Events;
using CommunityPortal.Features.Members.List;
using CommunityPortal.Features.Members.Timeline;
using CommunityPortal.Features.Users;
using CommunityPortal.Infrastructure.Localization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPortal.Tests.Features.Members;

/// <summary>Members registered without the sign-ups feature: what Members asks of it has a safe answer.</summary>
public sealed class MembersAloneTests : IAsyncLifetime
{
    private readonly WithoutSignups _db = new();

    public Task InitializeAsync() => _db.InitializeAsync();

    public Task DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task WithoutSignups_TheActivityCriterion_MatchesNobody_AndTheTimelineHasNoSignups()
    {
        var member = await _db.Get<MemberService>().CreateAsync(new MemberInput { Nickname = "王小明" }, MemberSeed.Xiaowang);

        Assert.IsNotType<CommunityPortal.Features.Signups.ForMembers.ActivityParticipants>(_db.Get<IActivityParticipants>());
        var query = _db.Get<MemberQueryService>();
        Assert.Equal(0, await query.CountAsync(new MemberFilter { ActivityId = 1 }));
        Assert.Equal(0, (await query.QueryAsync(new MemberQuery { ActivityId = 1, Take = 5 })).TotalCount);
        var timeline = await _db.Get<MemberTimelineService>().GetAsync(member.Id);
        Assert.Equal(TimelineKind.Created, Assert.Single(timeline.Items).Kind);
        Assert.NotNull(_db.Get<MemberEventIngestService>());
    }

    /// <summary>The portal's features up to Members, without Signups.</summary>
    private sealed class WithoutSignups : PortalDatabase
    {
        protected override void Register(IServiceCollection services, IConfiguration configuration)
        {
            services.AddDataProtection();
            services.AddUsers();
            services.AddMatrix();
            services.AddGroupQrs();
            services.AddLiveCodes();
            services.AddMembers();
        }
    }
}
