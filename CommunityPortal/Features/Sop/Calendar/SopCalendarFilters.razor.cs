using CommunityPortal.Features.Matrix;
using CommunityPortal.Features.Matrix.Groups;
using CommunityPortal.Features.Matrix.SeriesEditor;
using CommunityPortal.Features.Users.Manage;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace CommunityPortal.Features.Sop.Calendar;

public sealed partial class SopCalendarFilters
{
    private const int GroupOptions = 50;
    private IReadOnlyList<Option<int>> groups = [];
    private IReadOnlyList<Option<int>> series = [];
    private IReadOnlyList<UserOption> users = [];

    [Inject] private GroupQueryService GroupQuery { get; set; } = default!;
    [Inject] private GroupService Groups { get; set; } = default!;
    [Inject] private SeriesService Series { get; set; } = default!;
    [Inject] private UserDirectory Users { get; set; } = default!;
    [Inject] private IStringLocalizer<SopText> T { get; set; } = default!;

    /// <summary>The filter in force (from the address).</summary>
    [Parameter, EditorRequired] public SopCalendarFilter Filter { get; set; } = new();

    [Parameter, EditorRequired] public SopViewer Viewer { get; set; } = SopViewer.Nobody;

    /// <summary>The new filter (the view and date kept, the open task closed).</summary>
    [Parameter] public EventCallback<SopCalendarFilter> Changed { get; set; }

    protected override async Task OnInitializedAsync()
    {
        series = [.. (await Series.ListAsync()).OrderBy(s => s.ThemeName, StringComparer.CurrentCulture).ThenBy(s => s.Name, StringComparer.CurrentCulture)
            .Select(s => new Option<int>(s.Id, $"{s.ThemeName} · {s.Name}"))];
        users = await Users.ListAsync();
        groups = await FindGroupsAsync(null, CancellationToken.None);
    }

    protected override async Task OnParametersSetAsync()
    {
        // A group named by the address but not among the first options (a link from its page): known by name too.
        if (Filter.GroupId is { } id && groups.All(g => g.Value != id))
        {
            try
            {
                var group = await Groups.GetAsync(id);
                groups = [new Option<int>(group.Id, group.Name), .. groups];
            }
            catch (NotFoundException)
            {
                // Deleted since the link was made: the filter still applies (nothing matches), unnamed.
            }
        }
    }

    private static Option<int>? Chosen(IReadOnlyList<Option<int>> options, int? id) =>
        id is { } value ? options.FirstOrDefault(o => o.Value == value) : null;

    private string AssigneeText(string? value) => value switch
    {
        null => "",
        SopCalendarFilter.Me => T["Filter.Me"],
        SopCalendarFilter.All => T["Filter.All"],
        _ => users.FirstOrDefault(u => string.Equals(u.Email, value, StringComparison.OrdinalIgnoreCase))?.Label ?? value,
    };

    private async Task<IEnumerable<Option<int>>> SearchGroupsAsync(string? search, CancellationToken ct)
    {
        var found = await FindGroupsAsync(search, ct);
        groups = [.. found, .. groups.Where(g => g.Value == Filter.GroupId && found.All(f => f.Value != g.Value))];
        return found;
    }

    private async Task<IReadOnlyList<Option<int>>> FindGroupsAsync(string? search, CancellationToken ct)
    {
        var found = await GroupQuery.QueryAsync(new GroupQuery
        {
            Search = string.IsNullOrWhiteSpace(search) ? null : search.Trim(),
            SortBy = "name",
            Descending = false,
            Take = GroupOptions,
        }, ct);
        return [.. found.Items.Select(g => new Option<int>(g.Id, g.Name))];
    }

    private Task GroupChangedAsync(Option<int>? option) => EmitAsync(Filter with { GroupId = option?.Value });

    private Task SeriesChangedAsync(int? id) => EmitAsync(Filter with { SeriesId = id });

    private Task AssigneeChangedAsync(string? value) => EmitAsync(Filter with { Assignee = value });

    private Task StateChangedAsync(SopTaskStatus? state) => EmitAsync(Filter with { State = state });

    private Task ClearAsync() => EmitAsync(Filter with { GroupId = null, SeriesId = null, Assignee = null, State = null });

    private Task EmitAsync(SopCalendarFilter next) => next.Criteria == Filter.Criteria ? Task.CompletedTask : Changed.InvokeAsync(next with { TaskId = null });
}
