using CommunityPortal.Features.Indices.Queries;
using MudBlazor;

namespace CommunityPortal.Features.Indices.Dashboards;

/// <summary>/indices/signups: sign-ups and check-ins per activity (period of a series) made in the range.</summary>
public sealed class SignupsView() : IndexView<IReadOnlyList<SignupIndexRow>>(
    "signups", DashboardControls.Range | DashboardControls.Series | DashboardControls.Activity, (q, f, ct) => q.SignupsAsync(f, ct))
{
    public static SignupsView Instance { get; } = new();

    public override bool IsEmpty(IReadOnlyList<SignupIndexRow> data) => data.All(r => r is { Signups: 0, CheckedIn: 0 });

    public override IReadOnlyList<IndexTable> Tables(IReadOnlyList<SignupIndexRow> data, DashboardLabels labels) =>
    [
        IndexTable.Of(Name, labels["Signups.Table"], data,
            new(labels["Col.Series"], CellKind.Text, r => r.Series),
            new(labels["Col.Activity"], CellKind.Text, r => r.Activity),
            new(labels["Col.PeriodNo"], CellKind.Count, r => r.PeriodNo),
            new(labels["Col.StartDate"], CellKind.Date, r => r.StartDate),
            new(labels["Col.Signups"], CellKind.Count, r => r.Signups),
            new(labels["Col.CheckedIn"], CellKind.Count, r => r.CheckedIn),
            new(labels["Col.CheckInRate"], CellKind.Percent, r => r.Signups == 0 ? null : (double)r.CheckedIn / r.Signups)),
    ];

    public static string[] Activities(IReadOnlyList<SignupIndexRow> rows) => [.. rows.Select(r => r.Activity)];

    public static List<ChartSeries<double>> Bars(IReadOnlyList<SignupIndexRow> rows, DashboardLabels labels) =>
    [
        IndexChart.Of(labels["Col.Signups"], rows.Select(r => r.Signups)),
        IndexChart.Of(labels["Col.CheckedIn"], rows.Select(r => r.CheckedIn)),
    ];
}
