using CommunityPortal.Features.LiveCodes;
using CommunityPortal.Features.LiveCodes.Routing;
using CommunityPortal.Features.Members;
using CommunityPortal.Features.Seeding.Bench;

namespace CommunityPortal.Tests.Features.Seeding.Bench;

public sealed class IndexBenchPlanTests
{
    private static readonly IndexBenchOptions Options = new(600, 21, 7, new DateTime(2026, 6, 1, 16, 0, 0, DateTimeKind.Utc));

    [Fact]
    public void Plan_WithTheSameOptions_IsTheSameHistory()
    {
        var (a, b) = (IndexBenchPlan.Create(Options), IndexBenchPlan.Create(Options));

        Assert.Equal(a.Count(), b.Count());
        Assert.Equal(a.People.Members, b.People.Members);
        Assert.Equal(a.People.Stays, b.People.Stays);
        Assert.Equal(a.People.Signups, b.People.Signups);
        Assert.Equal(a.Traffic.Scans, b.Traffic.Scans);
        Assert.Equal(a.Facts.Facts, b.Facts.Facts);
        Assert.Equal(a.Facts.Records, b.Facts.Records);
        Assert.Equal(a.Matrix.ChannelCodes, b.Matrix.ChannelCodes);
        Assert.Equal(a.Matrix.Activities.Select(x => (x.Name, x.StartDate, x.EndDate)), b.Matrix.Activities.Select(x => (x.Name, x.StartDate, x.EndDate)));
    }

    [Fact]
    public void Plan_WithAnotherSeed_IsAnotherHistory()
    {
        var (a, b) = (IndexBenchPlan.Create(Options), IndexBenchPlan.Create(Options with { Seed = 8 }));

        Assert.NotEqual(a.Traffic.Scans, b.Traffic.Scans);
        Assert.NotEqual(a.People.Members, b.People.Members);
    }

    [Fact]
    public void Plan_PutsMostActivityInTheTeamsEvening_AndMoreMembersLateInTheWindow()
    {
        var plan = IndexBenchPlan.Create(Options);
        var hours = plan.Facts.Facts.Where(f => f.Kind == MemberEventKind.Active).Select(f => PortalTime.ToLocal(f.At).Hour).ToList();
        var middle = Options.Start + (Options.End - Options.Start) / 2;

        Assert.True(hours.Count(h => h is >= 18 and <= 22) > 3 * hours.Count(h => h is >= 0 and <= 5));
        Assert.True(plan.People.Members.Count(m => m.CreatedAt >= middle) > 1.3 * plan.People.Members.Count(m => m.CreatedAt < middle));
    }

    [Fact]
    public void Agents_AreClassifiedAsTheScanPageWould_AndFitTheColumn()
    {
        Assert.All(IndexBenchTraffic.Agents, agent =>
        {
            Assert.Equal(agent.Client, ClientClassifier.Classify(agent.UserAgent));
            Assert.InRange(agent.UserAgent.Length, 1, Scan.UserAgentMax);
        });
    }
}
