using System.Security.Claims;
using CommunityPortal.Components;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;

namespace CommunityPortal.Features.Sop.Plans;

/// <summary>
/// /sop/plans/{id}: a plan or template — its steps to edit (each save a new version), where it applies, archive and delete.
/// Everyone may read it; managers change it (the page hides what they alone may do).
/// </summary>
public sealed partial class SopPlanPage
{
    private SopPlanDto? plan;
    private bool notFound;
    private bool canManage;
    private string? userId;

    [Parameter]
    public int Id { get; set; }

    [Inject] private SopPlanService Service { get; set; } = default!;
    [Inject] private IAuthorizationService Authorization { get; set; } = default!;
    [Inject] private IStringLocalizer<SopText> T { get; set; } = default!;
    [Inject] private IStringLocalizer<SharedText> S { get; set; } = default!;

    [CascadingParameter] private Task<AuthenticationState>? AuthState { get; set; }

    protected override async Task OnInitializedAsync()
    {
        if (AuthState is not null)
        {
            var user = (await AuthState).User;
            canManage = (await Authorization.AuthorizeAsync(user, Policies.Manage)).Succeeded;
            userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        }
    }

    protected override async Task OnParametersSetAsync()
    {
        (plan, notFound) = (null, false);
        await ReloadAsync();
    }

    private async Task ReloadAsync()
    {
        try
        {
            plan = await Service.GetAsync(Id);
        }
        catch (NotFoundException)
        {
            (plan, notFound) = (null, true);
        }
    }
}
