using CommunityPortal.Common;
using CommunityPortal.Components;
using Microsoft.Extensions.Localization;
using Radzen;

namespace CommunityPortal.Features.Matrix.Components;

/// <summary>
/// The matrix tree's actions: a dialog or a confirmation, the service call, and a notification of the outcome.
/// Each returns the new item, or whether the tree changed, so the tree's components stay markup.
/// </summary>
public sealed class MatrixCommands(
    DialogService dialogs,
    NotificationService notifications,
    IStringLocalizer<MatrixText> text,
    IStringLocalizer<SharedText> shared,
    CommunityPortal.Features.Matrix.ThemeService themes,
    SeriesService series,
    ActivityService activities,
    GroupService groups)
{
    public async Task<ThemeDto?> AddThemeAsync() =>
        await OpenAsync<ThemeDialog>(text["Dialog.NewTheme"], []) as ThemeDto;

    public async Task<ThemeDto?> EditThemeAsync(ThemeNode theme) =>
        await OpenAsync<ThemeDialog>(text["Dialog.EditTheme"], new() { [nameof(ThemeDialog.ThemeId)] = theme.Id }) as ThemeDto;

    public Task<bool> SetThemeArchivedAsync(ThemeNode theme, bool archived) => archived
        ? ConfirmThenAsync(shared["Archive"], text["Confirm.Archive", theme.Name], () => themes.SetArchivedAsync(theme.Id, true), text["Notify.Archived", theme.Name])
        : RunAsync(() => themes.SetArchivedAsync(theme.Id, false), text["Notify.Restored", theme.Name]);

    public Task<bool> DeleteThemeAsync(ThemeNode theme) =>
        ConfirmThenAsync(shared["Delete"], text["Confirm.Delete", theme.Name], () => themes.DeleteAsync(theme.Id), text["Notify.Deleted", theme.Name]);

    public async Task<SeriesDto?> AddSeriesAsync(ThemeNode theme) =>
        await OpenAsync<SeriesDialog>(text["Dialog.NewSeries", theme.Name], new() { [nameof(SeriesDialog.ThemeId)] = theme.Id }) as SeriesDto;

    public async Task<SeriesDto?> EditSeriesAsync(SeriesNode node) =>
        await OpenAsync<SeriesDialog>(text["Dialog.EditSeries"], new() { [nameof(SeriesDialog.SeriesId)] = node.Id }) as SeriesDto;

    public Task<bool> SetSeriesArchivedAsync(SeriesNode node, bool archived) => archived
        ? ConfirmThenAsync(shared["Archive"], text["Confirm.Archive", node.Name], () => series.SetArchivedAsync(node.Id, true), text["Notify.Archived", node.Name])
        : RunAsync(() => series.SetArchivedAsync(node.Id, false), text["Notify.Restored", node.Name]);

    public Task<bool> DeleteSeriesAsync(SeriesNode node) =>
        ConfirmThenAsync(shared["Delete"], text["Confirm.Delete", node.Name], () => series.DeleteAsync(node.Id), text["Notify.Deleted", node.Name]);

    public async Task<ActivityDto?> AddActivityAsync(SeriesNode node) =>
        await OpenAsync<ActivityDialog>(text["Dialog.NewActivity", node.Name], new()
        {
            [nameof(ActivityDialog.SeriesId)] = node.Id,
            [nameof(ActivityDialog.SeriesName)] = node.Name,
        }) as ActivityDto;

    /// <summary>复制上一期: confirm, copy the latest period with its groups, and say what was created.</summary>
    public async Task<ActivityDto?> CopyPreviousAsync(SeriesNode node)
    {
        if (!await ConfirmAsync(text["Action.CopyPrevious"], text["Confirm.CopyPrevious", node.Name], text["Action.CopyPrevious"]))
        {
            return null;
        }
        ActivityDto? copy = null;
        await RunAsync(async () => copy = await activities.CopyPreviousAsync(node.Id), () => text["Notify.Copied", copy!.Name, copy.GroupCount]);
        return copy;
    }

    public async Task<ActivityDto?> EditActivityAsync(ActivityNode node) =>
        await OpenAsync<ActivityDialog>(text["Dialog.EditActivity"], new() { [nameof(ActivityDialog.ActivityId)] = node.Id }) as ActivityDto;

    public Task<bool> ArchiveActivityAsync(ActivityNode node) =>
        ConfirmThenAsync(shared["Archive"], text["Confirm.ArchiveActivity", node.Name], () => activities.ArchiveAsync(node.Id), text["Notify.Archived", node.Name]);

    public Task<bool> DeleteActivityAsync(ActivityNode node) =>
        ConfirmThenAsync(shared["Delete"], text["Confirm.Delete", node.Name], () => activities.DeleteAsync(node.Id), text["Notify.Deleted", node.Name]);

    /// <summary>A new group in an activity, or a standalone long-term group when <paramref name="activity"/> is null.</summary>
    public async Task<GroupDto?> AddGroupAsync(ActivityNode? activity) =>
        await OpenAsync<GroupDialog>(
            activity is null ? text["Dialog.NewStandaloneGroup"] : text["Dialog.NewGroup", activity.Name],
            new() { [nameof(GroupDialog.ActivityId)] = activity?.Id }) as GroupDto;

    public Task<bool> ArchiveGroupAsync(GroupDto group) =>
        ConfirmThenAsync(shared["Archive"], text["Confirm.ArchiveGroup", group.Name], () => groups.ArchiveAsync(group.Id), text["Notify.Archived", group.Name]);

    public Task<bool> DeleteGroupAsync(GroupDto group) =>
        ConfirmThenAsync(shared["Delete"], text["Confirm.Delete", group.Name], () => groups.DeleteAsync(group.Id), text["Notify.Deleted", group.Name]);

    private async Task<object?> OpenAsync<TDialog>(string title, Dictionary<string, object?> parameters)
        where TDialog : Microsoft.AspNetCore.Components.ComponentBase =>
        await dialogs.OpenAsync<TDialog>(title, parameters!, new DialogOptions
        {
            Width = "min(600px, 95vw)",
            CloseDialogOnEsc = true,
            CssClass = "matrix-dialog",
        });

    private async Task<bool> ConfirmAsync(string title, string question, string ok) =>
        await dialogs.Confirm(question, title, new ConfirmOptions
        {
            OkButtonText = ok,
            CancelButtonText = shared["Cancel"],
            CssClass = "confirm-dialog",
            CloseDialogOnEsc = true,
        }) == true;

    private async Task<bool> ConfirmThenAsync(string action, string question, Func<Task> run, string done) =>
        await ConfirmAsync(action, question, action) && await RunAsync(run, done);

    private Task<bool> RunAsync(Func<Task> run, string done) => RunAsync(run, () => done);

    /// <summary>True when the tree must be reloaded (done, or the item vanished meanwhile).</summary>
    private async Task<bool> RunAsync(Func<Task> run, Func<string> done)
    {
        try
        {
            await run();
            notifications.Notify(NotificationSeverity.Success, done(), "", TimeSpan.FromSeconds(4));
            return true;
        }
        catch (Exception ex) when (ex is ConflictException or NotFoundException or ConcurrencyConflictException)
        {
            notifications.Notify(NotificationSeverity.Error, text["Notify.Refused"], ex.Message, TimeSpan.FromSeconds(10));
            return ex is not ConflictException;
        }
    }
}
