using System.Security.Claims;
using CommunityPortal.Common;
using CommunityPortal.Features.Users;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.JSInterop;
using Radzen;

namespace CommunityPortal.Features.GroupQrs;

public sealed partial class GroupQrPanel
{
    private GroupQrOverview? overview;
    private DateTime? expiryLocal;
    private bool canEdit;
    private bool busy;
    private string? status;
    private AlertStyle statusStyle = AlertStyle.Info;

    [Parameter, EditorRequired]
    public int GroupId { get; set; }

    [Inject]
    private GroupQrService Qrs { get; set; } = default!;

    [Inject]
    private IAuthorizationService Authorization { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        canEdit = await IsAllowedAsync(Policies.Edit);
        // The group page re-renders after saving the group form: keep the panel (and its last message) as it is.
        if (overview?.GroupId != GroupId)
        {
            status = null;
            await LoadAsync();
        }
    }

    private async Task LoadAsync()
    {
        overview = await Qrs.OverviewAsync(GroupId);
        expiryLocal = overview.Current is { } qr ? PortalTime.ToLocal(qr.ExpiresAt) : null;
    }

    private static string ImageUrl(GroupQrDto qr) => $"groups/{qr.GroupId}/qr/{qr.Id}/image";

    private static AlertStyle ExpiryStyle(GroupQrDto qr) =>
        qr.IsExpired(DateTime.UtcNow) ? AlertStyle.Danger : qr.ExpiresSoon(DateTime.UtcNow) ? AlertStyle.Warning : AlertStyle.Success;

    private string ExpiryText(GroupQrDto qr)
    {
        var at = Matrix.Components.MatrixLabels.DateTime(qr.ExpiresAt);
        return qr.IsExpired(DateTime.UtcNow) ? T["Panel.Expired", at]
            : qr.ExpiresSoon(DateTime.UtcNow) ? T["Panel.ExpiresSoon", at]
            : T["Panel.Valid", at];
    }

    /// <summary>Sends the chosen file to the service, which reads the QR code in it; a file over the limit is not read at all.</summary>
    private async Task UploadAsync(InputFileChangeEventArgs e)
    {
        if (busy || !await IsAllowedAsync(Policies.Edit))
        {
            return;
        }
        busy = true;
        Show(T["Panel.Reading"], AlertStyle.Info);
        try
        {
            if (e.File.Size > GroupQr.MaxImageBytes)
            {
                ShowErrors(Qrs.TooLargeToRead(e.File.Size));
                return;
            }
            var bytes = await ReadAsync(e.File);
            var user = AuthenticationState is null ? null : (await AuthenticationState).User.FindFirstValue(ClaimTypes.NameIdentifier);
            await Qrs.UploadAsync(GroupId, bytes, null, user);
            await LoadAsync();
            Show(T["Panel.Uploaded"], AlertStyle.Success);
        }
        catch (PortalValidationException ex)
        {
            ShowErrors(ex);
        }
        catch (Exception ex) when (ex is NotFoundException or ConcurrencyConflictException)
        {
            Show(ex.Message, AlertStyle.Danger);
        }
        catch (Exception ex) when (ex is IOException or JSException)
        {
            Show(T["Error.ReadFailed"], AlertStyle.Danger);
        }
        finally
        {
            busy = false;
        }
    }

    private async Task SaveExpiryAsync()
    {
        if (overview?.Current is not { } qr || expiryLocal is not { } local || !await IsAllowedAsync(Policies.Edit))
        {
            return;
        }
        busy = true;
        try
        {
            await Qrs.SetExpiryAsync(qr.Id, PortalTime.ToUtc(local));
            await LoadAsync();
            Show(T["Panel.ExpirySaved"], AlertStyle.Success);
        }
        catch (PortalValidationException ex)
        {
            ShowErrors(ex);
        }
        catch (NotFoundException ex)
        {
            Show(ex.Message, AlertStyle.Danger);
        }
        finally
        {
            busy = false;
        }
    }

    /// <summary>The file's bytes; the browser stream itself refuses more than the limit.</summary>
    private static async Task<byte[]> ReadAsync(IBrowserFile file)
    {
        await using var stream = file.OpenReadStream(GroupQr.MaxImageBytes);
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer);
        return buffer.ToArray();
    }

    private void Show(string message, AlertStyle style) => (status, statusStyle) = (message, style);

    private void ShowErrors(PortalValidationException ex) => Show(string.Join(" ", ex.Errors.Values.SelectMany(m => m)), AlertStyle.Danger);

    private async Task<bool> IsAllowedAsync(string policy) =>
        AuthenticationState is not null && (await Authorization.AuthorizeAsync((await AuthenticationState).User, policy)).Succeeded;
}
