using CommunityPortal.Features.Indices.Queries;
using MudBlazor;

namespace CommunityPortal.Features.Indices.Dashboards;

/// <summary>/indices/groups: each group's members, joins, leaves, net growth, leave rate and activity in the range.</summary>
public sealed class GroupsView() : IndexView<IReadOnlyList<GroupIndexRow>>(
    "groups", AllFilters & ~DashboardControls.Channel, (q, f, ct) => q.GroupsAsync(f, ct))
{
    public static GroupsView Instance { get; } = new();

    public override bool IsEmpty(IReadOnlyList<GroupIndexRow> data) =>
        data.All(r => r is { MembersAtStart: 0, MembersAtEnd: 0, Joins: 0, Leaves: 0, ActivityEvents: 0 });

    public override IReadOnlyList<IndexTable> Tables(IReadOnlyList<GroupIndexRow> data, DashboardLabels labels) =>
    [
        IndexTable.Of(Name, labels["Groups.Table"], data,
            new(labels["Col.Group"], CellKind.Text, r => r.Name),
            new(labels["Col.Tier"], CellKind.Text, r => labels.Tier(r.Tier)),
            new(labels["Col.MembersAtStart"], CellKind.Count, r => r.MembersAtStart),
            new(labels["Col.MembersAtEnd"], CellKind.Count, r => r.MembersAtEnd),
            new(labels["Col.Joins"], CellKind.Count, r => r.Joins),
            new(labels["Col.Leaves"], CellKind.Count, r => r.Leaves),
            new(labels["Col.NetGrowth"], CellKind.Count, r => r.NetGrowth),
            new(labels["Col.LeaveRate"], CellKind.Percent, r => r.LeaveRate),
            new(labels["Col.ActivityEvents"], CellKind.Count, r => r.ActivityEvents),
            new(labels["Col.ActivityPerMember"], CellKind.Number, r => r.ActivityPerMember)),
    ];

    /// <summary>The chart shows this many groups, those that grew or shrank most; the table lists them all.</summary>
    public const int ChartGroups = 12;

    public static IReadOnlyList<GroupIndexRow> Movers(IReadOnlyList<GroupIndexRow> rows) =>
        [.. rows.OrderByDescending(r => Math.Abs(r.NetGrowth)).ThenBy(r => r.Name, StringComparer.CurrentCulture).Take(ChartGroups)];

    public static List<ChartSeries<double>> NetGrowth(IReadOnlyList<GroupIndexRow> movers, DashboardLabels labels) =>
        [IndexChart.Of(labels["Col.NetGrowth"], movers.Select(r => r.NetGrowth))];
}
