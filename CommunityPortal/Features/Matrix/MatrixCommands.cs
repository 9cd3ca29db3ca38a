using CommunityPortal.Infrastructure.Time;
using CommunityPortal.Infrastructure.Validation;
using CommunityPortal.Components;
using CommunityPortal.Components.Shared;
using Microsoft.Extensions.Localization;
using MudBlazor;

using CommunityPortal.Features.Matrix.Activities;
using CommunityPortal.Features.Matrix.Groups;
using CommunityPortal.Features.Matrix.SeriesEditor;
using CommunityPortal.Features.Matrix.Themes;
namespace CommunityPortal.Features.Matrix;

/// <summary>
/// The matrix tree's actions: a dialog or a confirmation (naming the item), the service call, and a toast of the outcome.
/// Each returns the new item, or whether the tree changed, so the tree's components stay markup. A dialog opens with its
/// data already read: nothing a person types can be overwritten by a late load.
/// </summary>
public sealed class MatrixCommands(
    PortalDialogs dialogs,
    IStringLocalizer<MatrixText> text,
    IStringLocalizer<SharedText> shared,
    CommunityPortal.Features.Matrix.Themes.ThemeService themes,
    SeriesService series,
    ActivityService activities,
    GroupService groups)
{
    private bool running;

    public Task<ThemeDto?> AddThemeAsync() =>
        OnceAsync(() => dialogs.OpenAsync<ThemeDialog, ThemeDto>(text["Dialog.NewTheme"], new DialogParameters<ThemeDialog> { { d => d.Input, new ThemeInput() } }));

    public Task<ThemeDto?> EditThemeAsync(ThemeNode node) => OnceAsync(async () =>
    {
        if (await ReadAsync(() => themes.GetAsync(node.Id)) is not { } theme)
        {
            return null;
        }
        return await dialogs.OpenAsync<ThemeDialog, ThemeDto>(text["Dialog.EditTheme"], new DialogParameters<ThemeDialog>
        {
            { d => d.Input, new ThemeInput { Name = theme.Name, Description = theme.Description } },
            { d => d.ThemeId, theme.Id },
            { d => d.Version, theme.Version },
        });
    });

    public Task<bool> SetThemeArchivedAsync(ThemeNode theme, bool archived) =>
        OnceAsync(() => archived
            ? ConfirmThenAsync(shared["Archive"], text["Confirm.Archive", theme.Name], () => themes.SetArchivedAsync(theme.Id, true), text["Notify.Archived", theme.Name])
            : dialogs.RunAsync(() => themes.SetArchivedAsync(theme.Id, false), text["Notify.Restored", theme.Name]));

    public Task<bool> DeleteThemeAsync(ThemeNode theme) =>
        OnceAsync(() => DeleteAsync(theme.Name, () => themes.DeleteAsync(theme.Id)));

    public Task<SeriesDto?> AddSeriesAsync(ThemeNode theme) =>
        OnceAsync(() => dialogs.OpenAsync<SeriesDialog, SeriesDto>(text["Dialog.NewSeries", theme.Name],
            new DialogParameters<SeriesDialog> { { d => d.Input, new SeriesInput { ThemeId = theme.Id } } }));

    public Task<SeriesDto?> EditSeriesAsync(SeriesNode node) => OnceAsync(async () =>
    {
        if (await ReadAsync(() => series.GetAsync(node.Id)) is not { } current)
        {
            return null;
        }
        return await dialogs.OpenAsync<SeriesDialog, SeriesDto>(text["Dialog.EditSeries"], new DialogParameters<SeriesDialog>
        {
            { d => d.Input, new SeriesInput { ThemeId = current.ThemeId, Name = current.Name, Description = current.Description } },
            { d => d.SeriesId, current.Id },
            { d => d.Version, current.Version },
        });
    });

    public Task<bool> SetSeriesArchivedAsync(SeriesNode node, bool archived) =>
        OnceAsync(() => archived
            ? ConfirmThenAsync(shared["Archive"], text["Confirm.Archive", node.Name], () => series.SetArchivedAsync(node.Id, true), text["Notify.Archived", node.Name])
            : dialogs.RunAsync(() => series.SetArchivedAsync(node.Id, false), text["Notify.Restored", node.Name]));

    public Task<bool> DeleteSeriesAsync(SeriesNode node) =>
        OnceAsync(() => DeleteAsync(node.Name, () => series.DeleteAsync(node.Id)));

    /// <summary>The next period of a series: the next free number, starting the day after the latest one ends.</summary>
    public Task<ActivityDto?> AddActivityAsync(SeriesNode node) => OnceAsync(async () =>
    {
        if (await ReadAsync(() => activities.ListAsync(node.Id, includeArchived: true)) is not { } periods)
        {
            return null;
        }
        return await dialogs.OpenAsync<ActivityDialog, ActivityDto>(text["Dialog.NewActivity", node.Name], new DialogParameters<ActivityDialog>
        {
            { d => d.Form, ActivityForm.Next(node.Id, periods.MaxBy(a => a.PeriodNo), PortalToday()) },
            { d => d.SeriesName, node.Name },
        });
    });

    /// <summary>复制上一期: confirm, copy the latest period with its groups, and say what was created.</summary>
    public Task<ActivityDto?> CopyPreviousAsync(SeriesNode node) => OnceAsync(async () =>
    {
        if (!await dialogs.ConfirmAsync(text["Action.CopyPrevious"], text["Confirm.CopyPrevious", node.Name], text["Action.CopyPrevious"]))
        {
            return null;
        }
        ActivityDto? copy = null;
        await dialogs.RunAsync(async () => copy = await activities.CopyPreviousAsync(node.Id), () => text["Notify.Copied", copy!.Name, copy.GroupCount]);
        return copy;
    });

    public Task<ActivityDto?> EditActivityAsync(ActivityNode node) => OnceAsync(async () =>
    {
        if (await ReadAsync(() => activities.GetAsync(node.Id)) is not { } activity)
        {
            return null;
        }
        return await dialogs.OpenAsync<ActivityDialog, ActivityDto>(text["Dialog.EditActivity"], new DialogParameters<ActivityDialog>
        {
            { d => d.Form, ActivityForm.From(activity) },
            { d => d.SeriesName, activity.SeriesName },
            { d => d.ActivityId, activity.Id },
            { d => d.Version, activity.Version },
        });
    });

    public Task<bool> ArchiveActivityAsync(ActivityNode node) =>
        OnceAsync(() => ConfirmThenAsync(shared["Archive"], text["Confirm.ArchiveActivity", node.Name], () => activities.ArchiveAsync(node.Id), text["Notify.Archived", node.Name]));

    public Task<bool> DeleteActivityAsync(ActivityNode node) =>
        OnceAsync(() => DeleteAsync(node.Name, () => activities.DeleteAsync(node.Id)));

    /// <summary>A new group in an activity, or a standalone long-term group when <paramref name="activity"/> is null.</summary>
    public Task<GroupDto?> AddGroupAsync(ActivityNode? activity) => OnceAsync(async () =>
    {
        var group = await dialogs.OpenAsync<GroupDialog, GroupDto>(
            activity is null ? text["Dialog.NewStandaloneGroup"] : text["Dialog.NewGroup", activity.Name],
            new DialogParameters<GroupDialog> { { d => d.ActivityId, activity?.Id } });
        if (group is not null)
        {
            dialogs.Success(text["Notify.Saved", group.Name]);
        }
        return group;
    });

    public Task<bool> ArchiveGroupAsync(GroupDto group) =>
        OnceAsync(() => ConfirmThenAsync(shared["Archive"], text["Confirm.ArchiveGroup", group.Name], () => groups.ArchiveAsync(group.Id), text["Notify.Archived", group.Name]));

    public Task<bool> DeleteGroupAsync(GroupDto group) =>
        OnceAsync(() => DeleteAsync(group.Name, () => groups.DeleteAsync(group.Id)));

    /// <summary>
    /// One command at a time in a browser tab: a double click, or a click while a dialog is being read or is open, does nothing
    /// (two 复制上一期 confirmations would make two periods).
    /// </summary>
    private async Task<T?> OnceAsync<T>(Func<Task<T?>> command)
    {
        if (running)
        {
            return default;
        }
        running = true;
        try
        {
            return await command();
        }
        finally
        {
            running = false;
        }
    }

    private Task<bool> DeleteAsync(string name, Func<Task> delete) =>
        dialogs.ConfirmThenAsync(shared["Delete"], text["Confirm.Delete", name], shared["Delete"], delete, text["Notify.Deleted", name], danger: true);

    private Task<bool> ConfirmThenAsync(string action, string question, Func<Task> run, string done) =>
        dialogs.ConfirmThenAsync(action, question, action, run, done);

    /// <summary>Reads what a dialog opens with; an item that vanished meanwhile is said in a toast instead.</summary>
    private async Task<T?> ReadAsync<T>(Func<Task<T>> read) where T : class
    {
        try
        {
            return await read();
        }
        catch (NotFoundException ex)
        {
            dialogs.Refused(ex.Message);
            return null;
        }
    }

    private static DateOnly PortalToday() => DateOnly.FromDateTime(PortalTime.ToLocal(DateTime.UtcNow));
}
