using CommunityPortal.Components;
using CommunityPortal.Components.Shared;
using CommunityPortal.Features.Sop.Tasks;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Localization;
using Microsoft.JSInterop;
using MudBlazor;

namespace CommunityPortal.Features.Sop.Calendar;

/// <summary>
/// The details of one task (opened by <see cref="SopTaskOpener"/>). Ticking keeps the dialog open on the settled task (who and
/// when); the calendar behind follows through the SopTaskSettled event. Skipping asks for the reason in place.
/// </summary>
public sealed partial class SopTaskDialog
{
    private const string SkipFormId = "sop-skip-form";
    private const string ModulePath = "./Features/Sop/Calendar/SopTaskDialog.razor.js";

    private readonly SkipInput skip = new();
    private EditContext skipContext = default!;
    private LocalizedValidator? validator;
    private ElementReference contentBox;
    private IJSObjectReference? module;
    private MudTextField<string>? reasonField;
    private MudButton? skipButton;
    private MudButton? closeButton;
    // A button that goes away with the click that pressed it takes the focus with it (out of the dialog, where Escape no
    // longer closes it): the next render gives the focus to what takes its place.
    private Func<ValueTask>? focusNext;
    private SopTaskDto? task;
    private string? groupOwnerId;
    private bool loading = true;
    private bool mayTick;
    private bool skipping;
    private bool busy;
    private string? message;

    [Inject] private SopCalendarService Calendar { get; set; } = default!;
    [Inject] private SopTaskService Tasks { get; set; } = default!;
    [Inject] private PortalDialogs Portal { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;
    [Inject] private IStringLocalizer<SopText> T { get; set; } = default!;
    [Inject] private IStringLocalizer<SharedText> S { get; set; } = default!;

    [CascadingParameter] private IMudDialogInstance Dialog { get; set; } = default!;

    [Parameter, EditorRequired] public int TaskId { get; set; }

    [Parameter, EditorRequired] public SopViewer Viewer { get; set; } = SopViewer.Nobody;

    protected override async Task OnInitializedAsync()
    {
        skipContext = new EditContext(skip);
        if (await Calendar.FindAsync(TaskId) is { } found)
        {
            groupOwnerId = found.GroupOwnerId;
            Show(found.Task);
        }
        loading = false;
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (focusNext is { } focus)
        {
            focusNext = null;
            await focus();
        }
    }

    private void Show(SopTaskDto next)
    {
        task = next;
        mayTick = Viewer.MayTick(next, groupOwnerId);
        skipping &= mayTick;
    }

    private async Task DoneAsync()
    {
        if (busy || task is null)
        {
            return;
        }
        busy = true;
        message = null;
        try
        {
            Show(await Tasks.CompleteAsync(task.Id, Viewer.Actor));
            focusNext = FocusClose;
            Portal.Success(T["Task.DoneToast", task.Title]);
        }
        catch (Exception ex) when (ex is ForbiddenActionException or NotFoundException)
        {
            message = ex.Message;
        }
        finally
        {
            busy = false;
        }
    }

    private void StartSkip()
    {
        message = null;
        skipping = true;
        focusNext = FocusReason;
    }

    private void CancelSkip()
    {
        skipping = false;
        focusNext = async () =>
        {
            if (skipButton is not null)
            {
                await skipButton.FocusAsync();
            }
        };
    }

    private async ValueTask FocusClose()
    {
        if (closeButton is not null)
        {
            await closeButton.FocusAsync();
        }
    }

    private async ValueTask FocusReason()
    {
        if (reasonField is not null)
        {
            await reasonField.FocusAsync();
        }
    }

    private async Task SkipAsync()
    {
        if (busy || task is null)
        {
            return;
        }
        busy = true;
        message = null;
        try
        {
            await JS.SettleAsync();
            SopTaskDto? skipped = null;
            if (await FormErrors.TryAsync(async () => skipped = await Tasks.SkipAsync(task.Id, skip.Reason, Viewer.Actor), validator, m => message = m)
                && skipped is not null)
            {
                Show(skipped);
                skipping = false;
                focusNext = FocusClose;
                Portal.Success(T["Task.SkippedToast", skipped.Title]);
            }
            else
            {
                focusNext = FocusReason;
            }
        }
        catch (ForbiddenActionException ex)
        {
            message = ex.Message;
        }
        finally
        {
            busy = false;
        }
    }

    /// <summary>Copies the text; where the browser refuses the clipboard, the text is selected for a long-press or Ctrl+C.</summary>
    private async Task CopyAsync()
    {
        if (task is null)
        {
            return;
        }
        try
        {
            module ??= await JS.InvokeAsync<IJSObjectReference?>("import", ModulePath);
            var copied = module is not null && await module.InvokeAsync<bool>("copy", contentBox, task.Content);
            if (copied)
            {
                Portal.Success(T["Task.Copied"]);
            }
            else
            {
                Portal.Info(T["Task.CopyByHand"]);
            }
        }
        catch (JSException)
        {
            Portal.Info(T["Task.CopyByHand"]);
        }
        catch (JSDisconnectedException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (module is not null)
            {
                await module.DisposeAsync();
            }
        }
        catch (JSDisconnectedException)
        {
        }
    }

    private sealed class SkipInput
    {
        public string? Reason { get; set; }
    }
}
