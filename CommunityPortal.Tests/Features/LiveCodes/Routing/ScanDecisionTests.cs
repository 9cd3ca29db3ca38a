using CommunityPortal.Features.LiveCodes;
using CommunityPortal.Features.LiveCodes.Routing;
using CommunityPortal.Features.Matrix;

namespace CommunityPortal.Tests.Features.LiveCodes.Routing;

public sealed class ScanDecisionTests
{
    private static readonly DateTime Now = new(2026, 11, 22, 12, 0, 0, DateTimeKind.Utc);

    private static LiveCodeSettings Settings(DateTime? from = null, DateTime? until = null, bool paused = false) =>
        new(1, "code", from, until, paused, null, null, null, null, new Dictionary<string, int>());

    private static DateTime? At(int? days) => days is null ? null : Now.AddDays(days.Value);

    private static LiveCodeRoute Route(LiveCodeSettings settings, int threshold = 1) =>
        new(new LiveCodeRouter(RotationMode.FillInOrder, [new PoolGroup(7, 1, threshold, 200, 0, GroupStatus.Open, 70, Now.AddDays(3))]),
            settings);

    [Fact]
    public void Decide_OpenCode_Person_GetsAGroup_ThenTheSameAgain_ThenTheNextPersonTheFallback()
    {
        var route = Route(Settings(from: Now.AddDays(-1), until: Now.AddDays(1)));

        var first = ScanDecision.Decide(route, ClientKind.WeChatMobile, "v1", Now);
        var again = ScanDecision.Decide(route, ClientKind.WeChatMobile, "v1", Now);
        var next = ScanDecision.Decide(route, ClientKind.OtherMobile, "v2", Now);

        Assert.Equal((ScanOutcome.Assigned, 7), (first.Outcome, first.Group?.GroupId));
        Assert.Equal((ScanOutcome.Repeat, 7), (again.Outcome, again.Group?.GroupId));
        Assert.Equal((ScanOutcome.Fallback, null), (next.Outcome, next.Group?.GroupId));
    }

    [Fact]
    public void Decide_Bot_IsNeverRouted_AndLeavesTheSeatForAPerson()
    {
        var route = Route(Settings());

        var bot = ScanDecision.Decide(route, ClientKind.Bot, "bot", Now);
        var person = ScanDecision.Decide(route, ClientKind.WeChatMobile, "v1", Now);

        Assert.Equal((ScanOutcome.Bot, null), (bot.Outcome, bot.Group));
        Assert.Equal(ScanOutcome.Assigned, person.Outcome);
    }

    [Theory]
    [InlineData(-2, -1, false, ScanOutcome.Expired)]
    [InlineData(null, 0, false, ScanOutcome.Expired)]
    [InlineData(-2, -1, true, ScanOutcome.Expired)]
    [InlineData(1, 2, true, ScanOutcome.Paused)]
    [InlineData(1, 2, false, ScanOutcome.NotStarted)]
    [InlineData(1, null, false, ScanOutcome.NotStarted)]
    public void Decide_EndedPausedOrNotStarted_ComesFirst_EvenForABot_AndTakesNoSeat(int? fromDays, int? untilDays, bool paused,
        ScanOutcome expected)
    {
        var route = Route(Settings(At(fromDays), At(untilDays), paused));

        Assert.Equal(expected, ScanDecision.Decide(route, ClientKind.WeChatMobile, "v1", Now).Outcome);
        Assert.Equal(expected, ScanDecision.Decide(route, ClientKind.Bot, "bot", Now).Outcome);
        Assert.Equal(ScanOutcome.Assigned, route.Router.Route("v1", Now).Outcome);
    }

    [Fact]
    public void BeforeRouting_OpenCodeWithoutDates_LeavesAPersonToTheRouter()
    {
        Assert.Null(ScanDecision.BeforeRouting(Settings(), ClientKind.WeChatDesktop, Now));
        Assert.Equal(ScanOutcome.Bot, ScanDecision.BeforeRouting(Settings(), ClientKind.Bot, Now));
    }
}
