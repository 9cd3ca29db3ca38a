using CommunityPortal.Common;
using CommunityPortal.Components;
using Microsoft.Extensions.Localization;
using Radzen;

namespace CommunityPortal.Features.Members.Components;

/// <summary>
/// The tags page's actions: a dialog or a confirmation, the TagService call, and a notification of the outcome. Each
/// returns whether the page must reload, so the page and its cards stay markup.
/// </summary>
public sealed class TagCommands(
    DialogService dialogs,
    NotificationService notifications,
    TagService tags,
    TagUsageService usage,
    IStringLocalizer<MemberListText> text,
    IStringLocalizer<SharedText> shared)
{
    public async Task<bool> NewGroupAsync(TagGroupKind kind) =>
        await OpenAsync<TagGroupDialog>(text["Tags.NewGroup"], new() { [nameof(TagGroupDialog.Kind)] = kind }) is not null;

    public async Task<bool> EditGroupAsync(TagGroupDto group) =>
        await OpenAsync<TagGroupDialog>(text["Tags.EditGroup"], new() { [nameof(TagGroupDialog.Group)] = group }) is not null;

    public Task<bool> DeleteGroupAsync(TagGroupDto group) =>
        ConfirmThenAsync(text["Tags.ConfirmDeleteGroup", group.Name], () => tags.DeleteGroupAsync(group.Id), text["Tags.GroupDeleted", group.Name]);

    public async Task<bool> NewTagAsync(TagGroupDto group, IReadOnlyList<TagGroupDto> groups) =>
        await OpenAsync<TagDialog>(text["Tags.NewTagIn", group.Name], new()
        {
            [nameof(TagDialog.TagGroupId)] = group.Id,
            [nameof(TagDialog.Groups)] = groups,
        }) is not null;

    public async Task<bool> EditTagAsync(TagDto tag, IReadOnlyList<TagGroupDto> groups) =>
        await OpenAsync<TagDialog>(text["Tags.EditTag"], new()
        {
            [nameof(TagDialog.Tag)] = tag,
            [nameof(TagDialog.TagGroupId)] = tag.TagGroupId,
            [nameof(TagDialog.Groups)] = groups,
        }) is not null;

    /// <summary>Says how many members carry the tag (counted now) before it is deleted and taken off them.</summary>
    public async Task<bool> DeleteTagAsync(TagDto tag)
    {
        var carriers = await usage.MemberCountAsync(tag.Id);
        var question = carriers == 0
            ? text["Tags.ConfirmDeleteUnused", tag.Name]
            : text["Tags.ConfirmDeleteTag", tag.Name, MemberListLabels.Number(carriers)];
        return await ConfirmThenAsync(question, () => tags.DeleteTagAsync(tag.Id), text["Tags.TagDeleted", tag.Name]);
    }

    private async Task<object?> OpenAsync<TDialog>(string title, Dictionary<string, object?> parameters)
        where TDialog : Microsoft.AspNetCore.Components.ComponentBase =>
        await dialogs.OpenAsync<TDialog>(title, parameters!, new DialogOptions
        {
            Width = "min(520px, 95vw)",
            CloseDialogOnEsc = true,
            CssClass = "matrix-dialog",
        });

    private async Task<bool> ConfirmThenAsync(string question, Func<Task> run, string done)
    {
        var confirmed = await dialogs.Confirm(question, shared["Delete"], new ConfirmOptions
        {
            OkButtonText = shared["Delete"],
            CancelButtonText = shared["Cancel"],
            CssClass = "confirm-dialog",
            CloseDialogOnEsc = true,
        });
        if (confirmed != true)
        {
            return false;
        }
        try
        {
            await run();
            notifications.Notify(NotificationSeverity.Success, done, "", TimeSpan.FromSeconds(4));
            return true;
        }
        catch (Exception ex) when (ex is ConflictException or NotFoundException or ConcurrencyConflictException)
        {
            notifications.Notify(NotificationSeverity.Error, text["Tags.Refused"], ex.Message, TimeSpan.FromSeconds(10));
            return ex is not ConflictException;
        }
    }
}
