using CommunityPortal.Common;
using CommunityPortal.Components;
using CommunityPortal.Components.Shared;
using CommunityPortal.Features.LiveCodes;
using CommunityPortal.Features.Matrix;
using CommunityPortal.Features.Matrix.Components;
using CommunityPortal.Features.Signups.Components;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace CommunityPortal.Features.Signups.Pages;

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
    private IReadOnlyList<Option<AskPhone>> askPhones = [];
    private IReadOnlyList<Option<int?>> liveCodes = [];

    [Parameter]
    public int ActivityId { get; set; }

    [Inject]
    private ActivityService Activities { get; set; } = default!;

    [Inject]
    private SignupFormService Forms { get; set; } = default!;

    [Inject]
    private LiveCodeService LiveCodes { get; set; } = default!;

    [Inject]
    private NavigationManager Nav { get; set; } = default!;

    [Inject]
    private IStringLocalizer<SignupText> T { get; set; } = default!;

    [Inject]
    private IStringLocalizer<SharedText> S { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        askPhones = Option.All<AskPhone>(a => T[$"AskPhone.{a}"]);
        try
        {
            activity = await Activities.GetAsync(ActivityId);
        }
        catch (NotFoundException ex)
        {
            missing = ex.Message;
            return;
        }
        liveCodes = [.. (await LiveCodes.ListAsync()).Select(c => new Option<int?>(c.Id, $"{c.Name} (/q/{c.Slug})"))];
        var form = await Forms.GetAsync(ActivityId);
        Show(form);
        if (form is null)
        {
            model = SignupFormModel.New(activity, await Forms.SuggestSlugAsync(ActivityId), DateTime.UtcNow);
        }
    }

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
