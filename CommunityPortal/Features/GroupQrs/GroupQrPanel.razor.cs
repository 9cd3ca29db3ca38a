using System.Security.Claims;
using CommunityPortal.Infrastructure.Time;
using CommunityPortal.Infrastructure.Validation;
using CommunityPortal.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.JSInterop;
using MudBlazor;

namespace CommunityPortal.Features.GroupQrs;

/// <summary>
/// A chosen image goes to the server, which reads its QR code; the invite it holds is shown (with the expiry to give it)
/// and replaces the current QR only when the operator confirms. Refusals say why, in the panel.
/// </summary>
public sealed partial class GroupQrPanel
{
    private GroupQrOverview? overview;
    private DateTime expiryLocal;
    private string? expiryError;
    private GroupQrPending? pending;
    private DateTime pendingExpiry;
    private string? pendingExpiryError;
    private int uploads;
    private bool canEdit;
    private bool busy;
    private string? status;
    private Severity statusSeverity = Severity.Info;

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
            (status, pending) = (null, null);
            await LoadAsync();
        }
    }

    private async Task LoadAsync()
    {
        overview = await Qrs.OverviewAsync(GroupId);
        expiryLocal = overview.Current is { } qr ? PortalTime.ToLocal(qr.ExpiresAt) : default;
        expiryError = null;
    }

    private static string ImageUrl(GroupQrDto qr) => $"groups/{qr.GroupId}/qr/{qr.Id}/image";

    private static Severity ExpirySeverity(GroupQrDto qr) =>
        qr.IsExpired(DateTime.UtcNow) ? Severity.Error : qr.ExpiresSoon(DateTime.UtcNow) ? Severity.Warning : Severity.Success;

    private string ExpiryText(GroupQrDto qr)
    {
        var at = GroupQrLabels.Time(qr.ExpiresAt);
        return qr.IsExpired(DateTime.UtcNow) ? T["Panel.Expired", at]
            : qr.ExpiresSoon(DateTime.UtcNow) ? T["Panel.ExpiresSoon", at]
            : T["Panel.Valid", at];
    }

    /// <summary>Has the server read the chosen file; a file over the limit is not read at all. Nothing is stored yet.</summary>
    private async Task ReadAsync(IBrowserFile? file)
    {
        if (file is null || busy || !await IsAllowedAsync(Policies.Edit))
        {
            return;
        }
        busy = true;
        pending = null;
        Show(T["Panel.Reading"], Severity.Info);
        try
        {
            if (file.Size > GroupQr.MaxImageBytes)
            {
                ShowErrors(Qrs.TooLargeToRead(file.Size));
                return;
            }
            var bytes = await ReadBytesAsync(file);
            var invite = await Qrs.ReadAsync(bytes);
            pending = new GroupQrPending(bytes, file.Name, invite);
            pendingExpiry = WholeMinute(PortalTime.ToLocal(DateTime.UtcNow + GroupQr.DefaultLifetime));
            pendingExpiryError = null;
            Show(T["Preview.Read"], Severity.Info);
        }
        catch (PortalValidationException ex)
        {
            ShowErrors(ex);
        }
        catch (Exception ex) when (ex is IOException or JSException)
        {
            Show(T["Error.ReadFailed"], Severity.Error);
        }
        finally
        {
            busy = false;
            uploads++;
        }
    }

    /// <summary>Stores the previewed image as the group's QR; the server reads it again and never trusts the preview.</summary>
    private async Task ConfirmAsync()
    {
        if (pending is not { } chosen || busy || !await IsAllowedAsync(Policies.Edit))
        {
            return;
        }
        busy = true;
        try
        {
            var user = AuthenticationState is null ? null : (await AuthenticationState).User.FindFirstValue(ClaimTypes.NameIdentifier);
            await Qrs.UploadAsync(GroupId, chosen.Image, PortalTime.ToUtc(pendingExpiry), user);
            pending = null;
            await LoadAsync();
            Show(T["Panel.Uploaded"], Severity.Success);
        }
        catch (PortalValidationException ex) when (ex.Errors.Keys.All(k => k == GroupQrService.ExpiresAtField))
        {
            pendingExpiryError = string.Join(" ", ex.Errors.Values.SelectMany(m => m));
            status = null;
        }
        catch (PortalValidationException ex)
        {
            ShowErrors(ex);
        }
        catch (Exception ex) when (ex is NotFoundException or ConcurrencyConflictException)
        {
            Show(ex.Message, Severity.Error);
        }
        finally
        {
            busy = false;
        }
    }

    private void Clear() => (pending, status) = (null, null);

    private async Task SaveExpiryAsync()
    {
        if (overview?.Current is not { } qr || busy || !await IsAllowedAsync(Policies.Edit))
        {
            return;
        }
        busy = true;
        try
        {
            await Qrs.SetExpiryAsync(qr.Id, PortalTime.ToUtc(expiryLocal));
            await LoadAsync();
            Show(T["Panel.ExpirySaved"], Severity.Success);
        }
        catch (PortalValidationException ex)
        {
            expiryError = string.Join(" ", ex.Errors.Values.SelectMany(m => m));
        }
        catch (NotFoundException ex)
        {
            Show(ex.Message, Severity.Error);
        }
        finally
        {
            busy = false;
        }
    }

    /// <summary>The file's bytes; the browser stream itself refuses more than the limit.</summary>
    private static async Task<byte[]> ReadBytesAsync(IBrowserFile file)
    {
        await using var stream = file.OpenReadStream(GroupQr.MaxImageBytes);
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer);
        return buffer.ToArray();
    }

    private static DateTime WholeMinute(DateTime value) => new(value.Ticks - value.Ticks % TimeSpan.TicksPerMinute, value.Kind);

    private void Show(string message, Severity severity) => (status, statusSeverity) = (message, severity);

    private void ShowErrors(PortalValidationException ex) => Show(string.Join(" ", ex.Errors.Values.SelectMany(m => m)), Severity.Error);

    private async Task<bool> IsAllowedAsync(string policy) =>
        AuthenticationState is not null && (await AuthenticationState).User is { } user
        && (await Authorization.AuthorizeAsync(user, policy)).Succeeded;
}
