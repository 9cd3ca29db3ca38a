using CommunityPortal.Features.Matrix;
using CommunityPortal.Features.Matrix.Groups;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using MudBlazor;

namespace CommunityPortal.Features.Matrix.Groups;

/// <summary>
/// 社群列表: one page of groups at a time from GroupQueryService. Filters, page, page size and sort live in the address
/// (<see cref="GroupFilter"/>): the page starts from it, writes each change back, and follows a link to another view.
/// </summary>
public sealed partial class GroupsPage
{
    // Nine columns must fit beside the menu on a laptop: half MudBlazor's cell padding, and headings on one line.
    private const string CellStyle = "padding-left:8px;padding-right:8px";
    private const string HeaderStyle = CellStyle + ";white-space:nowrap";

    private MudDataGrid<GroupDto>? grid;
    private GroupFilter filter = new();
    private int count;
    private string? written;
    /// <summary>A new grid (with the address's page and sort) when a link opens another view of this list.</summary>
    private int gridVersion;

    [Inject]
    private GroupQueryService Query { get; set; } = default!;

    [Inject]
    private NavigationManager Nav { get; set; } = default!;

    protected override void OnInitialized()
    {
        filter = GroupFilter.Parse(Nav.Uri);
        written = Address(filter);
        Nav.LocationChanged += OnLocationChanged;
    }

    public void Dispose() => Nav.LocationChanged -= OnLocationChanged;

    /// <summary>The address's sort, for the grid's first load.</summary>
    private SortDirection Initial(string property) =>
        filter.SortBy is { } key && GroupFilter.SortKey(property) == key ? (filter.Descending ? SortDirection.Descending : SortDirection.Ascending) : SortDirection.None;

    private async Task<GridData<GroupDto>> LoadAsync(GridState<GroupDto> state, CancellationToken ct)
    {
        var sort = state.SortDefinitions.FirstOrDefault();
        (filter.Page, filter.PageSize) = (state.Page, state.PageSize);
        (filter.SortBy, filter.Descending) = (GroupFilter.SortKey(sort?.SortBy), sort?.Descending ?? false);
        var result = await Query.QueryAsync(filter.ToQuery(), ct);
        if (!ct.IsCancellationRequested)
        {
            count = result.TotalCount;
            WriteAddress();
            StateHasChanged();
        }
        return new GridData<GroupDto> { Items = result.Items, TotalItems = result.TotalCount };
    }

    /// <summary>Other criteria: back to the first page (moving there loads it), or load the first page again.</summary>
    private Task FilterChangedAsync()
    {
        if (grid is null)
        {
            return Task.CompletedTask;
        }
        if (grid.CurrentPage != 0)
        {
            grid.NavigateTo(MudBlazor.Page.First);
            return Task.CompletedTask;
        }
        return grid.ReloadServerData();
    }

    private Task ClearFiltersAsync()
    {
        filter.Clear();
        return FilterChangedAsync();
    }

    /// <summary>What the grid shows becomes the address (replacing it: paging through a list is not history to go back through).</summary>
    private void WriteAddress()
    {
        var address = Address(filter);
        if (address != written)
        {
            written = address;
            Nav.NavigateTo(address, new NavigationOptions { ReplaceHistoryEntry = true });
        }
    }

    /// <summary>A link to another view of this list (the menu's 社群列表 while filtered): show what that address says.</summary>
    private void OnLocationChanged(object? sender, LocationChangedEventArgs e)
    {
        if (!IsThisPage(e.Location) || Address(GroupFilter.Parse(e.Location)) == written)
        {
            return;
        }
        _ = InvokeAsync(() =>
        {
            filter = GroupFilter.Parse(e.Location);
            written = Address(filter);
            gridVersion++;
            StateHasChanged();
        });
    }

    private bool IsThisPage(string location) =>
        Nav.ToBaseRelativePath(location).Split('?', '#')[0].TrimEnd('/').Equals("groups", StringComparison.OrdinalIgnoreCase);

    private static string Address(GroupFilter f) => "groups" + f.ToQueryString();
}
