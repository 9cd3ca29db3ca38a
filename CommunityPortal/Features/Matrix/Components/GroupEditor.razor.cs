using CommunityPortal.Common;
using CommunityPortal.Components;
using CommunityPortal.Components.Shared;
using CommunityPortal.Features.Users;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Radzen;

namespace CommunityPortal.Features.Matrix.Components;

public sealed partial class GroupEditor
{
    private GroupFormModel? model;
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
    private IReadOnlyList<Option<GroupTier>> tiers = [];
    private IReadOnlyList<Option<GroupLifetime>> lifetimes = [];
    private IReadOnlyList<Option<GroupStatus>> statuses = [];

    [Inject] private GroupService Groups { get; set; } = default!;
    [Inject] private ActivityService Activities { get; set; } = default!;
    [Inject] private UserDirectory Users { get; set; } = default!;
    [Inject] private NotificationService Notifications { get; set; } = default!;
    [Inject] private IStringLocalizer<MatrixText> T { get; set; } = default!;
    [Inject] private IStringLocalizer<ValidationText> F { get; set; } = default!;
    [Inject] private IStringLocalizer<SharedText> S { get; set; } = default!;
    [Inject] private IStringLocalizer<Members.ProfileText> P { get; set; } = default!;

    /// <summary>The group to edit; null to create one.</summary>
    [Parameter]
    public GroupDto? Group { get; set; }

    /// <summary>For a new group: its activity (null = standalone long-term group).</summary>
    [Parameter]
    public int? ActivityId { get; set; }

    /// <summary>Only the fields needed to open a group quickly (the activity is fixed).</summary>
    [Parameter]
    public bool Compact { get; set; }

    [Parameter]
    public bool ReadOnly { get; set; }

    /// <summary>Inside a Radzen dialog: Save and Cancel buttons that close it.</summary>
    [Parameter]
    public bool InDialog { get; set; }

    /// <summary>After a create, an update, or a reload after a conflict.</summary>
    [Parameter]
    public EventCallback<GroupDto> Saved { get; set; }

    protected override async Task OnInitializedAsync()
    {
        tiers = Option.All<GroupTier>(T.Label);
        lifetimes = Option.All<GroupLifetime>(T.Label);
        statuses = Option.All<GroupStatus>(T.Label);
        owners = [.. await Users.ListAsync()];
        if (!Compact)
        {
            var list = await Activities.ListAsync(includeArchived: true);
            activities = [.. list.Where(a => a.Status != ActivityStatus.Archived || a.Id == (Group?.ActivityId ?? ActivityId))
                .Select(a => new Option<int?>(a.Id, MatrixLabels.ActivityOption(a)))];
        }
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
            model = GroupFormModel.ForNew(ActivityId);
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
        model = GroupFormModel.From(group);
        version = group.Version;
        shown = (group.Id, group.Version);
        if (group.OwnerEmail is { } email && owners.All(o => !string.Equals(o.Email, email, StringComparison.OrdinalIgnoreCase)))
        {
            // A locked-out owner stays visible rather than silently blank.
            owners.Add(new UserOption(email, group.OwnerName ?? email));
        }
    }

    private void OnActivityChanged(object value)
    {
        if (Group is null && model is not null)
        {
            model.Lifetime = value is null ? GroupLifetime.LongTerm : GroupLifetime.Temporary;
        }
    }

    private async Task SaveAsync()
    {
        if (model is null || ReadOnly)
        {
            return;
        }
        if (busy)
        {
            return;
        }
        busy = true;
        message = conflict = null;
        GroupDto? saved = null;
        var input = model.ToInput();
        await FormErrors.TryAsync(
            async () => saved = Group is null ? await Groups.CreateAsync(input) : await Groups.UpdateAsync(Group.Id, input, version),
            validator, m => message = m, m => conflict = m);
        busy = false;
        if (saved is not null)
        {
            Show(saved);
            await CheckCountRuleAsync();
            Notifications.Notify(NotificationSeverity.Success, S["Saved"], saved.Name);
            await Saved.InvokeAsync(saved);
        }
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
