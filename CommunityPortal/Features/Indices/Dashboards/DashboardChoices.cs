using CommunityPortal.Features.LiveCodes.Channels;
using CommunityPortal.Features.Matrix;
using CommunityPortal.Features.Matrix.Activities;
using CommunityPortal.Features.Matrix.SeriesEditor;

namespace CommunityPortal.Features.Indices.Dashboards;

/// <summary>What the filter controls offer, archived items included: past periods and channels still have figures.</summary>
public sealed record FilterChoices(IReadOnlyList<Option<int>> Series, IReadOnlyList<ActivityChoice> Activities, IReadOnlyList<Option<int>> Channels)
{
    public static FilterChoices None { get; } = new([], [], []);

    /// <summary>The series a page that needs one shows when the address names none: the first with periods.</summary>
    public int? DefaultSeriesId { get; init; }

    public IEnumerable<ActivityChoice> ActivitiesOf(int? seriesId) => Activities.Where(a => seriesId is null || a.SeriesId == seriesId);
}

public sealed record ActivityChoice(int Id, int SeriesId, string Text);

/// <summary>Reads the filter choices through the owning features' services (one small read each, once per page).</summary>
public sealed class DashboardChoices(SeriesService series, ActivityService activities, ChannelService channels)
{
    public async Task<FilterChoices> LoadAsync(CancellationToken ct = default)
    {
        var allSeries = (await series.ListAsync(includeArchived: true, ct: ct))
            .OrderBy(s => s.ThemeName, StringComparer.CurrentCulture).ThenBy(s => s.Name, StringComparer.CurrentCulture).ToList();
        var allActivities = await activities.ListAsync(includeArchived: true, ct: ct);
        var allChannels = await channels.ListAsync(ct);
        return new FilterChoices(
            [.. allSeries.Select(s => new Option<int>(s.Id, $"{s.ThemeName} · {s.Name}"))],
            [.. allActivities.Select(a => new ActivityChoice(a.Id, a.SeriesId, MatrixLabels.ActivityOption(a)))],
            [.. allChannels.Select(c => new Option<int>(c.Id, c.Name))])
        {
            DefaultSeriesId = allSeries.FirstOrDefault(s => s.ActivityCount > 0)?.Id ?? allSeries.FirstOrDefault()?.Id,
        };
    }
}
