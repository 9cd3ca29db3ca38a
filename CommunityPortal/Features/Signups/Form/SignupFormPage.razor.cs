using CommunityPortal.Infrastructure.Validation;
using CommunityPortal.Components;
using CommunityPortal.Components.Shared;
using CommunityPortal.Features.LiveCodes;
using CommunityPortal.Features.LiveCodes.Manage;
using CommunityPortal.Features.Matrix;
using CommunityPortal.Features.Matrix.Activities;
using CommunityPortal.Features.Signups.Form;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace CommunityPortal.Features.Signups.Form;

/// <summary>/activities/{id}/signup: create or change the activity's sign-up form; shows its public URL and QR once saved.</summary>
public partial class SignupFormPage
{
    private ActivityDto? activity;
    private SignupFormModel? model;
    private int? version;
    private string? savedSlug;
    private string? missing;
    private string? message;
    private bool busy;
    private bool saved;
    private LocalizedValidator? validator;
    private IReadOnlyList<(int Id, string Text)> liveCodes = [];

    [Parameter]
    public int ActivityId { get; set; }

    [Inject]
    private ActivityService Activities { get; set; } = default!;

    [Inject]
    private SignupFormService Forms { get; set; } = default!;

    [Inject]
    private LiveCodeService LiveCodes { get; set; } = default!;

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
        liveCodes = [.. (await LiveCodes.ListAsync()).Select(c => (c.Id, $"{c.Name} (/q/{c.Slug})"))];
        var form = await Forms.GetAsync(ActivityId);
        Show(form);
        if (form is null)
        {
            model = SignupFormModel.New(activity, await Forms.SuggestSlugAsync(ActivityId), DateTime.UtcNow);
        }
    }

    private string LiveCodeText(int? id) =>
        id is null ? T["Editor.NoLiveCode"] : liveCodes.FirstOrDefault(c => c.Id == id).Text ?? "";

    private void Show(SignupFormDto? form)
    {
        if (form is not null)
        {
            model = SignupFormModel.From(form);
            (version, savedSlug) = (form.Version, form.Slug);
        }
    }

    private async Task SaveAsync()
    {
        // A second press while the first save is on its way is ignored (it would conflict with itself).
        if (busy)
        {
            return;
        }
        (busy, saved, message) = (true, false, null);
        SignupFormDto? result = null;
        await FormErrors.TryAsync(async () => result = await Forms.SaveAsync(ActivityId, model!.ToInput(), version), validator, m => message = m);
        busy = false;
        if (result is not null)
        {
            Show(result);
            saved = true;
        }
    }
}
