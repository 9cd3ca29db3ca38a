using System.Security.Claims;
using CommunityPortal.Components;
using CommunityPortal.Components.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;

namespace CommunityPortal.Features.Sop.Plans;

/// <summary>
/// /sop/plans: the team's plans (archived ones on request) and the preloaded templates in the reader's language. The tab and
/// the archived switch are in the address, so a view can be bookmarked; "use template" copies it into a new plan and opens it.
/// </summary>
public sealed partial class SopPlansPage
{
    private IReadOnlyList<SopPlanSummaryDto>? plans;
    private IReadOnlyList<SopPlanSummaryDto>? templates;
    private bool canManage;
    private bool busy;
    private string? userId;

    [SupplyParameterFromQuery(Name = "tab")]
    private string? Tab { get; set; }

    [SupplyParameterFromQuery(Name = "archived")]
    private bool Archived { get; set; }

    [Inject] private SopPlanService Service { get; set; } = default!;
    [Inject] private PortalDialogs Dialogs { get; set; } = default!;
    [Inject] private NavigationManager Nav { get; set; } = default!;
    [Inject] private IAuthorizationService Authorization { get; set; } = default!;
    [Inject] private IStringLocalizer<SopText> T { get; set; } = default!;
    [Inject] private IStringLocalizer<SharedText> S { get; set; } = default!;

    [CascadingParameter] private Task<AuthenticationState>? AuthState { get; set; }

    private bool Templates => string.Equals(Tab, "templates", StringComparison.OrdinalIgnoreCase);

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
        plans = await Service.ListAsync(templates: false, includeArchived: Archived);
        templates = await Service.ListAsync(templates: true);
    }

    private Task ShowTabAsync(int index) => GoAsync(index == 1, Archived);

    private Task ShowArchivedAsync(bool archived) => GoAsync(Templates, archived);

    private Task GoAsync(bool showTemplates, bool archived)
    {
        var query = new Dictionary<string, object?> { ["tab"] = showTemplates ? "templates" : null, ["archived"] = archived ? "true" : null };
        Nav.NavigateTo(Nav.GetUriWithQueryParameters(query), replace: true);
        return Task.CompletedTask;
    }

    /// <summary>A template is never applied itself: it becomes a plan of the team's, which opens to be checked and applied.</summary>
    private async Task UseAsync(SopPlanSummaryDto template)
    {
        if (busy)
        {
            return;
        }
        busy = true;
        try
        {
            SopPlanDto? plan = null;
            if (await Dialogs.RunAsync(async () => plan = await Service.CopyAsync(template.Id, null, userId), () => T["Plans.Copied", template.Name])
                && plan is not null)
            {
                Nav.NavigateTo(SopPlanLinks.Plan(plan.Id));
            }
        }
        finally
        {
            busy = false;
        }
    }
}
