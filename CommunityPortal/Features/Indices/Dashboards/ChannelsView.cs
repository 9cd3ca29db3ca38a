using CommunityPortal.Features.Indices.Queries;
using MudBlazor;

namespace CommunityPortal.Features.Indices.Dashboards;

/// <summary>/indices/channels: each channel's funnel, cost, cost per acquired member and ROI in the range.</summary>
public sealed class ChannelsView() : IndexView<IReadOnlyList<ChannelIndexRow>>(
    "channels", AllFilters & ~DashboardControls.Tier, (q, f, ct) => q.ChannelsAsync(f, ct))
{
    public static ChannelsView Instance { get; } = new();

    public override bool IsEmpty(IReadOnlyList<ChannelIndexRow> data) =>
        data.All(r => r is { Scans: 0, UniqueVisitors: 0, Routed: 0, Acquired: 0, SignedUp: 0, Purchasers: 0 } && r.Revenue == 0);

    /// <summary>The funnel's stages in order, as the chart's axis and the table's columns name them.</summary>
    public static IReadOnlyList<(string Key, Func<ChannelIndexRow, int> Value)> Stages { get; } =
    [
        ("Col.Scans", r => r.Scans),
        ("Col.UniqueVisitors", r => r.UniqueVisitors),
        ("Col.Routed", r => r.Routed),
        ("Col.Acquired", r => r.Acquired),
        ("Col.SignedUp", r => r.SignedUp),
        ("Col.Purchasers", r => r.Purchasers),
    ];

    public override IReadOnlyList<IndexTable> Tables(IReadOnlyList<ChannelIndexRow> data, DashboardLabels labels) =>
    [
        IndexTable.Of(Name, labels["Channels.Table"], data,
        [
            new(labels["Col.Channel"], CellKind.Text, r => r.Name),
            new(labels["Col.ChannelType"], CellKind.Text, r => labels.ChannelType(r.Type)),
            .. Stages.Select(s => new IndexColumn<ChannelIndexRow>(labels[s.Key], CellKind.Count, r => s.Value(r))),
            new(labels["Col.Revenue"], CellKind.Money, r => r.Revenue),
            new(labels["Col.Cost"], CellKind.Money, r => r.Cost),
            new(labels["Col.CostPerMember"], CellKind.Money, r => r.CostPerMember),
            new(labels["Col.Roi"], CellKind.Percent, r => r.Roi),
        ]),
    ];

    /// <summary>The chart shows this many channels, the most scanned; the table lists them all.</summary>
    public const int ChartChannels = 8;

    public static string[] StageNames(DashboardLabels labels) => [.. Stages.Select(s => labels[s.Key])];

    public static List<ChartSeries<double>> Funnel(IReadOnlyList<ChannelIndexRow> rows) =>
        [.. rows.OrderByDescending(r => r.Scans).Take(ChartChannels).Select(r => IndexChart.Of(r.Name, Stages.Select(s => s.Value(r))))];
}
