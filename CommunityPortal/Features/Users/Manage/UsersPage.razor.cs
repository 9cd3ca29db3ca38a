using System.Security.Claims;
using CommunityPortal.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

using CommunityPortal.Infrastructure.Security;
namespace CommunityPortal.Features.Users.Manage;

public sealed partial class UsersPage
{
    private const int PageSize = 20;
    private static readonly int[] PageSizes = [20, 50, 100];

    private MudDataGrid<UserDto>? grid;
    private string? myId;

    [Inject]
    private UserAdminService Service { get; set; } = default!;

    [Inject]
    private PortalDialogs Dialogs { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    protected override async Task OnInitializedAsync() =>
        myId = (await AuthenticationState).User.FindFirstValue(ClaimTypes.NameIdentifier);

    private async Task<GridData<UserDto>> LoadAsync(GridState<UserDto> state, CancellationToken ct)
    {
        var sort = state.SortDefinitions.FirstOrDefault();
        var page = await Service.ListAsync(new UserQuery
        {
            Skip = state.Page * state.PageSize,
            Take = state.PageSize,
            SortBy = sort?.SortBy,
            Descending = sort?.Descending ?? false,
        }, ct);
        return new GridData<UserDto> { Items = page.Items, TotalItems = page.TotalCount };
    }

    private async Task CreateAsync()
    {
        if (await Dialogs.OpenAsync<UserCreateDialog, UserDto>(T["CreateUser"]) is { } user)
        {
            Dialogs.Success(T["Created", user.Email]);
            await ReloadAsync();
        }
    }

    private async Task ChangeRoleAsync(UserDto user)
    {
        var parameters = new DialogParameters<UserRoleDialog>
        {
            { d => d.User, user },
            { d => d.ActorId, myId ?? "" },
        };
        if (await Dialogs.OpenAsync<UserRoleDialog, UserDto>(T["ChangeRoleFor", user.Email], parameters, MaxWidth.ExtraSmall) is { } updated)
        {
            Dialogs.Success(T["RoleChanged", updated.Email, RoleLabel(updated.Role)]);
            await ReloadAsync();
        }
    }

    private async Task LockAsync(UserDto user)
    {
        if (await Dialogs.ConfirmThenAsync(T["ConfirmLockTitle"], T["ConfirmLock", user.Email], T["Lock"],
                () => Service.LockAsync(user.Id, myId), T["LockDone", user.Email], danger: true))
        {
            await ReloadAsync();
        }
    }

    private async Task UnlockAsync(UserDto user)
    {
        await Dialogs.RunAsync(() => Service.UnlockAsync(user.Id), T["UnlockDone", user.Email]);
        await ReloadAsync();
    }

    private Task ReloadAsync() => grid?.ReloadServerData() ?? Task.CompletedTask;

    private string RoleLabel(string role) => Roles.IsKnown(role) ? S["Role." + role] : role;
}
