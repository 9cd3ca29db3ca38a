using CommunityPortal.Features.LiveCodes.Channels;
using CommunityPortal.Features.Matrix;
using CommunityPortal.Features.Matrix.Activities;
using CommunityPortal.Features.Matrix.Groups;
using Microsoft.AspNetCore.Components;

using CommunityPortal.Features.Members.Tags;
namespace CommunityPortal.Features.Members.List;

public sealed partial class MemberFilterPanel
{
    private const int GroupOptions = 50;
    private MemberListFilter edit = new();
    private IReadOnlyList<Option<int>> channels = [];
    private IReadOnlyList<Option<int>> groups = [];
    private IReadOnlyList<Option<int>> activities = [];
    private bool showAll;

    [Inject]
    private ActivityService Activities { get; set; } = default!;

    [Inject]
    private ChannelService Channels { get; set; } = default!;

    [Inject]
    private GroupQueryService GroupQuery { get; set; } = default!;

    [Inject]
    private GroupService GroupService { get; set; } = default!;

    /// <summary>The filter in force (from the address); the panel edits a copy.</summary>
    [Parameter, EditorRequired]
    public MemberListFilter Filter { get; set; } = new();

    [Parameter, EditorRequired]
    public TagCatalog Catalog { get; set; } = TagCatalog.Empty;

    /// <summary>The new filter, without the segment it may have come from (it no longer is that segment).</summary>
    [Parameter]
    public EventCallback<MemberListFilter> Changed { get; set; }

    protected override async Task OnInitializedAsync()
    {
        channels = [.. (await Channels.ListAsync()).OrderBy(c => c.Name, StringComparer.CurrentCulture).Select(c => new Option<int>(c.Id, c.Name))];
        activities = [.. (await Activities.ListAsync(includeArchived: true)).Select(a => new Option<int>(a.Id, $"{a.SeriesName} · {a.Name}"))];
        groups = await FindGroupsAsync(null, CancellationToken.None);
    }

    protected override async Task OnParametersSetAsync()
    {
        edit = Filter.Clone();
        if (edit.GroupId is { } id && groups.All(g => g.Value != id))
        {
            try
            {
                var group = await GroupService.GetAsync(id);
                groups = [new Option<int>(group.Id, group.Name), .. groups];
            }
            catch (NotFoundException)
            {
                // A bookmarked group that was deleted since: the filter still applies (nobody matches), unnamed.
            }
        }
    }

    /// <summary>How many filters besides the search are set (said on the phone's toggle).</summary>
    private int ActiveCount =>
        new object?[] { Filter.GrowthLevel, Filter.Status, Filter.ChannelId, Filter.GroupId, Filter.ActivityId, Filter.JoinedFrom, Filter.JoinedTo }.Count(v => v is not null)
        + (Filter.TagsAllOf.Count > 0 ? 1 : 0) + (Filter.TagsAnyOf.Count > 0 ? 1 : 0) + (Filter.TagsNoneOf.Count > 0 ? 1 : 0);

    /// <summary>The option shown for an id in the filter (null when none is chosen or it is unknown).</summary>
    private static Option<int>? Chosen(IReadOnlyList<Option<int>> options, int? id) =>
        id is { } value ? options.FirstOrDefault(o => o.Value == value) : null;

    private Task<IEnumerable<Option<int>>> SearchChannels(string? search, CancellationToken ct) => Task.FromResult(Option.Matching(channels, search));

    private Task<IEnumerable<Option<int>>> SearchActivities(string? search, CancellationToken ct) => Task.FromResult(Option.Matching(activities, search));

    private async Task<IEnumerable<Option<int>>> SearchGroupsAsync(string? search, CancellationToken ct)
    {
        var found = await FindGroupsAsync(search, ct);
        // Keep the chosen group known, so its name still shows after a search.
        groups = [.. found, .. groups.Where(g => g.Value == edit.GroupId && found.All(f => f.Value != g.Value))];
        return found;
    }

    private async Task<IReadOnlyList<Option<int>>> FindGroupsAsync(string? search, CancellationToken ct)
    {
        var found = await GroupQuery.QueryAsync(new GroupQuery
        {
            Search = string.IsNullOrWhiteSpace(search) ? null : search.Trim(),
            IncludeArchived = true,
            SortBy = "name",
            Descending = false,
            Take = GroupOptions,
        }, ct);
        return [.. found.Items.Select(g => new Option<int>(g.Id, g.Name))];
    }

    private static DateTime? ToDate(DateOnly? day) => day?.ToDateTime(TimeOnly.MinValue);

    private Task SearchChangedAsync(string? value)
    {
        edit.Search = value;
        return EmitAsync();
    }

    private Task LevelChangedAsync(GrowthLevel? value)
    {
        edit.GrowthLevel = value;
        return EmitAsync();
    }

    private Task StatusChangedAsync(MemberStatus? value)
    {
        edit.Status = value;
        return EmitAsync();
    }

    private Task ChosenAsync(Option<int>? option, Action<int?> set)
    {
        set(option?.Value);
        return EmitAsync();
    }

    private Task DateChangedAsync(DateTime? date, Action<DateOnly?> set)
    {
        set(date is { } d ? DateOnly.FromDateTime(d) : null);
        return EmitAsync();
    }

    private Task TagsChangedAsync(List<int> list, IReadOnlyList<int> values)
    {
        list.Clear();
        list.AddRange(values);
        return EmitAsync();
    }

    private Task EmitAsync()
    {
        edit.SegmentId = null;
        return Changed.InvokeAsync(edit.Clone());
    }

    private Task ClearAsync() => Changed.InvokeAsync(new MemberListFilter());
}
