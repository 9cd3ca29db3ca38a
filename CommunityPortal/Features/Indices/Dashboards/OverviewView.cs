using CommunityPortal.Features.Indices.Queries;
using MudBlazor;

namespace CommunityPortal.Features.Indices.Dashboards;

/// <summary>What /indices shows: today's live figures and the days of the range.</summary>
public sealed record OverviewData(LiveFigures Live, IReadOnlyList<DailyIndexRow> Daily);

/// <summary>/indices: today's figures as tiles, the range's new and active members, today's top channels.</summary>
public sealed class OverviewView() : IndexView<OverviewData>("overview", DashboardControls.Range, AskAsync)
{
    public const string DailyTable = "overview-daily";
    public const string ChannelsTable = "top-channels";

    public static OverviewView Instance { get; } = new();

    private static async Task<OverviewData> AskAsync(IIndexQueries queries, IndexFilter filter, CancellationToken ct) =>
        new(await queries.LiveAsync(ct), await queries.DailyAsync(filter, ct));

    /// <summary>Today's tiles are facts even at zero; the chart and the channel list say for themselves when they are empty.</summary>
    public override bool IsEmpty(OverviewData data) => false;

    public override IReadOnlyList<IndexTable> Tables(OverviewData data, DashboardLabels labels) =>
    [
        IndexTable.Of(DailyTable, labels["Overview.DailyTable"], data.Daily.Reverse(),
            new(labels["Col.Date"], CellKind.Date, r => r.Date),
            new(labels["Col.NewMembers"], CellKind.Count, r => r.NewMembers),
            new(labels["Col.ActiveMembers"], CellKind.Count, r => r.ActiveMembers),
            new(labels["Col.Signups"], CellKind.Count, r => r.Signups),
            new(labels["Col.Scans"], CellKind.Count, r => r.Scans)),
        IndexTable.Of(ChannelsTable, labels["Overview.ChannelsTable"], data.Live.TopChannels,
            new(labels["Col.Channel"], CellKind.Text, c => c.Name),
            new(labels["Col.ScansToday"], CellKind.Count, c => c.ScansToday),
            new(labels["Col.AcquiredToday"], CellKind.Count, c => c.AcquiredToday)),
    ];

    /// <summary>The daily index's first two lines: new and active members.</summary>
    public static List<ChartSeries<double>> People(IReadOnlyList<DailyIndexRow> rows, DashboardLabels labels) => [.. DailyView.People(rows, labels).Take(2)];
}
