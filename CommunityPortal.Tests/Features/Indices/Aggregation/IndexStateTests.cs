using CommunityPortal.Features.Indices;
using CommunityPortal.Features.Indices.Aggregation;
using CommunityPortal.Features.Indices.Queries;
using CommunityPortal.Features.Indices.Stream;
using CommunityPortal.Features.LiveCodes;

namespace CommunityPortal.Tests.Features.Indices.Aggregation;

/// <summary>The aggregator's memory: applying a fact twice changes nothing; a member's facts are replaced as a whole.</summary>
public sealed class IndexStateTests
{
    // 2030-01-07 is a Monday; 16:00 UTC is midnight in Shanghai (the default zone), so these are local days.
    private static DateTime Local(int day, int hour = 10) => new DateTime(2030, 1, day, hour, 0, 0, DateTimeKind.Utc).AddHours(-8);

    private static StreamEvent Created(int member, int day) => new(IndexEventType.MemberCreated, Local(day), member, member);

    private static StreamEvent Active(long id, int member, int day, int hour = 10) => new(IndexEventType.Active, Local(day, hour), id, member);

    private static StreamEvent Scan(long id, int day, string visitor, ScanOutcome outcome = ScanOutcome.Assigned, int? member = null) =>
        new(IndexEventType.Scan, Local(day), id, member, 1, null, 1, null, null, visitor, outcome);

    private static IReadOnlyList<DailyIndexRow> Daily(IndexState state, int from, int to) =>
        DailyCalculator.Compute(new FactFilter(new IndexFilter(new DateOnly(2030, 1, from), new DateOnly(2030, 1, to)), state, IndexLookups.Empty));

    [Fact]
    public void A_scan_seen_again_is_not_counted_again_and_bots_never_count()
    {
        var state = new IndexState();
        state.AddScan(Scan(1, 7, "a"));
        state.AddScan(Scan(2, 7, "a"));
        state.AddScan(Scan(2, 7, "a"));
        state.AddScan(Scan(3, 7, "b", ScanOutcome.Bot));

        var day = Assert.Single(Daily(state, 7, 7));
        Assert.Equal((2, 1), (day.Scans, day.UniqueVisitors));
    }

    [Fact]
    public void Replacing_a_member_with_the_same_facts_changes_nothing_and_a_moved_fact_moves_its_day()
    {
        var state = new IndexState();
        state.ReplaceMember(5, [Created(5, 7), Active(10, 5, 8)]);
        state.ReplaceMember(5, [Created(5, 7), Active(10, 5, 8)]);
        Assert.Equal(2, state.FactCount);
        Assert.Equal([0, 1, 0], Daily(state, 7, 9).Select(d => d.ActiveMembers));

        state.ReplaceMember(5, [Created(5, 7), Active(10, 5, 9)]);

        Assert.Equal(2, state.FactCount);
        Assert.Equal([0, 0, 1], Daily(state, 7, 9).Select(d => d.ActiveMembers));
        Assert.Equal([1, 0, 0], Daily(state, 7, 9).Select(d => d.NewMembers));
    }

    [Fact]
    public void A_deleted_member_leaves_every_day_and_a_blacklisted_one_counts_nowhere()
    {
        var state = new IndexState();
        state.ReplaceMember(5, [Created(5, 7), Active(10, 5, 7)]);
        state.ReplaceMember(6, [Created(6, 7), Active(11, 6, 7), new StreamEvent(IndexEventType.Blacklisted, Local(8), 12, 6)]);
        Assert.Equal((1, 1), (Daily(state, 7, 7)[0].NewMembers, Daily(state, 7, 7)[0].ActiveMembers));

        state.ReplaceMember(5, []);

        Assert.Equal(3, state.FactCount);
        Assert.Equal((0, 0), (Daily(state, 7, 7)[0].NewMembers, Daily(state, 7, 7)[0].ActiveMembers));
    }

    [Fact]
    public void Weekly_and_monthly_active_count_a_member_once_per_window()
    {
        var state = new IndexState();
        state.ReplaceMember(5, [Created(5, 1), Active(10, 5, 1), Active(11, 5, 3), Active(12, 5, 3, 20)]);

        var days = Daily(state, 1, 10);

        Assert.Equal([1, 0, 1, 0, 0, 0, 0, 0, 0, 0], days.Select(d => d.ActiveMembers));
        Assert.Equal([1, 1, 1, 1, 1, 1, 1, 1, 1, 0], days.Select(d => d.WeeklyActive));
        Assert.All(days, d => Assert.Equal(1, d.MonthlyActive));
    }

    [Fact]
    public void A_fact_belongs_to_the_local_day_of_its_time()
    {
        var state = new IndexState();
        // 15:59:59 UTC is 23:59:59 in Shanghai on the 7th; 16:00 UTC is the 8th.
        state.ReplaceMember(5, [Created(5, 7), new StreamEvent(IndexEventType.Active, new DateTime(2030, 1, 7, 15, 59, 59, DateTimeKind.Utc), 10, 5),
            new StreamEvent(IndexEventType.Active, new DateTime(2030, 1, 7, 16, 0, 0, DateTimeKind.Utc), 11, 5)]);

        Assert.Equal([1, 1], Daily(state, 7, 8).Select(d => d.ActiveMembers));
        var hours = MemberCalculators.Hours(new FactFilter(new IndexFilter(new DateOnly(2030, 1, 7), new DateOnly(2030, 1, 8)), state, IndexLookups.Empty));
        Assert.Equal(1, hours.Counts[0][23]);
        Assert.Equal(1, hours.Counts[1][0]);
    }
}
