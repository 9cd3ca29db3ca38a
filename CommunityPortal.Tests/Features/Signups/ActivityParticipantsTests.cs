using CommunityPortal.Features.Members;
using CommunityPortal.Features.Members.List;
using CommunityPortal.Features.Signups.ForMembers;
using Microsoft.EntityFrameworkCore;

namespace CommunityPortal.Tests.Features.Signups;

/// <summary>
/// The member list's "signed up for" criterion, answered by the sign-ups feature: the two SQL shapes MemberFilters
/// promises (an IN subquery over the sign-ups, or a per-member EXISTS probe).
/// </summary>
public sealed class ActivityParticipantsTests : IAsyncLifetime
{
    private readonly PortalDatabase _db = new();

    public Task InitializeAsync() => _db.InitializeAsync();

    public Task DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task TheActivityCriterion_IsAnInSubquery_OrAPerMemberExistsProbe_OverTheSignups()
    {
        var participants = _db.Get<IActivityParticipants>();
        await using var db = _db.CreateDbContext();
        var filter = new MemberFilter { ActivityId = 5 };

        var byIn = MemberFilters.Apply(db, db.Set<Member>(), filter, participants).ToQueryString();
        var byProbe = MemberFilters.Apply(db, db.Set<Member>(), filter, participants, probeEachMember: true).ToQueryString();

        Assert.IsType<ActivityParticipants>(participants);
        Assert.Contains("\"ActivitySignups\"", byIn);
        Assert.Contains(" IN (", byIn);
        Assert.DoesNotContain("EXISTS", byIn);
        Assert.Contains("\"ActivitySignups\"", byProbe);
        Assert.Contains("EXISTS (", byProbe);
        Assert.DoesNotContain(" IN (", byProbe);
    }
}
