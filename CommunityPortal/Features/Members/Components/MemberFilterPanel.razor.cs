using CommunityPortal.Features.LiveCodes;
using CommunityPortal.Features.Matrix;
using CommunityPortal.Features.Matrix.Components;
using Microsoft.AspNetCore.Components;
using Radzen;

namespace CommunityPortal.Features.Members.Components;

public sealed partial class MemberFilterPanel
{
    private const int GroupOptions = 50;
    private MemberListFilter edit = new();
    private IReadOnlyList<Option<GrowthLevel?>> levels = [];
    private IReadOnlyList<Option<MemberStatus?>> statuses = [];
    private IReadOnlyList<Option<int?>> channels = [];
    private IReadOnlyList<Option<int?>> groups = [];
    private IReadOnlyList<Option<int?>> activities = [];

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
        levels = [.. Enum.GetValues<GrowthLevel>().Select(l => new Option<GrowthLevel?>(l, M.Label(l)))];
        statuses = [.. Enum.GetValues<MemberStatus>().Select(s => new Option<MemberStatus?>(s, M.Label(s)))];
        channels = [.. (await Channels.ListAsync()).OrderBy(c => c.Name, StringComparer.CurrentCulture).Select(c => new Option<int?>(c.Id, c.Name))];
        activities = [.. (await Activities.ListAsync(includeArchived: true))
            .Select(a => new Option<int?>(a.Id, $"{a.SeriesName} · {a.Name}"))];
        await FindGroupsAsync(null);
    }

    protected override async Task OnParametersSetAsync()
    {
        edit = Filter.Clone();
        if (edit.GroupId is { } id && groups.All(g => g.Value != id))
        {
            try
            {
                var group = await GroupService.GetAsync(id);
                groups = [new Option<int?>(group.Id, group.Name), .. groups];
            }
            catch (Common.NotFoundException)
            {
                // A bookmarked group that was deleted since: the filter still applies (nobody matches), unnamed.
            }
        }
    }

    private async Task LoadGroupsAsync(LoadDataArgs args) => await FindGroupsAsync(args.Filter);

    private async Task FindGroupsAsync(string? search)
    {
        var found = await GroupQuery.QueryAsync(new GroupQuery
        {
            Search = string.IsNullOrWhiteSpace(search) ? null : search.Trim(),
            IncludeArchived = true,
            SortBy = "name",
            Descending = false,
            Take = GroupOptions,
        });
        var options = found.Items.Select(g => new Option<int?>(g.Id, g.Name)).ToList();
        // Keep the chosen group listed, so its name still shows after a search.
        if (groups.FirstOrDefault(g => g.Value == edit.GroupId) is { } selected && options.All(o => o.Value != selected.Value))
        {
            options.Insert(0, selected);
        }
        groups = options;
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
