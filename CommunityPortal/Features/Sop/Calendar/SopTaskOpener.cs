using Microsoft.Extensions.Localization;
using MudBlazor;

namespace CommunityPortal.Features.Sop.Calendar;

/// <summary>
/// Opens a task's details (<see cref="SopTaskDialog"/>): a dialog beside the calendar on a wide screen, the whole screen on a
/// phone, where operators tick most tasks. Escape and the close button close it; focus stays inside while it is open.
/// </summary>
public sealed class SopTaskOpener(IDialogService dialogs, IBrowserViewportService viewport, IStringLocalizer<SopText> text)
{
    public async Task<IDialogReference> OpenAsync(int taskId, SopViewer viewer)
    {
        var options = new DialogOptions
        {
            MaxWidth = MaxWidth.Small,
            FullWidth = true,
            FullScreen = await IsPhoneAsync(),
            CloseButton = true,
            CloseOnEscapeKey = true,
            // A reason half typed is not lost to a stray tap beside the dialog.
            BackdropClick = false,
            // The calendar names the open task in its address (MudBlazor would close the dialog on that change); the page
            // closes it when it goes away.
            CloseOnNavigation = false,
        };
        var parameters = new DialogParameters<SopTaskDialog> { { d => d.TaskId, taskId }, { d => d.Viewer, viewer } };
        return await dialogs.ShowAsync<SopTaskDialog>(text["Task.Title"], parameters, options);
    }

    private async Task<bool> IsPhoneAsync()
    {
        try
        {
            return await viewport.GetCurrentBreakpointAsync() == Breakpoint.Xs;
        }
        catch (Microsoft.JSInterop.JSException)
        {
            return false;
        }
    }
}
