using CommunityPortal.Infrastructure.Validation;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace CommunityPortal.Components.Shared;

/// <summary>
/// What every page does around a service call: open a dialog and get its result, ask before something destructive,
/// and say in a toast how it went. One per circuit (scoped); features build their own command classes on it.
/// </summary>
public sealed class PortalDialogs(IDialogService dialogs, ISnackbar snackbar, IStringLocalizer<SharedText> shared)
{
    /// <summary>Opens <typeparamref name="TDialog"/> and returns what it closed with, or default when cancelled.</summary>
    public async Task<TResult?> OpenAsync<TDialog, TResult>(string title, DialogParameters? parameters = null, MaxWidth maxWidth = MaxWidth.Small)
        where TDialog : IComponent
    {
        var reference = await dialogs.ShowAsync<TDialog>(title, parameters ?? [], Options(maxWidth));
        var result = await reference.Result;
        return result is { Canceled: false, Data: TResult data } ? data : default;
    }

    public async Task<bool> ConfirmAsync(string title, string question, string confirmText, bool danger = false)
    {
        var parameters = new DialogParameters<ConfirmDialog>
        {
            { d => d.Question, question },
            { d => d.ConfirmText, confirmText },
            { d => d.Danger, danger },
        };
        var reference = await dialogs.ShowAsync<ConfirmDialog>(title, parameters, Options(MaxWidth.ExtraSmall));
        var result = await reference.Result;
        return result is { Canceled: false };
    }

    /// <summary>Asks, then runs; see <see cref="RunAsync(Func{Task}, Func{string})"/>.</summary>
    public async Task<bool> ConfirmThenAsync(string title, string question, string confirmText, Func<Task> run, string done, bool danger = false) =>
        await ConfirmAsync(title, question, confirmText, danger) && await RunAsync(run, () => done);

    public Task<bool> RunAsync(Func<Task> run, string done) => RunAsync(run, () => done);

    /// <summary>
    /// Runs a service call and toasts the outcome: <paramref name="done"/> on success, the service's reason on a refusal.
    /// True when the page must reload (done, or the item changed or vanished meanwhile).
    /// </summary>
    public async Task<bool> RunAsync(Func<Task> run, Func<string> done)
    {
        try
        {
            await run();
            Success(done());
            return true;
        }
        catch (Exception ex) when (ex is ConflictException or NotFoundException or ConcurrencyConflictException or PortalValidationException)
        {
            Refused(ex.Message);
            return ex is NotFoundException or ConcurrencyConflictException;
        }
    }

    public void Success(string message) => Toast(Severity.Success, message, null);

    public void Info(string message) => Toast(Severity.Info, message, null);

    public void Warning(string message, string? detail = null) => Toast(Severity.Warning, message, detail);

    /// <summary>A refusal: "not done" and the service's reason.</summary>
    public void Refused(string reason) => Toast(Severity.Error, shared["Refused"], reason);

    /// <summary>
    /// A toast with a stable hook for tests and screen readers (data-testid="toast", data-severity), whatever the
    /// component library draws around it. <paramref name="onClick"/>, when given, runs when the toast is clicked (e.g. opens
    /// the page where an alert is dealt with).
    /// </summary>
    public void Toast(Severity severity, string message, string? detail, Action? onClick = null) =>
        snackbar.Add(builder =>
        {
            builder.OpenElement(0, "div");
            builder.AddAttribute(1, "data-testid", "toast");
            builder.AddAttribute(2, "data-severity", severity.ToString().ToLowerInvariant());
            builder.OpenElement(3, "div");
            builder.AddAttribute(4, "class", "toast-title");
            builder.AddContent(5, message);
            builder.CloseElement();
            if (!string.IsNullOrEmpty(detail))
            {
                builder.OpenElement(6, "div");
                builder.AddAttribute(7, "class", "toast-detail");
                builder.AddContent(8, detail);
                builder.CloseElement();
            }
            builder.CloseElement();
        }, severity, options =>
        {
            options.VisibleStateDuration = severity is Severity.Error or Severity.Warning ? 10_000 : 4_000;
            if (onClick is not null)
            {
                options.OnClick = _ =>
                {
                    onClick();
                    return Task.CompletedTask;
                };
            }
        });

    private static DialogOptions Options(MaxWidth maxWidth) => new()
    {
        MaxWidth = maxWidth,
        FullWidth = true,
        CloseOnEscapeKey = true,
        BackdropClick = false,
        CloseButton = true,
        Position = DialogPosition.Center,
    };
}
