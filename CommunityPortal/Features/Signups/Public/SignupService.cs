using CommunityPortal.Infrastructure.Validation;
using CommunityPortal.Data;
using CommunityPortal.Features.LiveCodes.Scanning;
using CommunityPortal.Features.Members;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Localization;

using CommunityPortal.Features.Signups.Form;
namespace CommunityPortal.Features.Signups.Public;

/// <summary>Signing people up, from the public page and from the API, with the same rules.</summary>
/// <remarks>
/// One context and one transaction per sign-up. It first locks the form's row (SQLite: BEGIN IMMEDIATE already holds the write lock;
/// PostgreSQL: the row lock of the UPDATE), so sign-ups of one activity queue and the capacity count is exact. A new
/// member gets the next MemberNo in the same transaction (MemberService.CreateInAsync); a refused or failed sign-up
/// writes nothing, not even the member. docs/adr/015-activity-signups.md.
/// </remarks>
public sealed partial class SignupService(
    IDbContextFactory<PortalDbContext> dbFactory,
    SignupFormService forms,
    MemberService members,
    IStringLocalizer<SignupText> text,
    IStringLocalizer<ValidationText> validationText,
    ILogger<SignupService> logger)
{
    private const int Attempts = 3;
    private const string ScanLinkSavepoint = "scan_links";

    private IStringLocalizer<ValidationText> Messages => new FeatureValidationText<SignupText>(validationText, text);

    /// <summary>A person on the public page /s/{slug}: the name is required, the phone as the form asks.</summary>
    public async Task<SignupResult> SubmitAsync(string slug, SignupSubmission submission, CancellationToken ct = default)
    {
        var form = await forms.GetBySlugAsync(slug, ct);
        return form is null ? new SignupResult(SignupOutcome.NotFound) : await SubmitAsync(form, submission, ct);
    }

    /// <summary>The same, for a form the page has read already.</summary>
    public Task<SignupResult> SubmitAsync(SignupFormDto form, SignupSubmission submission, CancellationToken ct = default) =>
        SignUpAsync(form, submission, fromPage: true, MemberActor.System, ct);

    /// <summary>
    /// Why the form would refuse anyone right now (not open yet, closed, full), or null: the page says so before
    /// anybody fills it in. The sign-up itself checks again under the lock.
    /// </summary>
    public async Task<SignupOutcome?> RefusalAsync(SignupFormDto form, CancellationToken ct = default)
    {
        switch (form.WindowAt(DateTime.UtcNow))
        {
            case SignupWindow.NotOpen:
                return SignupOutcome.NotOpen;
            case SignupWindow.Closed:
                return SignupOutcome.Closed;
        }
        if (form.Capacity is not { } capacity)
        {
            return null;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<ActivitySignup>().CountAsync(s => s.ActivityId == form.ActivityId, ct) >= capacity ? SignupOutcome.Full : null;
    }

    /// <summary>
    /// A sign-up entered for a member (the API): by MemberNo, UnionID or phone. An unknown UnionID or phone makes a new
    /// member, as the page does; the name may be left out for a known member (their remark name or nickname is used).
    /// </summary>
    public async Task<SignupResult> CreateAsync(int activityId, SignupSubmission submission, MemberActor actor, CancellationToken ct = default)
    {
        var form = await forms.GetAsync(activityId, ct) ?? throw new NotFoundException(text["FormNotFound"]);
        return await SignUpAsync(form, submission, fromPage: false, actor, ct);
    }

    /// <summary>The member's sign-up for the activity (shown when they come back), or null.</summary>
    public async Task<SignupReceipt?> FindAsync(int activityId, int memberId, string? channelKey = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var liveCodeId = await db.Set<SignupForm>().AsNoTracking().Where(f => f.ActivityId == activityId).Select(f => f.LiveCodeId).FirstOrDefaultAsync(ct);
        return await SignupLookups.ReceiptAsync(db, activityId, memberId, liveCodeId, await SignupLookups.ChannelAsync(db, channelKey, ct), false, ct);
    }

    /// <summary>
    /// POST /s/{slug}: the whole sign-up in one context and one transaction — the form read under its lock, the
    /// submission's checks, the channel (the posted key, else the one of the visitor's last scan), the member (found or
    /// made), the sign-up row, and the visitor's earlier scans linked to the member (<paramref name="visitorKey"/>: the
    /// visitor cookie's stored key, or null). The result carries the form (the page shows it again on Invalid) and the
    /// channel key it used.
    /// </summary>
    public async Task<PageSignupResult> SubmitFromPageAsync(string slug, SignupSubmission submission, string? visitorKey,
        CancellationToken ct = default)
    {
        SignupFormDto? form = null;
        string? channelKey = null;
        if (!SignupForm.IsValidSlug(slug))
        {
            return new PageSignupResult(new SignupResult(SignupOutcome.NotFound), form, channelKey);
        }
        var result = await InTransactionAsync(async (db, transaction) =>
        {
            if (await LockAsync(db.Set<SignupForm>().Where(f => f.Slug == slug), ct) == 0
                || await SignupFormService.FindBySlugAsync(db, slug, ct) is not { } found)
            {
                form = null;
                return new SignupResult(SignupOutcome.NotFound);
            }
            form = found;
            // A link without ?c=: the channel code of the scan that brought this browser, if it scanned one.
            channelKey = Text.Clean(submission.ChannelKey)
                ?? (visitorKey is null ? null : await ScanMemberLinks.LastChannelKeyAsync(db, visitorKey, ct));
            var (request, invalid) = Check(found, submission with { ChannelKey = channelKey }, fromPage: true, MemberActor.System);
            if (request is null)
            {
                return invalid!;
            }
            var result = await WriteAsync(db, request, ct);
            if (visitorKey is not null && result.Receipt is { } receipt)
            {
                await LinkScansAsync(db, transaction, visitorKey, receipt.MemberId, ct);
            }
            return result;
        }, ct);
        return new PageSignupResult(result, form, channelKey);
    }

    private async Task<SignupResult> SignUpAsync(SignupFormDto form, SignupSubmission submission, bool fromPage, MemberActor actor,
        CancellationToken ct)
    {
        var (request, invalid) = Check(form, submission, fromPage, actor);
        if (request is null)
        {
            return invalid!;
        }
        return await InTransactionAsync(async (db, _) =>
            await LockAsync(db.Set<SignupForm>().Where(f => f.Id == form.Id), ct) == 0
                ? new SignupResult(SignupOutcome.NotFound)
                : await WriteAsync(db, request, ct), ct);
    }

    /// <summary>
    /// The lock every sign-up of this activity queues on (a no-op UPDATE of the form's row); from here on the form and its
    /// count cannot move under the sign-up. 0 when the form does not exist.
    /// </summary>
    private static Task<int> LockAsync(IQueryable<SignupForm> form, CancellationToken ct) =>
        form.ExecuteUpdateAsync(s => s.SetProperty(f => f.Capacity, f => f.Capacity), ct);

    /// <summary>
    /// Runs a sign-up in one context and one transaction, committed when it succeeded (Created, or Existing: then only
    /// the scan links were written) and rolled back otherwise; a new attempt, in a new context, when two requests made
    /// the same new person at once.
    /// </summary>
    private async Task<SignupResult> InTransactionAsync(Func<PortalDbContext, IDbContextTransaction, Task<SignupResult>> work,
        CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            try
            {
                var result = await work(db, transaction);
                if (result.Succeeded)
                {
                    await transaction.CommitAsync(ct);
                }
                else
                {
                    await transaction.RollbackAsync(ct);
                }
                return result;
            }
            // PostgreSQL only (SQLite writers queue): the same new person twice at once; the next attempt finds them.
            catch (DbUpdateException ex) when (attempt < Attempts && IsUniqueViolation(ex))
            {
                await transaction.RollbackAsync(ct);
            }
            catch (PortalValidationException ex) when (attempt < Attempts && (ex.Errors.ContainsKey(nameof(MemberInput.Phone))
                || ex.Errors.ContainsKey(nameof(MemberInput.UnionId))))
            {
                await transaction.RollbackAsync(ct);
            }
            catch (PortalValidationException ex)
            {
                await transaction.RollbackAsync(ct);
                // The member's own checks name its fields: the nickname is the name given here.
                return new SignupResult(SignupOutcome.Invalid, Errors: ex.Errors.ToDictionary(
                    e => e.Key == nameof(MemberInput.Nickname) ? nameof(SignupSubmission.Name) : e.Key, e => e.Value));
            }
        }
    }


    /// <summary>
    /// The sign-up stands whatever happens here: linking the browser's earlier scans is a bonus. So it runs inside a
    /// savepoint of the sign-up's transaction: a failure rolls back to it (the sign-up and its member stay) and is logged.
    /// </summary>
    private async Task LinkScansAsync(PortalDbContext db, IDbContextTransaction transaction, string visitorKey, int memberId,
        CancellationToken ct)
    {
        await transaction.CreateSavepointAsync(ScanLinkSavepoint, ct);
        try
        {
            if (await ScanMemberLinks.LinkAsync(db, visitorKey, memberId, ct) > 0)
            {
                // Written by a bulk UPDATE, which raises no entity event; a sign-up found already ("Existing") raises none either.
                db.PublishAfterCommit(new MemberFactsChanged([memberId]));
            }
            await transaction.ReleaseSavepointAsync(ScanLinkSavepoint, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await transaction.RollbackToSavepointAsync(ScanLinkSavepoint, ct);
            logger.LogWarning(ex, "Scans not linked to member {MemberId}", memberId);
        }
    }
}

/// <summary>The public page's sign-up: the outcome, the form it was made on (null when there is none) and the channel key it used.</summary>
public sealed record PageSignupResult(SignupResult Result, SignupFormDto? Form, string? ChannelKey);
