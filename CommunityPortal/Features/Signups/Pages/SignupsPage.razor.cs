using CommunityPortal.Common;
using CommunityPortal.Components;
using CommunityPortal.Features.Matrix;
using CommunityPortal.Features.Signups.Components;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Localization;

namespace CommunityPortal.Features.Signups.Pages;

/// <summary>/activities/{id}/signups: who signed up, with counts, search, and check-in / completion marks (Edit).</summary>
public partial class SignupsPage
{
    private ActivityDto? activity;
    private SignupFormDto? form;
    private SignupCounts? counts;
    private SignupGrid? grid;
    private string? search;
    private string? missing;

    [Parameter]
    public int ActivityId { get; set; }

    [Inject]
    private ActivityService Activities { get; set; } = default!;

    [Inject]
    private SignupFormService Forms { get; set; } = default!;

    [Inject]
    private SignupListService Signups { get; set; } = default!;

    [Inject]
    private NavigationManager Nav { get; set; } = default!;

    [Inject]
    private IStringLocalizer<SignupText> T { get; set; } = default!;

    [Inject]
    private IStringLocalizer<SharedText> S { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        try
        {
            activity = await Activities.GetAsync(ActivityId);
        }
        catch (NotFoundException ex)
        {
            missing = ex.Message;
            return;
        }
        form = await Forms.GetAsync(ActivityId);
        await CountAsync();
    }

    private async Task CountAsync() => counts = await Signups.CountAsync(ActivityId);

    private Task ReloadAsync() => grid?.ReloadAsync() ?? Task.CompletedTask;

    private Task OnSearchKeyAsync(KeyboardEventArgs e) => e.Key == "Enter" ? ReloadAsync() : Task.CompletedTask;
}
