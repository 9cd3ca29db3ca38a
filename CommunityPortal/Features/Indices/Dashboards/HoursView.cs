using CommunityPortal.Features.Indices.Queries;
using MudBlazor;

namespace CommunityPortal.Features.Indices.Dashboards;

/// <summary>What /indices/hours shows: activity by weekday and hour, and the active-cycle and time-in-system histograms.</summary>
public sealed record HoursData(HoursIndex Hours, CycleIndex Cycle);

/// <summary>/indices/hours: when members are active (weekday × hour), how long they stay active and how long they have been members.</summary>
public sealed class HoursView() : IndexView<HoursData>("hours", AllFilters, AskAsync)
{
    public const string HoursTable = "hours";
    public const string ActiveCycleTable = "active-cycle";
    public const string TimeInSystemTable = "time-in-system";
    public const int Hours = 24;

    public static HoursView Instance { get; } = new();

    private static async Task<HoursData> AskAsync(IIndexQueries queries, IndexFilter filter, CancellationToken ct) =>
        new(await queries.HoursAsync(filter, ct), await queries.CycleAsync(filter, ct));

    public override bool IsEmpty(HoursData data) => data.Hours.Total == 0 && IsEmpty(data.Cycle.ActiveCycle) && IsEmpty(data.Cycle.TimeInSystem);

    public static bool IsEmpty(IReadOnlyList<DayBucket> buckets) => buckets.All(b => b.Members == 0);

    public override IReadOnlyList<IndexTable> Tables(HoursData data, DashboardLabels labels) =>
    [
        IndexTable.Of(HoursTable, labels["Hours.Table"], Enumerable.Range(0, data.Hours.Counts.Count),
        [
            new(labels["Col.Weekday"], CellKind.Text, d => DashboardLabels.Weekday(d)),
            .. Enumerable.Range(0, Hours).Select(h => new IndexColumn<int>(labels["Hours.Hour", h], CellKind.Count,
                d => h < data.Hours.Counts[d].Count ? data.Hours.Counts[d][h] : null, heat: true)),
            new(labels["Col.Total"], CellKind.Count, d => data.Hours.Counts[d].Sum()),
        ]),
        Buckets(ActiveCycleTable, labels["Hours.ActiveCycleTable"], data.Cycle.ActiveCycle, labels),
        Buckets(TimeInSystemTable, labels["Hours.TimeInSystemTable"], data.Cycle.TimeInSystem, labels),
    ];

    private static IndexTable Buckets(string key, string title, IReadOnlyList<DayBucket> buckets, DashboardLabels labels) =>
        IndexTable.Of(key, title, buckets,
            new(labels["Col.Days"], CellKind.Text, b => labels.Bucket(b)),
            new(labels["Col.Members"], CellKind.Count, b => b.Members));

    public static string[] HourNames() => [.. Enumerable.Range(0, Hours).Select(h => h.ToString(System.Globalization.CultureInfo.InvariantCulture))];

    /// <summary>A row a weekday (Monday first), a cell an hour.</summary>
    public static List<ChartSeries<double>> Heat(HoursIndex hours) =>
        [.. hours.Counts.Select((row, d) => IndexChart.Of(DashboardLabels.Weekday(d), row))];

    public static string[] BucketNames(IReadOnlyList<DayBucket> buckets, DashboardLabels labels) => [.. buckets.Select(labels.Bucket)];

    public static List<ChartSeries<double>> Histogram(IReadOnlyList<DayBucket> buckets, DashboardLabels labels) =>
        [IndexChart.Of(labels["Col.Members"], buckets.Select(b => b.Members))];
}
