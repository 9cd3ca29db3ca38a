using System.Security.Claims;
using CommunityPortal.Common;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Radzen;
using Radzen.Blazor;

namespace CommunityPortal.Features.Users;

public sealed partial class UsersPage
{
    private const int PageSize = 20;

    private RadzenDataGrid<UserDto>? grid;
    private IReadOnlyList<UserDto>? users;
    private int count;
    private bool loading;
    private string? myId;

    [Inject]
    private UserAdminService Service { get; set; } = default!;

    [Inject]
    private DialogService Dialogs { get; set; } = default!;

    [Inject]
    private NotificationService Notifications { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    protected override async Task OnInitializedAsync() =>
        myId = (await AuthenticationState).User.FindFirstValue(ClaimTypes.NameIdentifier);

    private async Task LoadAsync(LoadDataArgs args)
    {
        loading = true;
        var sort = args.Sorts?.FirstOrDefault(s => s.SortOrder is not null);
        var page = await Service.ListAsync(new UserQuery
        {
            Skip = args.Skip ?? 0,
            Take = args.Top ?? PageSize,
            SortBy = sort?.Property,
            Descending = sort?.SortOrder == SortOrder.Descending,
        });
        users = page.Items;
        count = page.TotalCount;
        loading = false;
    }

    private async Task CreateAsync()
    {
        var created = await Dialogs.OpenAsync<UserCreateDialog>(T["CreateUser"], options: new DialogOptions { Width = "460px" });
        if (created is UserDto user)
        {
            Notify(NotificationSeverity.Success, T["Created", user.Email]);
            await ReloadAsync();
        }
    }

    private async Task ChangeRoleAsync(UserDto user)
    {
        var changed = await Dialogs.OpenAsync<UserRoleDialog>(
            T["ChangeRoleFor", user.Email],
            new Dictionary<string, object?> { [nameof(UserRoleDialog.User)] = user, [nameof(UserRoleDialog.ActorId)] = myId ?? "" },
            new DialogOptions { Width = "420px" });
        if (changed is UserDto updated)
        {
            Notify(NotificationSeverity.Success, T["RoleChanged", updated.Email, RoleLabel(updated.Role)]);
            await ReloadAsync();
        }
    }

    private async Task LockAsync(UserDto user)
    {
        var confirmed = await Dialogs.Confirm(T["ConfirmLock", user.Email], T["ConfirmLockTitle"],
            new ConfirmOptions { OkButtonText = T["Lock"], CancelButtonText = S["Cancel"] });
        if (confirmed != true)
        {
            return;
        }
        await RunAsync(() => Service.LockAsync(user.Id, myId), T["LockDone", user.Email]);
    }

    private Task UnlockAsync(UserDto user) => RunAsync(() => Service.UnlockAsync(user.Id), T["UnlockDone", user.Email]);

    private async Task RunAsync(Func<Task> action, string done)
    {
        try
        {
            await action();
            Notify(NotificationSeverity.Success, done);
        }
        catch (Exception ex) when (ex is ConflictException or NotFoundException or PortalValidationException)
        {
            Notify(NotificationSeverity.Error, ex.Message);
        }
        await ReloadAsync();
    }

    private Task ReloadAsync() => grid?.Reload() ?? Task.CompletedTask;

    private void Notify(NotificationSeverity severity, string message) =>
        Notifications.Notify(new NotificationMessage
        {
            Severity = severity,
            Summary = severity == NotificationSeverity.Error ? T["Failed"].Value : "",
            Detail = message,
            Duration = severity == NotificationSeverity.Error ? 8000 : 4000,
        });

    private string RoleLabel(string role) => Roles.IsKnown(role) ? S["Role." + role] : role;
}
