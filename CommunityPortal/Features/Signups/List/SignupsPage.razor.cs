using CommunityPortal.Infrastructure.Validation;
using CommunityPortal.Components;
using CommunityPortal.Features.Matrix;
using CommunityPortal.Features.Matrix.Activities;
using CommunityPortal.Features.Signups.Form;
using CommunityPortal.Features.Signups.List;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Localization;
using MudBlazor;
using MudBlazor.Extensions;

namespace CommunityPortal.Features.Signups.List;

/// <summary>/activities/{id}/signups: who signed up, with counts, search, and check-in / completion marks (Edit).</summary>
public partial class SignupsPage
{
    private ActivityDto? activity;
    private SignupFormDto? form;
    private SignupCounts? counts;
    private SignupGrid? grid;
    private string? search;
    private MudTextField<string>? searchBox;
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

    /// <summary>The box's value after a pause in typing: a search unless that text was searched already (Enter, the button).</summary>
    private Task SearchAsync(string? text) => text == search ? Task.CompletedTask : SearchNowAsync(text);

    private Task SearchNowAsync() => SearchNowAsync(searchBox?.GetState(x => x.Text));

    private Task SearchNowAsync(string? text)
    {
        search = text;
        return grid?.SearchAsync(text) ?? Task.CompletedTask;
    }

    private Task OnSearchKeyAsync(KeyboardEventArgs e) => e.Key == "Enter" ? SearchNowAsync() : Task.CompletedTask;
}
