using CommunityPortal.Components;
using CommunityPortal.Components.Shared;
using Microsoft.Extensions.Localization;
using MudBlazor;

using CommunityPortal.Features.Members.List;
namespace CommunityPortal.Features.Members.Tags;

/// <summary>
/// The tags page's actions: a dialog or a confirmation, the TagService call, and a toast of the outcome. Each returns
/// whether the page must reload, so the page and its cards stay markup.
/// </summary>
public sealed class TagCommands(
    PortalDialogs dialogs,
    TagService tags,
    TagUsageService usage,
    IStringLocalizer<MemberListText> text,
    IStringLocalizer<SharedText> shared)
{
    public async Task<bool> NewGroupAsync(TagGroupKind kind) =>
        await dialogs.OpenAsync<TagGroupDialog, TagGroupDto>(text["Tags.NewGroup"],
            new DialogParameters<TagGroupDialog> { { d => d.Kind, kind } }, MaxWidth.ExtraSmall) is not null;

    public async Task<bool> EditGroupAsync(TagGroupDto group) =>
        await dialogs.OpenAsync<TagGroupDialog, TagGroupDto>(text["Tags.EditGroup"],
            new DialogParameters<TagGroupDialog> { { d => d.Group, group } }, MaxWidth.ExtraSmall) is not null;

    public Task<bool> DeleteGroupAsync(TagGroupDto group) =>
        dialogs.ConfirmThenAsync(shared["Delete"], text["Tags.ConfirmDeleteGroup", group.Name], shared["Delete"],
            () => tags.DeleteGroupAsync(group.Id), text["Tags.GroupDeleted", group.Name], danger: true);

    public async Task<bool> NewTagAsync(TagGroupDto group, IReadOnlyList<TagGroupDto> groups) =>
        await dialogs.OpenAsync<TagDialog, TagDto>(text["Tags.NewTagIn", group.Name], new DialogParameters<TagDialog>
        {
            { d => d.TagGroupId, group.Id },
            { d => d.Groups, groups },
        }, MaxWidth.ExtraSmall) is not null;

    public async Task<bool> EditTagAsync(TagDto tag, IReadOnlyList<TagGroupDto> groups) =>
        await dialogs.OpenAsync<TagDialog, TagDto>(text["Tags.EditTag"], new DialogParameters<TagDialog>
        {
            { d => d.Tag, tag },
            { d => d.TagGroupId, tag.TagGroupId },
            { d => d.Groups, groups },
        }, MaxWidth.ExtraSmall) is not null;

    /// <summary>Says how many members carry the tag (counted now) before it is deleted and taken off them.</summary>
    public async Task<bool> DeleteTagAsync(TagDto tag)
    {
        var carriers = await usage.MemberCountAsync(tag.Id);
        var question = carriers == 0
            ? text["Tags.ConfirmDeleteUnused", tag.Name]
            : text["Tags.ConfirmDeleteTag", tag.Name, MemberListLabels.Number(carriers)];
        return await dialogs.ConfirmThenAsync(shared["Delete"], question, shared["Delete"], () => tags.DeleteTagAsync(tag.Id),
            text["Tags.TagDeleted", tag.Name], danger: true);
    }
}
