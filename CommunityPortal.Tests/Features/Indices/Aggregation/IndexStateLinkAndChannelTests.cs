using CommunityPortal.Features.Indices;
using CommunityPortal.Features.Indices.Aggregation;
using CommunityPortal.Features.Indices.Stream;
using CommunityPortal.Features.LiveCodes;

namespace CommunityPortal.Tests.Features.Indices.Aggregation;

/// <summary>
/// The aggregator's memory when its two feeds cross: a member's facts read again from the database and the scan feed
/// bring the same linked scan in either order; a member's first channel changes after their 学号 fact.
/// </summary>
public sealed class IndexStateLinkAndChannelTests
{
    private static readonly DateTime At = new(2026, 11, 20, 4, 30, 0, DateTimeKind.Utc);

    private static StreamEvent Created(int channel) => new(IndexEventType.MemberCreated, At.AddDays(-1), 7, 7, ChannelId: channel);

    private static StreamEvent Scan => new(IndexEventType.Scan, At, 41, 7, 3, LiveCodeId: 1, Visitor: "v", Outcome: ScanOutcome.Assigned);

    private static int LinkedScans(IndexState state) =>
        state.Day(IndexState.DayOf(At)).Count(f => f.Type == IndexEventType.ScanLinked && f.Id == 41)
        + state.Member(7)!.Facts.Count(f => f.Type == IndexEventType.ScanLinked && f.Id == 41);

    [Fact]
    public void ALinkedScan_ReadWithTheMembersFactsBeforeTheFeedBringsIt_IsKeptOnce()
    {
        var state = new IndexState();

        // The scan committed, the member's facts were read again (with it), then the scan feed delivered it.
        state.ReplaceMember(7, [Created(1), Scan with { Type = IndexEventType.ScanLinked }]);
        state.AddScan(Scan);

        Assert.Equal(2, LinkedScans(state));
        Assert.Single(state.Day(IndexState.DayOf(At)), f => f.Type == IndexEventType.Scan);
    }

    [Fact]
    public void ALinkedScan_FromTheFeedThenReadWithTheMembersFacts_IsKeptOnce()
    {
        var state = new IndexState();
        state.ReplaceMember(7, [Created(1)]);

        state.AddScan(Scan);
        state.ReplaceMember(7, [Created(1), Scan with { Type = IndexEventType.ScanLinked }]);

        Assert.Equal(2, LinkedScans(state));
    }

    [Fact]
    public void AFirstChannelChangedLater_MovesTheMembersFact_AndItsDay()
    {
        var state = new IndexState();
        state.ReplaceMember(7, [Created(1)]);
        state.TakeChanges();

        state.ReplaceMember(7, [Created(2)]);

        Assert.Equal(2, Assert.Single(state.Day(IndexState.DayOf(At.AddDays(-1)))).ChannelId);
        Assert.Equal(2, state.Member(7)!.ChannelId);
        // A changed day is what makes the aggregator raise its version (cached answers are dropped).
        Assert.Equal([DateOnly.FromDayNumber(IndexState.DayOf(At.AddDays(-1)))], state.TakeChanges().Days);
    }
}
