using CommunityPortal.Features.Indices.Queries;
using MudBlazor;

namespace CommunityPortal.Features.Indices.Dashboards;

/// <summary>
/// /indices/retention: for the periods of one series, the share of each period's people who were in each earlier one (a
/// matrix), and where each period's people came from (the latest earlier period each was in, or new).
/// </summary>
public sealed class RetentionView() : IndexView<RetentionIndex>("retention", DashboardControls.Series | DashboardControls.RequiredSeries, AskAsync)
{
    public const string SharesTable = "retention-shares";
    public const string CompositionTable = "retention-composition";

    public static RetentionView Instance { get; } = new();

    /// <summary>The dashboard asks only with a series (it fills in the default one).</summary>
    private static Task<RetentionIndex> AskAsync(IIndexQueries queries, IndexFilter filter, CancellationToken ct) =>
        queries.RetentionAsync(filter.SeriesId ?? throw new ArgumentException("Retention needs a series.", nameof(filter)), ct);

    public override bool IsEmpty(RetentionIndex data) => data.Periods.All(p => p.People == 0);

    /// <summary>A column for each period but the last, which no period can have come from.</summary>
    public override IReadOnlyList<IndexTable> Tables(RetentionIndex data, DashboardLabels labels)
    {
        var periods = data.Periods;
        var rows = Enumerable.Range(0, periods.Count).ToList();
        IndexColumn<int> PeriodColumn() => new(labels["Col.Period"], CellKind.Text, b => periods[b].Name);
        IndexColumn<int> PeopleColumn() => new(labels["Col.People"], CellKind.Count, b => periods[b].People);
        var shares = IndexTable.Of(SharesTable, labels["Retention.SharesTable"], rows,
        [
            PeriodColumn(),
            PeopleColumn(),
            .. periods.SkipLast(1).Select((a, ai) => new IndexColumn<int>(labels["Retention.FromPeriod", labels.Period(a.PeriodNo)], CellKind.Percent,
                b => ai < b && b < data.Shares.Count && ai < data.Shares[b].Count ? data.Shares[b][ai] : null, heat: true)),
        ]);
        var composition = IndexTable.Of(CompositionTable, labels["Retention.CompositionTable"], rows,
        [
            PeriodColumn(),
            PeopleColumn(),
            new(labels["Col.NewPeople"], CellKind.Count, b => Composition(data, b)?.New),
            .. periods.SkipLast(1).Select((a, ai) => new IndexColumn<int>(labels["Retention.FromPeriod", labels.Period(a.PeriodNo)], CellKind.Count,
                b => ai < b ? CameFrom(data, b, a.ActivityId) : null)),
        ]);
        return [shares, composition];
    }

    /// <summary>Period <paramref name="b"/>'s composition (matched by activity, not by position).</summary>
    public static RetentionComposition? Composition(RetentionIndex data, int b) =>
        data.Composition.FirstOrDefault(c => c.ActivityId == data.Periods[b].ActivityId);

    /// <summary>How many of period <paramref name="b"/>'s people came from the period of <paramref name="activityId"/>; null when unknown.</summary>
    public static int? CameFrom(RetentionIndex data, int b, int activityId) =>
        Composition(data, b) is { } composition ? composition.From.Where(s => s.ActivityId == activityId).Sum(s => s.People) : null;

    public static string[] PeriodNames(RetentionIndex data) => [.. data.Periods.Select(p => p.Name)];

    /// <summary>Each period's people stacked: new, then from each earlier period (zero-high where a period cannot be a source).</summary>
    public static List<ChartSeries<double>> Composition(RetentionIndex data, DashboardLabels labels)
    {
        var rows = Enumerable.Range(0, data.Periods.Count).ToList();
        return
        [
            IndexChart.Of(labels["Col.NewPeople"], rows.Select(b => (double?)Composition(data, b)?.New)),
            .. data.Periods.SkipLast(1).Select((a, ai) => IndexChart.Of(labels["Retention.FromPeriod", labels.Period(a.PeriodNo)],
                rows.Select(b => ai < b ? (double?)CameFrom(data, b, a.ActivityId) : null))),
        ];
    }
}
