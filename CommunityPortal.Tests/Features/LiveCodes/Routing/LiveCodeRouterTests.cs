using CommunityPortal.Features.LiveCodes;
using CommunityPortal.Features.LiveCodes.Routing;
using CommunityPortal.Features.Matrix;

namespace CommunityPortal.Tests.Features.LiveCodes.Routing;

public sealed class LiveCodeRouterTests
{
    private static readonly DateTime Now = new(2026, 11, 22, 12, 0, 0, DateTimeKind.Utc);

    private static PoolGroup G(int id, int threshold = 100, int members = 0, int capacity = 200,
        GroupStatus status = GroupStatus.Open, bool qr = true, DateTime? qrExpires = null) =>
        new(id, id, threshold, capacity, members, status, qr ? id * 10 : null, qr ? qrExpires ?? Now.AddDays(3) : null);

    private static List<int?> RouteMany(LiveCodeRouter router, int people) =>
        Enumerable.Range(0, people).Select(i => router.Route($"v{i}", Now).Group?.GroupId).ToList();

    [Fact]
    public void FillInOrder_FillsFirstGroupToItsThreshold_ThenNext_ThenFallback()
    {
        var router = new LiveCodeRouter(RotationMode.FillInOrder, [G(1, threshold: 2), G(2, threshold: 1)]);

        Assert.Equal([1, 1, 2, null], RouteMany(router, 4));
        Assert.Equal(ScanOutcome.Fallback, router.Route("late", Now).Outcome);
    }

    [Fact]
    public void RoundRobin_TakesGroupsInTurn_SkippingFullOnes()
    {
        var router = new LiveCodeRouter(RotationMode.RoundRobin, [G(1), G(2, threshold: 1), G(3)]);

        Assert.Equal([1, 2, 3, 1, 3, 1], RouteMany(router, 6));
    }

    [Fact]
    public void Random_UsesOnlyAvailableGroups_AndSpreadsPeople()
    {
        var router = new LiveCodeRouter(RotationMode.Random, [G(1), G(2, status: GroupStatus.Full), G(3)], random: new Random(7));

        var routed = RouteMany(router, 100);

        Assert.DoesNotContain(2, routed);
        Assert.InRange(routed.Count(g => g == 1), 20, 80);
        Assert.Equal(100, routed.Count(g => g is 1 or 3));
    }

    [Fact]
    public void LeastShown_GivesThePersonToTheGroupWithFewestAssigned()
    {
        var router = new LiveCodeRouter(RotationMode.LeastShown, [G(1), G(2), G(3)],
            assigned: new Dictionary<int, int> { [1] = 5, [2] = 3, [3] = 4 });

        Assert.Equal([2, 2, 3, 1], RouteMany(router, 4));
    }

    [Theory]
    [InlineData("threshold")]
    [InlineData("capacity")]
    [InlineData("wechat200")]
    [InlineData("noqr")]
    [InlineData("expiredqr")]
    [InlineData("planned")]
    [InlineData("full")]
    [InlineData("archived")]
    public void Route_SkipsUnavailableGroup(string rule)
    {
        var skipped = rule switch
        {
            "threshold" => G(1, threshold: 3),
            "capacity" => G(1, members: 50, capacity: 50),
            "wechat200" => G(1, members: 200, capacity: 500),
            "noqr" => G(1, qr: false),
            "expiredqr" => G(1, qrExpires: Now.AddSeconds(-1)),
            "planned" => G(1, status: GroupStatus.Planned),
            "full" => G(1, status: GroupStatus.Full),
            _ => G(1, status: GroupStatus.Archived),
        };
        var router = new LiveCodeRouter(RotationMode.FillInOrder, [skipped, G(2)],
            assigned: new Dictionary<int, int> { [1] = 3 });

        Assert.Equal(2, router.Route("v", Now).Group?.GroupId);
    }

    [Fact]
    public void Route_SameVisitorWithin24Hours_IsRepeatOfSameGroup_AndNotCountedAgain()
    {
        var router = new LiveCodeRouter(RotationMode.RoundRobin, [G(1), G(2)]);

        var first = router.Route("alice", Now);
        var again = router.Route("alice", Now.AddHours(23));

        Assert.Equal(ScanOutcome.Assigned, first.Outcome);
        Assert.Equal(ScanOutcome.Repeat, again.Outcome);
        Assert.Equal(first.Group!.GroupId, again.Group!.GroupId);
        Assert.Equal(1, router.AssignedTo(1) + router.AssignedTo(2));
    }

    [Fact]
    public void Route_SameVisitorAfter24Hours_IsANewAssignment()
    {
        var router = new LiveCodeRouter(RotationMode.FillInOrder, [G(1)]);
        router.Route("alice", Now);

        Assert.Equal(ScanOutcome.Assigned, router.Route("alice", Now.AddHours(25)).Outcome);
    }

    [Fact]
    public void RetainOnly_RemovedGroupIsNeverRoutedAgain_EvenForARepeatVisitor()
    {
        var router = new LiveCodeRouter(RotationMode.FillInOrder, [G(1), G(2)]);
        router.Route("alice", Now);

        router.RetainOnly(new HashSet<int> { 2 });

        Assert.Equal(2, router.Route("alice", Now).Group?.GroupId);
        Assert.Equal(2, router.Route("bob", Now).Group?.GroupId);
    }

    [Fact]
    public void Release_GivesTheSeatBack()
    {
        var router = new LiveCodeRouter(RotationMode.FillInOrder, [G(1, threshold: 1)]);
        router.Route("alice", Now);

        router.Release("alice", 1);

        Assert.Equal(ScanOutcome.Assigned, router.Route("bob", Now).Outcome);
    }

    [Fact]
    public void Replace_KeepsCountsOfGroupsAlreadyKnown()
    {
        var router = new LiveCodeRouter(RotationMode.FillInOrder, [G(1, threshold: 2)]);
        RouteMany(router, 2);

        router.Replace(RotationMode.FillInOrder, [G(1, threshold: 2), G(2)]);

        Assert.Equal(2, router.Route("new", Now).Group?.GroupId);
    }

    [Theory]
    [InlineData(RotationMode.FillInOrder)]
    [InlineData(RotationMode.RoundRobin)]
    [InlineData(RotationMode.Random)]
    [InlineData(RotationMode.LeastShown)]
    public async Task Route_HundredsOfParallelScans_NeverExceedThresholds(RotationMode mode)
    {
        var router = new LiveCodeRouter(mode, [G(1, threshold: 7), G(2, threshold: 11), G(3, threshold: 5)]);

        var results = await Task.WhenAll(Enumerable.Range(0, 800).Select(i => Task.Run(() => router.Route($"v{i}", Now))));

        Assert.Equal(7, results.Count(r => r.Group?.GroupId == 1));
        Assert.Equal(11, results.Count(r => r.Group?.GroupId == 2));
        Assert.Equal(5, results.Count(r => r.Group?.GroupId == 3));
        Assert.Equal(800 - 23, results.Count(r => r.Outcome == ScanOutcome.Fallback));
    }
}
