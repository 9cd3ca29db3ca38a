namespace CommunityPortal.Features.Indices.Dashboards;

/// <summary>Every dashboard, for the links between them and for the CSV endpoint.</summary>
public static class DashboardViews
{
    public static IReadOnlyList<IIndexView> All { get; } =
    [
        OverviewView.Instance, DailyView.Instance, SignupsView.Instance, RetentionView.Instance, ChannelsView.Instance, HoursView.Instance,
        GroupsView.Instance,
    ];

    public static IIndexView? Find(string name) => All.FirstOrDefault(v => string.Equals(v.Name, name, StringComparison.Ordinal));

    /// <summary>The page's address: "indices" for the overview, "indices/daily" for the others (base-relative).</summary>
    public static string PathOf(IIndexView view) => view is OverviewView ? "indices" : "indices/" + view.Name;
}
