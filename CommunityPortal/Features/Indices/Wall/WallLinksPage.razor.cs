using System.Globalization;
using System.Security.Claims;
using CommunityPortal.Components.Shared;
using CommunityPortal.Features.Users;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace CommunityPortal.Features.Indices.Wall;

public sealed partial class WallLinksPage
{
    private IReadOnlyList<WallLinkDto>? links;
    private string actor = "";

    [Inject]
    private WallLinks Links { get; set; } = default!;

    [Inject]
    private PortalDialogs Dialogs { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        var user = (await AuthenticationState).User;
        actor = user.FindFirstValue(PortalClaimsPrincipalFactory.DisplayNameClaim) ?? user.Identity?.Name ?? "";
        links = await Links.ListAsync();
    }

    private async Task CreateAsync()
    {
        var parameters = new DialogParameters<WallLinkCreateDialog> { { d => d.Actor, actor } };
        if (await Dialogs.OpenAsync<WallLinkCreateDialog, CreatedWallLink>(T["Links.Create"], parameters) is not { } created)
        {
            return;
        }
        links = await Links.ListAsync();
        StateHasChanged(); // the new row shows under the dialog that follows
        // The token exists only in this dialog: the database keeps its hash.
        var shown = new DialogParameters<WallLinkCreatedDialog> { { d => d.Created, created } };
        await Dialogs.OpenAsync<WallLinkCreatedDialog, bool>(T["Links.CreatedTitle", created.Link.Name], shown);
    }

    private async Task RevokeAsync(WallLinkDto link)
    {
        if (await Dialogs.ConfirmThenAsync(T["Links.RevokeTitle"], T["Links.RevokeQuestion", link.Name], T["Links.Revoke"],
                () => Links.RevokeAsync(link.Id), T["Links.RevokeDone", link.Name], danger: true))
        {
            links = await Links.ListAsync();
        }
    }

    private static string When(DateTime utc) => PortalTime.ToLocal(utc).ToString("g", CultureInfo.CurrentCulture);
}
