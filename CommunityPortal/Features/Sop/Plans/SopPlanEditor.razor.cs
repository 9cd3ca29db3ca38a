using CommunityPortal.Components;
using CommunityPortal.Components.Shared;
using CommunityPortal.Features.Users.Manage;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Localization;
using Microsoft.JSInterop;

namespace CommunityPortal.Features.Sop.Plans;

public sealed partial class SopPlanEditor
{
    private SopPlanInput? model;
    private EditContext? editContext;
    private LocalizedValidator? validator;
    private (int Id, int Version)? shown;
    private int version;
    private string? message;
    private string? conflict;
    private bool busy;
    private List<UserOption> users = [];

    [Inject] private SopPlanService Service { get; set; } = default!;
    [Inject] private UserDirectory Users { get; set; } = default!;
    [Inject] private PortalDialogs Dialogs { get; set; } = default!;
    [Inject] private NavigationManager Nav { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;
    [Inject] private IStringLocalizer<SopText> T { get; set; } = default!;
    [Inject] private IStringLocalizer<SharedText> S { get; set; } = default!;

    /// <summary>The plan to edit; null for a new one (saved, it opens on its own page).</summary>
    [Parameter]
    public SopPlanDto? Plan { get; set; }

    [Parameter]
    public bool ReadOnly { get; set; }

    /// <summary>Recorded as the new version's author.</summary>
    [Parameter]
    public string? UserId { get; set; }

    /// <summary>After a save, or a reload after a conflict.</summary>
    [Parameter]
    public EventCallback<SopPlanDto> Saved { get; set; }

    protected override async Task OnInitializedAsync() => users = [.. await Users.ListAsync()];

    protected override void OnParametersSet()
    {
        // The page re-renders often (an assignment added …): only another plan or a newer version replaces what is being typed.
        if (Plan is { } plan && shown != (plan.Id, plan.Version))
        {
            Show(plan);
        }
        else if (Plan is null && model is null)
        {
            Use(SopPlanForm.New());
        }
    }

    private void Show(SopPlanDto plan)
    {
        Use(SopPlanForm.From(plan));
        (version, shown) = (plan.Version, (plan.Id, plan.Version));
        // A person who can no longer sign in stays visible as a step's assignee rather than a blank.
        foreach (var step in plan.Steps.Where(s => s.AssigneeEmail is not null && users.All(u => !u.Email.Equals(s.AssigneeEmail, StringComparison.OrdinalIgnoreCase))))
        {
            users.Add(new UserOption(step.AssigneeEmail!, step.AssigneeName ?? step.AssigneeEmail!));
        }
    }

    private void Use(SopPlanInput next) => (model, editContext) = (next, new EditContext(next));

    private async Task SaveAsync()
    {
        if (model is null || editContext is null || ReadOnly || busy)
        {
            return;
        }
        busy = true;
        try
        {
            // A choice made just before Save may still be on its way (see InputSettling): let it land first.
            await JS.SettleAsync();
            editContext.Validate();
            (message, conflict) = (null, null);
            SopPlanDto? saved = null;
            await FormErrors.TryAsync(
                async () => saved = Plan is null ? await Service.CreateAsync(model, UserId) : await Service.UpdateAsync(Plan.Id, model, version, UserId),
                validator, m => message = m, m => conflict = m);
            if (saved is null)
            {
                return;
            }
            if (Plan is null)
            {
                Dialogs.Success(T["Plan.Created", saved.Name]);
                Nav.NavigateTo(SopPlanLinks.Plan(saved.Id));
                return;
            }
            Show(saved);
            Dialogs.Success(T["Plan.Saved", saved.Name, saved.CurrentVersion]);
            await Saved.InvokeAsync(saved);
        }
        finally
        {
            busy = false;
        }
    }

    /// <summary>After a conflict: show what the other person saved (this person's unsaved changes go, as the hint says).</summary>
    private async Task ReloadAsync()
    {
        if (Plan is null)
        {
            return;
        }
        await FormErrors.TryAsync(async () =>
        {
            var latest = await Service.GetAsync(Plan.Id);
            Show(latest);
            conflict = null;
            await Saved.InvokeAsync(latest);
        }, validator, m => message = m);
    }
}
