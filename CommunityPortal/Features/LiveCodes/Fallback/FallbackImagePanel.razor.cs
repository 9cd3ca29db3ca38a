using System.Globalization;
using CommunityPortal.Components;
using CommunityPortal.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Localization;
using CommunityPortal.Components.Shared;
using MudBlazor;

using CommunityPortal.Features.LiveCodes.Manage;
namespace CommunityPortal.Features.LiveCodes.Fallback;

/// <summary>
/// The fallback image on the live-code page. The service checks the file (PNG/JPEG by its bytes, at most 2 MB) before
/// anything is written; a refused file leaves the stored image as it was. The preview is the scan page's own image URL.
/// </summary>
public sealed partial class FallbackImagePanel
{
    private MudFileUpload<IBrowserFile>? upload;
    private bool canEdit;
    private bool busy;
    private string? status;
    private Severity statusSeverity = Severity.Info;

    [Inject] private LiveCodeService LiveCodes { get; set; } = default!;
    [Inject] private PortalDialogs Dialogs { get; set; } = default!;
    [Inject] private IAuthorizationService Authorization { get; set; } = default!;
    [Inject] private IStringLocalizer<FallbackText> T { get; set; } = default!;
    [Inject] private IStringLocalizer<LiveCodeText> L { get; set; } = default!;

    [CascadingParameter] private Task<AuthenticationState>? AuthState { get; set; }

    [Parameter, EditorRequired] public LiveCodeDto Code { get; set; } = default!;

    /// <summary>Raised with the code as reloaded after a change (its Version moved).</summary>
    [Parameter] public EventCallback<LiveCodeDto> CodeChanged { get; set; }

    protected override async Task OnInitializedAsync() => canEdit = await CanEditAsync();

    private async Task UploadAsync(InputFileChangeEventArgs e)
    {
        if (busy || !await CanEditAsync())
        {
            return;
        }
        busy = true;
        try
        {
            await SaveAsync(e.File);
        }
        finally
        {
            busy = false;
            // The preview or the message says what happened; the picker keeps no file, so the same one can be chosen again.
            if (upload is not null)
            {
                await upload.ClearAsync();
            }
        }
    }

    private async Task SaveAsync(IBrowserFile file)
    {
        if (file.Size > LiveCode.MaxFallbackImageBytes)
        {
            Show(T["Error.TooLarge", L["Field.FallbackImage"], LiveCode.MaxFallbackImageBytes / 1024 / 1024,
                (file.Size / 1024.0 / 1024.0).ToString("0.0", CultureInfo.CurrentCulture)], Severity.Error);
            return;
        }
        byte[] bytes;
        try
        {
            bytes = await ReadAsync(file);
        }
        catch (IOException)
        {
            Show(T["Error.ReadFailed", L["Field.FallbackImage"]], Severity.Error);
            return;
        }
        if (await ChangeAsync(() => LiveCodes.SetFallbackImageAsync(Code.Id, bytes)))
        {
            Show(T["Saved"], Severity.Success);
        }
    }

    private async Task RemoveAsync()
    {
        if (!await Dialogs.ConfirmAsync(T["Remove"], T["ConfirmRemove"], T["Remove"], danger: true) || busy || !await CanEditAsync())
        {
            return;
        }
        busy = true;
        try
        {
            if (await ChangeAsync(() => LiveCodes.SetFallbackImageAsync(Code.Id, null)))
            {
                Show(T["Removed"], Severity.Success);
            }
        }
        finally
        {
            busy = false;
        }
    }

    /// <summary>Runs the change and hands the page the code as it now is; a refusal is shown and nothing changes.</summary>
    private async Task<bool> ChangeAsync(Func<Task> change)
    {
        if (!await AdminActions.TryAsync(change, m => Show(m, Severity.Error)))
        {
            return false;
        }
        await CodeChanged.InvokeAsync(await LiveCodes.GetAsync(Code.Id));
        return true;
    }

    /// <summary>Reads at most one byte past the limit, so an oversized file is named by the service, never cut short.</summary>
    private static async Task<byte[]> ReadAsync(IBrowserFile file)
    {
        await using var stream = file.OpenReadStream(LiveCode.MaxFallbackImageBytes + 1L);
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer);
        return buffer.ToArray();
    }

    private void Show(string message, Severity severity) => (status, statusSeverity) = (message, severity);

    private async Task<bool> CanEditAsync() =>
        AuthState is not null && (await Authorization.AuthorizeAsync((await AuthState).User, Policies.Edit)).Succeeded;
}
