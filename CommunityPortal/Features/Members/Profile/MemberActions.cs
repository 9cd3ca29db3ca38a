using CommunityPortal.Components.Shared;
using Microsoft.Extensions.Localization;
using MudBlazor;

using CommunityPortal.Features.Members.Blacklist;
using CommunityPortal.Features.Members.Memberships;
using CommunityPortal.Features.Members.ServiceRecords;
using CommunityPortal.Features.Members.Tags;
namespace CommunityPortal.Features.Members.Profile;

/// <summary>
/// The profile's actions: a dialog or a confirmation, the policy check, the service call, and a toast of the outcome.
/// Each returns the changed member (or whether something changed), so the components stay markup.
/// </summary>
public sealed class MemberActions(
    PortalDialogs dialogs,
    ProfileAccess access,
    MemberService members,
    TagService tags,
    MembershipService memberships,
    IStringLocalizer<ProfileText> text)
{
    public Task<MemberHeader?> EditAsync(MemberHeader member) =>
        dialogs.OpenAsync<MemberEditDialog, MemberHeader>(text["Edit.Title", ProfileLabels.No(member.MemberNo)],
            new DialogParameters<MemberEditDialog> { { d => d.Member, member } }, MaxWidth.Small);

    /// <summary>拉黑: Managers only; the dialog asks for the reason and is itself the confirmation.</summary>
    public async Task<MemberHeader?> BlacklistAsync(MemberHeader member) =>
        await access.CanManageAsync()
            ? await dialogs.OpenAsync<BlacklistDialog, MemberHeader>(text["Blacklist.Title", ProfileLabels.No(member.MemberNo)],
                new DialogParameters<BlacklistDialog> { { d => d.Member, member } }, MaxWidth.ExtraSmall)
            : Refused();

    public async Task<MemberHeader?> LiftAsync(int memberId, int memberNo, string name) =>
        await access.CanManageAsync()
            ? await dialogs.OpenAsync<LiftBlacklistDialog, MemberHeader>(text["Lift.Title", ProfileLabels.No(memberNo)], new DialogParameters<LiftBlacklistDialog>
            {
                { d => d.MemberId, memberId },
                { d => d.MemberNo, memberNo },
                { d => d.Name, name },
            }, MaxWidth.ExtraSmall)
            : Refused();

    /// <summary>
    /// Changes only the growth level; the rest of the member is sent back as it was read (its version guards it). Refused
    /// (e.g. someone else saved first), the member is shown as it is now and the toast says why.
    /// </summary>
    public async Task<MemberHeader?> SetGrowthAsync(MemberHeader member, GrowthLevel level)
    {
        if (level == member.GrowthLevel || !await access.CanEditAsync())
        {
            return null;
        }
        var input = ProfileForms.ToInput(member);
        input.GrowthLevel = level;
        MemberHeader? saved = null;
        await dialogs.RunAsync(async () => saved = await members.UpdateAsync(member.Id, input, member.Version, await access.ActorAsync()),
            text["Notify.GrowthChanged", ProfileLabels.No(member.MemberNo)]);
        return saved ?? await members.GetAsync(member.Id);
    }

    /// <summary>Picks a tag (grouped by tag group) and puts it on the member.</summary>
    public async Task<bool> AddTagAsync(MemberHeader member)
    {
        var existing = new DialogParameters<TagPickerDialog> { { d => d.Existing, member.Tags.Select(t => t.Id).ToList() } };
        if (!await access.CanEditAsync()
            || await dialogs.OpenAsync<TagPickerDialog, TagDto>(text["Tags.PickTitle"], existing, MaxWidth.Small) is not { } tag)
        {
            return false;
        }
        var added = false;
        await dialogs.RunAsync(async () => added = await tags.AddToMemberAsync(member.Id, tag.Id, await access.ActorAsync()), text["Notify.TagAdded", tag.Name]);
        return added;
    }

    public async Task<bool> RemoveTagAsync(MemberHeader member, TagChip tag)
    {
        if (!await access.CanEditAsync())
        {
            return false;
        }
        var removed = false;
        await dialogs.RunAsync(async () => removed = await tags.RemoveFromMemberAsync(member.Id, tag.Id, await access.ActorAsync()),
            text["Notify.TagRemoved", tag.Name]);
        return removed;
    }

    public async Task<bool> JoinGroupAsync(int memberId, IReadOnlyCollection<int> currentGroupIds)
    {
        var parameters = new DialogParameters<JoinGroupDialog> { { d => d.MemberId, memberId }, { d => d.CurrentGroupIds, currentGroupIds } };
        if (!await access.CanEditAsync() || !await dialogs.OpenAsync<JoinGroupDialog, bool>(text["Groups.JoinTitle"], parameters, MaxWidth.Small))
        {
            return false;
        }
        dialogs.Success(text["Notify.Joined"]);
        return true;
    }

    /// <summary>退群: confirmed first, recorded now; the group's member count follows.</summary>
    public async Task<bool> LeaveGroupAsync(int memberId, MembershipDto stay)
    {
        if (!await access.CanEditAsync()
            || !await dialogs.ConfirmAsync(text["Groups.Leave"], text["Groups.ConfirmLeave", stay.GroupName], text["Groups.Leave"], danger: true))
        {
            return false;
        }
        var left = false;
        await dialogs.RunAsync(async () => left = await memberships.LeaveAsync(memberId, stay.GroupId, MembershipSource.Manual),
            text["Notify.Left", stay.GroupName]);
        return left;
    }

    /// <summary>Edits a service record in a dialog; true when saved (the earlier text is kept as a revision).</summary>
    public async Task<bool> EditRecordAsync(ServiceRecordDto record) =>
        await access.CanEditAsync()
        && await dialogs.OpenAsync<ServiceRecordDialog, ServiceRecordDto>(text["Records.EditTitle"],
            new DialogParameters<ServiceRecordDialog> { { d => d.Record, record } }, MaxWidth.Small) is not null;

    /// <summary>The record's current text and every earlier one, newest first.</summary>
    public Task HistoryAsync(ServiceRecordDto record) =>
        dialogs.OpenAsync<ServiceRecordHistoryDialog, bool>(text["Records.HistoryTitle"],
            new DialogParameters<ServiceRecordHistoryDialog> { { d => d.Record, record } }, MaxWidth.Small);

    private MemberHeader? Refused()
    {
        dialogs.Warning(text["NotAllowed"]);
        return null;
    }
}
