using CommunityPortal.Features.Indices.Queries;
using MudBlazor;

namespace CommunityPortal.Features.Indices.Dashboards;

/// <summary>/indices/daily: new members, DAU / WAU / MAU, stickiness, sign-ups, scans and unique visitors per day.</summary>
public sealed class DailyView() : IndexView<IReadOnlyList<DailyIndexRow>>("daily", AllFilters, (q, f, ct) => q.DailyAsync(f, ct))
{
    public static DailyView Instance { get; } = new();

    public override bool IsEmpty(IReadOnlyList<DailyIndexRow> data) => IsQuiet(data);

    /// <summary>No day has anything to count: the overview's chart is empty on the same terms.</summary>
    public static bool IsQuiet(IReadOnlyList<DailyIndexRow> rows) =>
        rows.All(r => r is { NewMembers: 0, ActiveMembers: 0, WeeklyActive: 0, MonthlyActive: 0, Signups: 0, Scans: 0, UniqueVisitors: 0 });

    /// <summary>The latest day first: the chart runs left to right, the table starts with what is newest.</summary>
    public override IReadOnlyList<IndexTable> Tables(IReadOnlyList<DailyIndexRow> data, DashboardLabels labels) =>
    [
        IndexTable.Of(Name, labels["Daily.Table"], data.Reverse(),
            new(labels["Col.Date"], CellKind.Date, r => r.Date),
            new(labels["Col.NewMembers"], CellKind.Count, r => r.NewMembers),
            new(labels["Col.ActiveMembers"], CellKind.Count, r => r.ActiveMembers),
            new(labels["Col.WeeklyActive"], CellKind.Count, r => r.WeeklyActive),
            new(labels["Col.MonthlyActive"], CellKind.Count, r => r.MonthlyActive),
            new(labels["Col.Stickiness"], CellKind.Percent, r => r.Stickiness),
            new(labels["Col.Signups"], CellKind.Count, r => r.Signups),
            new(labels["Col.Scans"], CellKind.Count, r => r.Scans),
            new(labels["Col.UniqueVisitors"], CellKind.Count, r => r.UniqueVisitors)),
    ];

    public static string[] Days(IReadOnlyList<DailyIndexRow> rows) => [.. rows.Select(r => DashboardLabels.Day(r.Date))];

    public static List<ChartSeries<double>> People(IReadOnlyList<DailyIndexRow> rows, DashboardLabels labels) =>
    [
        IndexChart.Of(labels["Col.NewMembers"], rows.Select(r => r.NewMembers)),
        IndexChart.Of(labels["Col.ActiveMembers"], rows.Select(r => r.ActiveMembers)),
        IndexChart.Of(labels["Col.WeeklyActive"], rows.Select(r => r.WeeklyActive)),
        IndexChart.Of(labels["Col.MonthlyActive"], rows.Select(r => r.MonthlyActive)),
    ];

    /// <summary>A day without monthly actives has no stickiness: a gap in the line, not a zero.</summary>
    public static List<ChartSeries<double>> Stickiness(IReadOnlyList<DailyIndexRow> rows, DashboardLabels labels) =>
        [IndexChart.Of(labels["Col.Stickiness"], rows.Select(r => r.Stickiness))];

    public static List<ChartSeries<double>> Traffic(IReadOnlyList<DailyIndexRow> rows, DashboardLabels labels) =>
    [
        IndexChart.Of(labels["Col.Signups"], rows.Select(r => r.Signups)),
        IndexChart.Of(labels["Col.Scans"], rows.Select(r => r.Scans)),
        IndexChart.Of(labels["Col.UniqueVisitors"], rows.Select(r => r.UniqueVisitors)),
    ];
}
