using System.Text.Json;
using CommunityPortal.Components;
using CommunityPortal.Components.Shared;
using CommunityPortal.Features.Users.Manage;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Localization;
using Microsoft.JSInterop;

using CommunityPortal.Features.Matrix.Activities;
namespace CommunityPortal.Features.Matrix.Groups;

public sealed partial class GroupEditor
{
    private GroupFormModel? model;
    private EditContext? editContext;
    private LocalizedValidator? validator;
    private (int Id, int Version)? shown;
    private int version;
    private string? message;
    private string? conflict;
    private bool busy;
    /// <summary>The group has membership records: its count follows them and is shown read-only.</summary>
    private bool countFollowsRecords;
    private (int Id, int Version)? countRuleCheckedFor;
    private IReadOnlyList<Option<int?>> activities = [];
    private List<UserOption> owners = [];

    [Inject] private GroupService Groups { get; set; } = default!;
    [Inject] private ActivityService Activities { get; set; } = default!;
    [Inject] private UserDirectory Users { get; set; } = default!;
    [Inject] private PortalDialogs Dialogs { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;
    [Inject] private IStringLocalizer<MatrixText> T { get; set; } = default!;
    [Inject] private IStringLocalizer<SharedText> S { get; set; } = default!;

    /// <summary>The group to edit; null to create one.</summary>
    [Parameter]
    public GroupDto? Group { get; set; }

    /// <summary>For a new group: its activity (null = standalone long-term group).</summary>
    [Parameter]
    public int? ActivityId { get; set; }

    [Parameter]
    public bool ReadOnly { get; set; }

    /// <summary>After a create, an update, or a reload after a conflict.</summary>
    [Parameter]
    public EventCallback<GroupDto> Saved { get; set; }

    protected override async Task OnInitializedAsync()
    {
        owners = [.. await Users.ListAsync()];
        var list = await Activities.ListAsync(includeArchived: true);
        activities = [.. list.Where(a => a.Status != ActivityStatus.Archived || a.Id == (Group?.ActivityId ?? ActivityId))
            .Select(a => new Option<int?>(a.Id, MatrixLabels.ActivityOption(a)))];
    }

    protected override void OnParametersSet()
    {
        // The parent re-renders often; only a different group or a newer version replaces what the user is typing.
        if (Group is { } group && shown != (group.Id, group.Version))
        {
            Show(group);
        }
        else if (Group is null && model is null)
        {
            Use(GroupFormModel.ForNew(ActivityId));
        }
    }

    protected override async Task OnParametersSetAsync() => await CheckCountRuleAsync();

    /// <summary>Once joins and leaves are recorded, the service ignores a typed count: the form says so instead of taking one.</summary>
    private async Task CheckCountRuleAsync()
    {
        if (shown is { } current && countRuleCheckedFor != current)
        {
            countRuleCheckedFor = current;
            countFollowsRecords = await Groups.MemberCountFollowsRecordsAsync(current.Id);
        }
    }

    private void Show(GroupDto group)
    {
        Use(GroupFormModel.From(group));
        version = group.Version;
        shown = (group.Id, group.Version);
        if (group.OwnerEmail is { } email && owners.All(o => !string.Equals(o.Email, email, StringComparison.OrdinalIgnoreCase)))
        {
            // A locked-out owner stays visible rather than silently blank.
            owners.Add(new UserOption(email, group.OwnerName ?? email));
        }
    }

    private void Use(GroupFormModel next)
    {
        model = next;
        editContext = new EditContext(next);
    }

    private async Task SaveAsync()
    {
        if (model is null || editContext is null || ReadOnly || busy)
        {
            return;
        }
        busy = true;
        try
        {
            // A choice made just before Save may still be on its way to the form (see InputSettling): let it land, then check.
            await JS.SettleAsync();
            if (!editContext.Validate())
            {
                return;
            }
            message = conflict = null;
            GroupDto? saved = null;
            var input = model.ToInput();
            var sent = JsonSerializer.Serialize(input);
            await FormErrors.TryAsync(
                async () => saved = Group is null ? await Groups.CreateAsync(input) : await Groups.UpdateAsync(Group.Id, input, version),
                validator, m => message = m, m => conflict = m);
            if (saved is not null)
            {
                KeepOrShow(saved, sent);
                await CheckCountRuleAsync();
                Dialogs.Success(T["Notify.Saved", saved.Name]);
                await Saved.InvokeAsync(saved);
            }
        }
        finally
        {
            busy = false;
        }
    }

    /// <summary>
    /// Shows what was saved, unless the person changed a field while the save was on its way: then their newer values stay
    /// (still to be saved) and only the version moves on, so the next save is not refused as someone else's change.
    /// </summary>
    private void KeepOrShow(GroupDto saved, string sent)
    {
        if (model is not null && JsonSerializer.Serialize(model.ToInput()) != sent)
        {
            version = saved.Version;
            shown = (saved.Id, saved.Version);
            return;
        }
        Show(saved);
    }

    /// <summary>After a conflict: show what the other person saved (the user's unsaved changes are dropped, as the hint says).</summary>
    private async Task ReloadAsync()
    {
        if (Group is null)
        {
            return;
        }
        await FormErrors.TryAsync(async () =>
        {
            var latest = await Groups.GetAsync(Group.Id);
            Show(latest);
            await CheckCountRuleAsync();
            conflict = null;
            await Saved.InvokeAsync(latest);
        }, validator, m => message = m);
    }
}
