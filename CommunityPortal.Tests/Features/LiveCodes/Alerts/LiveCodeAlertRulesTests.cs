using CommunityPortal.Features.LiveCodes;
using CommunityPortal.Features.LiveCodes.Routing;
using CommunityPortal.Features.LiveCodes.Alerts;
using CommunityPortal.Features.Matrix;

namespace CommunityPortal.Tests.Features.LiveCodes.Alerts;

public sealed class LiveCodeAlertRulesTests
{
    private static readonly DateTime Now = new(2026, 11, 22, 12, 0, 0, DateTimeKind.Utc);
    private readonly ManualClock _clock = new(Now);

    private static PoolGroup G(int id, int threshold = 100, DateTime? qrExpires = null, bool qr = true,
        GroupStatus status = GroupStatus.Open, int members = 0, int capacity = 200) =>
        new(id, id, threshold, capacity, members, status, qr ? id * 10 : null, qr ? qrExpires ?? Now.AddDays(7) : null,
            new GroupDisplay($"{id}群", null));

    private static LiveCodeRoute Code(IEnumerable<PoolGroup> pool, bool paused = false, DateTime? from = null, DateTime? until = null,
        IReadOnlyDictionary<int, int>? assigned = null, int id = 1) =>
        new(new LiveCodeRouter(RotationMode.FillInOrder, pool, assigned),
            new LiveCodeSettings(id, "poster", from, until, paused, null, null, null, null, new Dictionary<string, int>()));

    private IReadOnlyList<LiveCodeAlert> Evaluate(params LiveCodeRoute[] routes) =>
        new LiveCodeAlertRules(_clock).Evaluate(routes, new Dictionary<int, string> { [1] = "读书会海报" });

    [Theory]
    [InlineData(3 * 24 * 60 + 1, null)]
    [InlineData(3 * 24 * 60, AlertSeverity.Warning)]
    [InlineData(24 * 60 + 1, AlertSeverity.Warning)]
    [InlineData(24 * 60, AlertSeverity.Critical)]
    [InlineData(1, AlertSeverity.Critical)]
    public void QrExpiring_WarnsWithinThreeDays_AndIsCriticalWithinTwentyFourHours(int minutesLeft, AlertSeverity? expected)
    {
        var expires = Now.AddMinutes(minutesLeft);

        var alerts = Evaluate(Code([G(1, qrExpires: expires)]));

        var alert = alerts.SingleOrDefault(a => a.Kind == LiveCodeAlertKind.QrExpiring);
        Assert.Equal(expected, alert?.Severity);
        if (alert is not null)
        {
            Assert.Equal((1, "读书会海报", 1, "1群", expires), (alert.LiveCodeId, alert.LiveCodeName, alert.GroupId, alert.GroupName, alert.QrExpiresAt));
            Assert.Equal("QrExpiring:1:1", alert.Key);
        }
    }

    [Fact]
    public void QrExpiredOrMissing_IsCritical_AndSaysTheGroupIsSkipped()
    {
        var alerts = Evaluate(Code([G(1, qrExpires: Now), G(2, qr: false), G(3)]));

        Assert.Contains(alerts, a => a is { Kind: LiveCodeAlertKind.QrExpired, GroupId: 1, Severity: AlertSeverity.Critical });
        Assert.Contains(alerts, a => a is { Kind: LiveCodeAlertKind.QrMissing, GroupId: 2, Severity: AlertSeverity.Critical });
        Assert.DoesNotContain(alerts, a => a.GroupId == 3);
        // Group 3 still takes people: no fallback alert.
        Assert.DoesNotContain(alerts, a => a.Kind == LiveCodeAlertKind.NoAvailableGroup);
    }

    [Fact]
    public void QrAlerts_SkipGroupsThatTakeNobodyAnyway()
    {
        var atThreshold = G(1, threshold: 2, qrExpires: Now.AddHours(1));
        var closed = G(2, qrExpires: Now.AddHours(1), status: GroupStatus.Full);
        var full = G(3, qr: false, members: 200);

        var alerts = Evaluate(Code([atThreshold, closed, full, G(4, threshold: 1000)], assigned: new Dictionary<int, int> { [1] = 2 }));

        Assert.DoesNotContain(alerts, a => a.GroupId is not null && IsQrAlert(a));
    }

    private static bool IsQrAlert(LiveCodeAlert alert) =>
        alert.Kind is LiveCodeAlertKind.QrExpiring or LiveCodeAlertKind.QrExpired or LiveCodeAlertKind.QrMissing;

    [Fact]
    public void ThresholdOverRoom_WarnsWhenAGroupWouldBeSentMorePeopleThanItHasSeats()
    {
        // Capacity 3 with the default threshold: routing would send 180 people to 3 seats.
        var alert = Assert.Single(Evaluate(Code([G(1, threshold: 180, capacity: 3)])));

        Assert.Equal((LiveCodeAlertKind.ThresholdOverRoom, AlertSeverity.Warning, 1, "1群"), (alert.Kind, alert.Severity, alert.GroupId, alert.GroupName));
        Assert.Equal((180, 0, 3), (alert.Threshold, alert.Assigned, alert.Seats));
        Assert.Equal("ThresholdOverRoom:1:1", alert.Key);
    }

    [Theory]
    [InlineData(180, 200, 20, 0, false)]   // 180 seats, 180 to send: fits exactly
    [InlineData(180, 200, 21, 0, true)]    // 179 seats
    [InlineData(180, 200, 150, 140, false)] // 40 still to send, 50 seats: the people sent earlier are already counted
    [InlineData(180, 200, 150, 120, true)]  // 60 still to send, 50 seats
    [InlineData(180, 500, 30, 0, true)]    // joining by scan stops at WeChat's 200: 170 seats, whatever the capacity
    [InlineData(180, 500, 20, 0, false)]
    public void ThresholdOverRoom_ComparesWhatIsStillToBeSent_WithTheSeatsLeft(int threshold, int capacity, int members, int assigned, bool warned)
    {
        var alerts = Evaluate(Code([G(1, threshold, capacity: capacity, members: members)], assigned: new Dictionary<int, int> { [1] = assigned }));

        Assert.Equal(warned, alerts.Any(a => a.Kind == LiveCodeAlertKind.ThresholdOverRoom));
    }

    [Fact]
    public void ThresholdOverRoom_IsNotRaised_ForGroupsRoutingSkipsAnyway()
    {
        var closed = G(1, threshold: 180, capacity: 3, status: GroupStatus.Full);
        var full = G(2, threshold: 180, capacity: 3, members: 3);
        var planned = G(3, threshold: 180, capacity: 3, status: GroupStatus.Planned);

        var alerts = Evaluate(Code([closed, full, planned, G(4)]));

        Assert.DoesNotContain(alerts, a => a.Kind == LiveCodeAlertKind.ThresholdOverRoom);
    }

    [Theory]
    [InlineData(79, null)]
    [InlineData(80, AlertSeverity.Warning)]
    [InlineData(99, AlertSeverity.Warning)]
    [InlineData(100, AlertSeverity.Critical)]
    public void PoolFilling_WarnsAtEightyPercentOfTheTotalThreshold_AndIsCriticalWhenFull(int assigned, AlertSeverity? expected)
    {
        // 60 + 40 seats; the first group takes its 60 first.
        var counts = new Dictionary<int, int> { [1] = Math.Min(assigned, 60), [2] = Math.Max(0, assigned - 60) };

        var alert = Evaluate(Code([G(1, threshold: 60), G(2, threshold: 40)], assigned: counts))
            .SingleOrDefault(a => a.Kind == LiveCodeAlertKind.PoolFilling);

        Assert.Equal(expected, alert?.Severity);
        if (alert is not null)
        {
            Assert.Equal((assigned, 100, assigned / 100.0), (alert.Assigned, alert.Threshold, alert.Fill));
            Assert.Null(alert.GroupId);
        }
    }

    [Fact]
    public void NoAvailableGroup_IsCritical_WhenAnActiveCodeWouldSendScannersToTheFallback()
    {
        var alerts = Evaluate(Code([G(1, status: GroupStatus.Archived)], from: Now.AddDays(-1), until: Now.AddDays(1)));

        var alert = Assert.Single(alerts);
        Assert.Equal((LiveCodeAlertKind.NoAvailableGroup, AlertSeverity.Critical, "NoAvailableGroup:1"), (alert.Kind, alert.Severity, alert.Key));
    }

    [Fact]
    public void NoAvailableGroup_IsNotRaised_ForAPausedOrNotYetStartedCode_ButItsQrsStillAre()
    {
        var pool = new[] { G(1, qr: false) };

        var paused = Evaluate(Code(pool, paused: true));
        var notStarted = Evaluate(Code(pool, from: Now.AddMinutes(1)));

        Assert.Equal([LiveCodeAlertKind.QrMissing], paused.Select(a => a.Kind));
        Assert.Equal([LiveCodeAlertKind.QrMissing], notStarted.Select(a => a.Kind));
    }

    [Fact]
    public void EndedCode_RaisesNothing()
    {
        var alerts = Evaluate(Code([G(1, qr: false)], until: Now));

        Assert.Empty(alerts);
    }

    [Fact]
    public void HealthyCode_RaisesNothing_AndAnUnnamedCodeIsCalledBySlug()
    {
        Assert.Empty(Evaluate(Code([G(1)])));

        var alert = Assert.Single(Evaluate(Code([], id: 2)));
        Assert.Equal("poster", alert.LiveCodeName);
    }
}
