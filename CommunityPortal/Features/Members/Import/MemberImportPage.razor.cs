using System.Security.Claims;
using CommunityPortal.Infrastructure.Validation;
using CommunityPortal.Components;
using CommunityPortal.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Localization;

namespace CommunityPortal.Features.Members.Import;

/// <summary>
/// 导入会员: upload → preview (nothing written) → import in the background with progress → result. The import belongs
/// to the user, not to this circuit: leaving and coming back shows it again.
/// </summary>
public sealed partial class MemberImportPage
{
    private string userId = "";
    private MemberActor actor = MemberActor.System;
    private ImportJob? job;
    private ImportPreview? preview;
    private byte[]? bytes;
    private string? fileName;
    private EncodingChoice encoding = EncodingChoice.Auto;
    private DuplicatePolicy policy = DuplicatePolicy.Skip;
    private bool busy;
    private string? message;
    private int uploads;

    [Inject] private MemberImportService Imports { get; set; } = default!;
    [Inject] private MemberImportJobs Jobs { get; set; } = default!;
    [Inject] private PortalDialogs Dialogs { get; set; } = default!;
    [Inject] private IStringLocalizer<ImportText> T { get; set; } = default!;
    [Inject] private IStringLocalizer<SharedText> S { get; set; } = default!;

    [CascadingParameter] private Task<AuthenticationState>? AuthState { get; set; }

    protected override async Task OnInitializedAsync()
    {
        var user = AuthState is null ? new ClaimsPrincipal() : (await AuthState).User;
        userId = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? user.Identity?.Name ?? "";
        actor = MemberActor.From(user);
        job = Jobs.Find(userId);
    }

    private async Task FileChosenAsync(IBrowserFile file)
    {
        (fileName, preview, bytes, message) = (file.Name, null, null, null);
        if (file.Size > CsvMemberReader.MaxBytes)
        {
            // Refused before a byte is sent: the limit in the message, not a half-read file.
            preview = Imports.Refused(file.Name, file.Size, encoding, policy);
            uploads++;
            return;
        }
        busy = true;
        try
        {
            bytes = await ReadAsync(file);
            await PreviewAsync();
        }
        catch (IOException ex)
        {
            message = T["File.ReadFailed", ex.Message];
        }
        finally
        {
            // The file is read (or failed): a fresh upload for the next one.
            uploads++;
            busy = false;
        }
    }

    private async Task EncodingChangedAsync(EncodingChoice value)
    {
        encoding = value;
        busy = true;
        try
        {
            await PreviewAsync();
        }
        finally
        {
            busy = false;
        }
    }

    private void PolicyChanged(DuplicatePolicy value)
    {
        policy = value;
        if (preview is { File.FileErrors.Count: 0 })
        {
            preview = Imports.Replan(preview, value);
        }
    }

    private async Task PreviewAsync()
    {
        if (bytes is not null && fileName is not null)
        {
            preview = await Imports.PreviewAsync(fileName, bytes, encoding, policy);
        }
    }

    private async Task ImportAsync()
    {
        if (preview is not { CanImport: true } ready)
        {
            return;
        }
        if (!await Dialogs.ConfirmAsync(T["Import.ConfirmTitle"], T["Import.Confirm", ready.New, ready.Update], T["Import.Start"]))
        {
            return;
        }
        try
        {
            job = Jobs.Start(userId, ready, actor);
            (preview, bytes) = (null, null);
        }
        catch (ConflictException ex)
        {
            message = ex.Message;
            job = Jobs.Find(userId);
        }
    }

    private void StartOver()
    {
        Jobs.Dismiss(userId);
        (job, preview, bytes, fileName, message) = (null, null, null, null, null);
    }

    private static async Task<byte[]> ReadAsync(IBrowserFile file)
    {
        await using var stream = file.OpenReadStream(CsvMemberReader.MaxBytes);
        using var buffer = new MemoryStream((int)file.Size);
        await stream.CopyToAsync(buffer);
        return buffer.ToArray();
    }
}
