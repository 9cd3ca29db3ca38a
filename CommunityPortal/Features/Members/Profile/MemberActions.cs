using CommunityPortal.Common;
using CommunityPortal.Components;
using Microsoft.Extensions.Localization;
using Radzen;

namespace CommunityPortal.Features.Members.Profile;

/// <summary>
/// The profile's actions: a dialog or a confirmation, the policy check, the service call, and a notification of the
/// outcome. Each returns the changed member (or whether something changed), so the components stay markup.
/// </summary>
public sealed class MemberActions(
    DialogService dialogs,
    NotificationService notifications,
    ProfileAccess access,
    MemberService members,
    TagService tags,
    MembershipService memberships,
    IStringLocalizer<ProfileText> text,
    IStringLocalizer<SharedText> shared)
{
    public static readonly DialogOptions Options = new() { Width = "min(640px, 95vw)", CloseDialogOnEsc = true, CssClass = "matrix-dialog" };

    public async Task<MemberHeader?> EditAsync(MemberHeader member) =>
        await OpenAsync<MemberEditDialog>(text["Edit.Title", ProfileLabels.No(member.MemberNo)],
            new() { [nameof(MemberEditDialog.Member)] = member }) as MemberHeader;

    /// <summary>拉黑: Managers only; the dialog asks for the reason and is itself the confirmation.</summary>
    public async Task<MemberHeader?> BlacklistAsync(MemberHeader member) =>
        await access.CanManageAsync()
            ? await OpenAsync<BlacklistDialog>(text["Blacklist.Title", ProfileLabels.No(member.MemberNo)],
                new() { [nameof(BlacklistDialog.Member)] = member }) as MemberHeader
            : Refused();

    public async Task<MemberHeader?> LiftAsync(int memberId, int memberNo, string name) =>
        await access.CanManageAsync()
            ? await OpenAsync<LiftBlacklistDialog>(text["Lift.Title", ProfileLabels.No(memberNo)], new()
            {
                [nameof(LiftBlacklistDialog.MemberId)] = memberId,
                [nameof(LiftBlacklistDialog.MemberNo)] = memberNo,
                [nameof(LiftBlacklistDialog.Name)] = name,
            }) as MemberHeader
            : Refused();

    /// <summary>Changes only the growth level; the rest of the member is sent back as it was read (its version guards it).</summary>
    public async Task<MemberHeader?> SetGrowthAsync(MemberHeader member, GrowthLevel level)
    {
        if (level == member.GrowthLevel || !await access.CanEditAsync())
        {
            return null;
        }
        var input = ProfileForms.ToInput(member);
        input.GrowthLevel = level;
        MemberHeader? saved = null;
        if (!await RunAsync(async () => saved = await members.UpdateAsync(member.Id, input, member.Version, await access.ActorAsync()),
                text["Notify.GrowthChanged", ProfileLabels.No(member.MemberNo)]))
        {
            // Refused (e.g. someone else saved first): show the member as it is now; the notification says why.
            saved = await members.GetAsync(member.Id);
        }
        return saved;
    }

    /// <summary>Picks a tag (grouped by tag group) and puts it on the member.</summary>
    public async Task<bool> AddTagAsync(MemberHeader member)
    {
        if (!await access.CanEditAsync()
            || await OpenAsync<TagPickerDialog>(text["Tags.PickTitle"], new() { [nameof(TagPickerDialog.Existing)] = member.Tags.Select(t => t.Id).ToList() })
                is not TagDto tag)
        {
            return false;
        }
        var added = false;
        await RunAsync(async () => added = await tags.AddToMemberAsync(member.Id, tag.Id, await access.ActorAsync()), text["Notify.TagAdded", tag.Name]);
        return added;
    }

    public async Task<bool> RemoveTagAsync(MemberHeader member, TagChip tag)
    {
        if (!await access.CanEditAsync())
        {
            return false;
        }
        var removed = false;
        await RunAsync(async () => removed = await tags.RemoveFromMemberAsync(member.Id, tag.Id, await access.ActorAsync()), text["Notify.TagRemoved", tag.Name]);
        return removed;
    }

    public async Task<bool> JoinGroupAsync(int memberId, IReadOnlyCollection<int> currentGroupIds)
    {
        if (!await access.CanEditAsync()
            || await OpenAsync<JoinGroupDialog>(text["Groups.JoinTitle"], new()
            {
                [nameof(JoinGroupDialog.MemberId)] = memberId, [nameof(JoinGroupDialog.CurrentGroupIds)] = currentGroupIds,
            }) is not true)
        {
            return false;
        }
        notifications.Notify(NotificationSeverity.Success, text["Notify.Joined"]);
        return true;
    }

    /// <summary>退群: confirmed first, recorded now; the group's member count follows.</summary>
    public async Task<bool> LeaveGroupAsync(int memberId, MembershipDto stay)
    {
        if (!await access.CanEditAsync()
            || await dialogs.Confirm(text["Groups.ConfirmLeave", stay.GroupName], text["Groups.Leave"], new ConfirmOptions
            {
                OkButtonText = text["Groups.Leave"], CancelButtonText = shared["Cancel"], CloseDialogOnEsc = true, CssClass = "confirm-dialog",
            }) != true)
        {
            return false;
        }
        var left = false;
        await RunAsync(async () => left = await memberships.LeaveAsync(memberId, stay.GroupId, MembershipSource.Manual),
            text["Notify.Left", stay.GroupName]);
        return left;
    }

    /// <summary>Edits a service record in a dialog; true when saved (the earlier text is kept as a revision).</summary>
    public async Task<bool> EditRecordAsync(ServiceRecordDto record) =>
        await access.CanEditAsync()
        && await OpenAsync<ServiceRecordDialog>(text["Records.EditTitle"], new() { [nameof(ServiceRecordDialog.Record)] = record }) is ServiceRecordDto;

    /// <summary>The record's current text and every earlier one, newest first.</summary>
    public Task HistoryAsync(ServiceRecordDto record) =>
        OpenAsync<ServiceRecordHistoryDialog>(text["Records.HistoryTitle"], new() { [nameof(ServiceRecordHistoryDialog.Record)] = record });

    private Task<dynamic?> OpenAsync<TDialog>(string title, Dictionary<string, object?> parameters) where TDialog : Microsoft.AspNetCore.Components.ComponentBase =>
        dialogs.OpenAsync<TDialog>(title, parameters!, Options);

    private MemberHeader? Refused()
    {
        notifications.Notify(NotificationSeverity.Warning, text["NotAllowed"]);
        return null;
    }

    private async Task<bool> RunAsync(Func<Task> action, string done)
    {
        try
        {
            await action();
            notifications.Notify(NotificationSeverity.Success, done);
            return true;
        }
        catch (PortalValidationException ex)
        {
            notifications.Notify(NotificationSeverity.Error, string.Join(" ", ex.Errors.SelectMany(e => e.Value)), duration: 8000);
        }
        catch (Exception ex) when (ex is ConflictException or NotFoundException or ConcurrencyConflictException)
        {
            notifications.Notify(NotificationSeverity.Error, ex.Message, duration: 8000);
        }
        return false;
    }
}
