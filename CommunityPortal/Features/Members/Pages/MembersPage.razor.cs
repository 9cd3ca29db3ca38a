using CommunityPortal.Components;
using CommunityPortal.Features.Members.Components;
using CommunityPortal.Features.Users;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.Extensions.Localization;
using Radzen;
using Radzen.Blazor;

namespace CommunityPortal.Features.Members.Pages;

/// <summary>
/// 会员列表: one page of members at a time from MemberQueryService, filtered by what the address says (so a view can be
/// bookmarked and shared); segments, bulk tags (Edit) and the CSV download (Manage) work on that same filter.
/// </summary>
public sealed partial class MembersPage
{
    private MemberListFilter filter = new();
    private TagCatalog catalog = TagCatalog.Empty;
    private readonly HashSet<int> selected = [];
    private RadzenDataGrid<MemberRow> grid = default!;
    // Null until the grid's first LoadData: Radzen asks for data only when it has none.
    private IReadOnlyList<MemberRow>? items;
    private int count;
    private bool loading;
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

    private string ExportUrl => MemberListRegistration.ExportPath.TrimStart('/') + filter.ToQueryString();

    private bool PageSelected => items is { Count: > 0 } && items.All(m => selected.Contains(m.Id));

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
        Nav.LocationChanged += OnLocationChanged;
    }

    private async Task LoadDataAsync(LoadDataArgs args)
    {
        loading = true;
        var sort = args.Sorts?.FirstOrDefault(s => s.SortOrder is not null);
        var result = await Query.QueryAsync(filter.ToQuery(args.Skip ?? 0, args.Top ?? 20, SortKey(sort?.Property),
            sort is null || sort.SortOrder == SortOrder.Descending));
        (items, count, loading) = (result.Items, result.TotalCount, false);
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

    private static void RowRender(RowRenderEventArgs<MemberRow> args)
    {
        if (args.Data is { Status: MemberStatus.Blacklisted })
        {
            args.Attributes.Add("class", "member-blacklisted");
        }
        args.Attributes.Add("data-testid", "member-row");
    }

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
            await grid.FirstPage(true);
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
        var ids = items?.Select(m => m.Id) ?? [];
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
        await grid.Reload();
    }

    public void Dispose() => Nav.LocationChanged -= OnLocationChanged;
}
