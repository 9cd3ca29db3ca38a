using CommunityPortal.Components;
using CommunityPortal.Features.Members.List;
using CommunityPortal.Features.Members.Tags;
using CommunityPortal.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace CommunityPortal.Features.Members.List;

/// <summary>
/// 会员列表: one page of members at a time from MemberQueryService, filtered by what the address says (so a view can be
/// bookmarked and shared); segments, bulk tags (Edit) and the CSV download (Manage) work on that same filter.
/// </summary>
public sealed partial class MembersPage
{
    private static readonly int[] PageSizes = [20, 50, 100];

    // Nine columns fit a laptop beside the drawer only with narrower cells than MudBlazor's dense 16/24 px padding.
    private const string CellPadding = "padding-left:.5rem;padding-right:.5rem";
    // A member in many groups carries a group tag for each: the list shows the first few and counts the rest (the profile has all).
    private const int TagsShown = 6;

    private MemberListFilter filter = new();
    private TagCatalog catalog = TagCatalog.Empty;
    private readonly HashSet<int> selected = [];
    private MudDataGrid<MemberRow>? grid;
    private IReadOnlyList<MemberRow> items = [];
    private int count;
    private bool ready;
    private bool canEdit;
    private bool canManage;
    private MemberActor actor = MemberActor.System;

    [Inject] private MemberQueryService Query { get; set; } = default!;
    [Inject] private TagService Tags { get; set; } = default!;
    [Inject] private NavigationManager Nav { get; set; } = default!;
    [Inject] private IAuthorizationService Authorization { get; set; } = default!;
    [Inject] private IStringLocalizer<MemberListText> T { get; set; } = default!;
    [Inject] private IStringLocalizer<MemberText> M { get; set; } = default!;
    [Inject] private IStringLocalizer<SharedText> S { get; set; } = default!;

    [CascadingParameter] private Task<AuthenticationState>? AuthState { get; set; }

    private string ExportUrl => MembersRegistration.ExportPath.TrimStart('/') + filter.ToQueryString();

    private bool PageSelected => items.Count > 0 && items.All(m => selected.Contains(m.Id));

    protected override async Task OnInitializedAsync()
    {
        filter = MemberListFilter.Parse(Nav.Uri);
        if (AuthState is not null)
        {
            var user = (await AuthState).User;
            canEdit = (await Authorization.AuthorizeAsync(user, Policies.Edit)).Succeeded;
            canManage = (await Authorization.AuthorizeAsync(user, Policies.Manage)).Succeeded;
            actor = MemberActor.From(user);
        }
        catalog = new TagCatalog(await Tags.ListAsync());
        ready = true;
        Nav.LocationChanged += OnLocationChanged;
    }

    /// <summary>One page for the grid, with the filter from the address; the total also goes into the page's summary.</summary>
    private async Task<GridData<MemberRow>> LoadAsync(GridState<MemberRow> state, CancellationToken ct)
    {
        var sort = state.SortDefinitions.FirstOrDefault();
        var result = await Query.QueryAsync(filter.ToQuery(state.Page * state.PageSize, state.PageSize, SortKey(sort?.SortBy),
            sort is null || sort.Descending), ct);
        (items, count) = (result.Items, result.TotalCount);
        StateHasChanged();
        return new GridData<MemberRow> { Items = result.Items, TotalItems = result.TotalCount };
    }

    /// <summary>Grid column → MemberQueryService's sort keys; no sort means newest members first.</summary>
    internal static string? SortKey(string? property) => property switch
    {
        nameof(MemberRow.MemberNo) => "memberNo",
        nameof(MemberRow.Nickname) => "nickname",
        nameof(MemberRow.GrowthLevel) => "growthLevel",
        nameof(MemberRow.Status) => "status",
        nameof(MemberRow.CreatedAt) => "createdAt",
        _ => null,
    };

    private static string RowClass(MemberRow row, int index) =>
        row.Status == MemberStatus.Blacklisted ? "member-row member-blacklisted" : "member-row";

    /// <summary>A new filter goes into the address; the list follows the address (OnLocationChanged).</summary>
    private Task NavigateAsync(MemberListFilter next)
    {
        Nav.NavigateTo("members" + next.ToQueryString());
        return Task.CompletedTask;
    }

    private Task ClearFiltersAsync() => NavigateAsync(new MemberListFilter());

    private void OnLocationChanged(object? sender, LocationChangedEventArgs e)
    {
        if (!new Uri(e.Location).AbsolutePath.TrimEnd('/').EndsWith("/members", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }
        _ = InvokeAsync(async () =>
        {
            filter = MemberListFilter.Parse(e.Location);
            selected.Clear();
            await FirstPageAsync();
            StateHasChanged();
        });
    }

    private void Toggle(int id)
    {
        if (!selected.Remove(id))
        {
            selected.Add(id);
        }
    }

    private void TogglePage()
    {
        var ids = items.Select(m => m.Id);
        if (PageSelected)
        {
            selected.ExceptWith(ids);
        }
        else
        {
            selected.UnionWith(ids);
        }
    }

    private async Task BulkDoneAsync()
    {
        selected.Clear();
        catalog = new TagCatalog(await Tags.ListAsync());
        if (grid is not null)
        {
            await grid.ReloadServerData();
        }
    }

    /// <summary>A new filter starts on its first page (moving there loads it; the reload covers being there already).</summary>
    private async Task FirstPageAsync()
    {
        if (grid is null)
        {
            return;
        }
        grid.NavigateTo(MudBlazor.Page.First);
        await grid.ReloadServerData();
    }

    public void Dispose() => Nav.LocationChanged -= OnLocationChanged;
}
