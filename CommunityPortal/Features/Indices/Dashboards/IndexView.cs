using CommunityPortal.Features.Indices.Queries;

namespace CommunityPortal.Features.Indices.Dashboards;

/// <summary>Which filter controls a dashboard offers (the index's query reads the others as absent).</summary>
[Flags]
public enum DashboardControls
{
    None = 0,
    Range = 1,
    Series = 2,
    Activity = 4,
    Channel = 8,
    Tier = 16,

    /// <summary>The page needs a series (retention): with none in the address it shows the first with periods.</summary>
    RequiredSeries = 32,
}

/// <summary>One dashboard's index, whatever its data: what the CSV download needs (<see cref="DashboardCsv"/>).</summary>
public interface IIndexView
{
    /// <summary>The page's address below /indices and the first part of its CSV links: "daily".</summary>
    string Name { get; }

    DashboardControls Controls { get; }

    Task<IReadOnlyList<IndexTable>> TablesAsync(IIndexQueries queries, IndexFilter filter, DashboardLabels labels, CancellationToken ct);
}

/// <summary>
/// One dashboard's index: its name and controls, how to ask for it, when it has nothing to show (an empty state, not
/// zeros that look like facts), and its tables — the same on the page and in its CSV.
/// </summary>
public abstract class IndexView<TData>(string name, DashboardControls controls, Func<IIndexQueries, IndexFilter, CancellationToken, Task<TData>> query)
    : IIndexView
{
    /// <summary>Every filter: the indices over events that can be tied to a series, an activity, a channel and a group tier.</summary>
    public const DashboardControls AllFilters = DashboardControls.Range | DashboardControls.Series | DashboardControls.Activity
        | DashboardControls.Channel | DashboardControls.Tier;

    public string Name => name;

    public DashboardControls Controls => controls;

    public Task<TData> QueryAsync(IIndexQueries queries, IndexFilter filter, CancellationToken ct) => query(queries, filter, ct);

    public abstract bool IsEmpty(TData data);

    public abstract IReadOnlyList<IndexTable> Tables(TData data, DashboardLabels labels);

    public async Task<IReadOnlyList<IndexTable>> TablesAsync(IIndexQueries queries, IndexFilter filter, DashboardLabels labels, CancellationToken ct) =>
        Tables(await QueryAsync(queries, filter, ct), labels);
}

/// <summary>A dashboard's data with its tables, built once per answer.</summary>
public sealed record DashboardData<TData>(TData Data, IReadOnlyList<IndexTable> Tables)
{
    public IndexTable Table(string key) => Tables.First(t => t.Key == key);
}
