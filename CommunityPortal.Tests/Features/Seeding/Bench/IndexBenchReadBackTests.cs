using CommunityPortal.Features.LiveCodes;
using CommunityPortal.Features.LiveCodes.Routing;
using CommunityPortal.Features.LiveCodes.Stats;
using CommunityPortal.Features.Matrix;
using CommunityPortal.Features.Matrix.Groups;
using CommunityPortal.Features.Members;
using CommunityPortal.Features.Members.List;
using CommunityPortal.Features.Members.Timeline;
using CommunityPortal.Features.Signups;
using CommunityPortal.Features.Signups.List;
using Microsoft.EntityFrameworkCore;

namespace CommunityPortal.Tests.Features.Seeding.Bench;

/// <summary>The bench's rows are in the format EF and the features read: enums by name, UTC times, JSON lists, decimals.</summary>
[Collection(IndexBenchFixture.Collection)]
public sealed class IndexBenchReadBackTests(IndexBenchFixture bench)
{
    [Fact]
    public async Task MemberList_PagesTheBenchMembers_WithTheirFirstChannel()
    {
        var page = await bench.Database.Get<MemberQueryService>().QueryAsync(new MemberQuery { Take = 50 });

        Assert.Equal(IndexBenchFixture.Members, page.TotalCount);
        Assert.Equal(50, page.Items.Count);
        Assert.All(page.Items, m => Assert.Equal(DateTimeKind.Utc, m.CreatedAt.Kind));
        Assert.Contains(page.Items, m => m.FirstChannelName is not null);
        Assert.All(page.Items, m => Assert.False(string.IsNullOrWhiteSpace(m.Nickname)));
    }

    [Fact]
    public async Task SignupList_ShowsAnActivitysSignupsAndCheckIns()
    {
        int activityId, signups, checkedIn;
        await using (var db = bench.CreateDbContext())
        {
            var busiest = await db.Set<ActivitySignup>().GroupBy(s => s.ActivityId)
                .Select(g => new { g.Key, Count = g.Count(), CheckedIn = g.Count(s => s.CheckedInAt != null) })
                .OrderByDescending(g => g.CheckedIn).FirstAsync();
            (activityId, signups, checkedIn) = (busiest.Key, busiest.Count, busiest.CheckedIn);
        }
        var list = bench.Database.Get<SignupListService>();

        var page = await list.ListAsync(activityId, new SignupQuery { Take = 50 });
        var counts = await list.CountAsync(activityId);

        Assert.Equal(signups, page.TotalCount);
        Assert.Equal(signups, counts.SignedUp);
        Assert.Equal(checkedIn, counts.CheckedIn);
        Assert.True(checkedIn > 0);
    }

    [Fact]
    public async Task LiveCodeStats_CountEveryScanOfACode_BotsApart()
    {
        await using var db = bench.CreateDbContext();
        var code = await db.Set<LiveCode>().OrderBy(c => c.Id).FirstAsync();
        var scans = await db.Set<Scan>().CountAsync(s => s.LiveCodeId == code.Id);
        var bots = await db.Set<Scan>().CountAsync(s => s.LiveCodeId == code.Id && s.Outcome == ScanOutcome.Bot);

        var stats = await bench.Database.Get<ScanStatsService>()
            .GetAsync(code.Id, new StatsQuery(StatsGranularity.Day, IndexBenchFixture.Start, IndexBenchFixture.End));

        Assert.Equal(scans, stats.Totals.Scans);
        Assert.Equal(bots, stats.Totals.Bots);
        Assert.True(stats.Totals.UniquePeople > 0);
        Assert.NotEmpty(stats.Channels);
    }

    [Fact]
    public async Task Scans_CarryVisitorKeysAndTheClientTheirUserAgentIsClassifiedAs()
    {
        await using var db = bench.CreateDbContext();
        var scans = await db.Set<Scan>().AsNoTracking().OrderBy(s => s.Id).Take(500).ToListAsync();

        Assert.All(scans, s =>
        {
            Assert.Matches("^[0-9a-f]{32}$", s.VisitorKey);
            Assert.Equal(ClientClassifier.Classify(s.UserAgent), s.Client);
            Assert.Equal(DateTimeKind.Utc, s.At.Kind);
        });
        Assert.Equal(scans.Select(s => s.At).Order(), scans.Select(s => s.At));
    }

    [Fact]
    public async Task Timeline_OfAMemberWhoSignedUp_ShowsTheMemberTheJoinAndTheSignup()
    {
        int memberId;
        await using (var db = bench.CreateDbContext())
        {
            memberId = await db.Set<ActivitySignup>().OrderBy(s => s.Id).Select(s => s.MemberId).FirstAsync();
        }

        var timeline = await bench.Database.Get<MemberTimelineService>().GetAsync(memberId, take: 100);

        Assert.Contains(timeline.Items, e => e.Kind == TimelineKind.SignedUp);
        Assert.Contains(timeline.Items, e => e.Kind == TimelineKind.Created);
    }

    [Fact]
    public async Task MatrixAndEvents_ReadBackWithTheirListsEnumsDatesAndAmounts()
    {
        await using var db = bench.CreateDbContext();
        var group = await bench.Database.Get<GroupService>().GetAsync(await db.Set<Group>().OrderBy(g => g.Id).Select(g => g.Id).FirstAsync());
        Assert.Equal(3, group.Rules.Count);
        Assert.Single(group.Labels);

        var activities = await db.Set<Activity>().AsNoTracking().ToListAsync();
        Assert.All(activities, a => Assert.True(a.EndDate >= a.StartDate));
        Assert.Contains(activities, a => a.Status == ActivityStatus.Ended);
        Assert.Contains(activities, a => a.Status == ActivityStatus.Planned);
        var purchases = await db.Set<MemberEvent>().AsNoTracking().Where(e => e.Kind == MemberEventKind.Purchased).Take(50).ToListAsync();
        Assert.All(purchases, p => Assert.InRange(p.Amount!.Value, 9.9m, 1999m));
        var channels = await db.Set<Channel>().AsNoTracking().ToListAsync();
        Assert.True(channels.Count(c => c.Cost > 0) > channels.Count / 2, "most channels have a cost");
    }
}
