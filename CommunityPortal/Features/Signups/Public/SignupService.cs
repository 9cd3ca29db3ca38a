using CommunityPortal.Infrastructure.Validation;
using CommunityPortal.Data;
using CommunityPortal.Features.Members;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

using CommunityPortal.Features.Signups.Form;
namespace CommunityPortal.Features.Signups.Public;

/// <summary>Signing people up, from the public page and from the API, with the same rules.</summary>
/// <remarks>
/// One transaction per sign-up. It first locks the form's row (SQLite: BEGIN IMMEDIATE already holds the write lock;
/// PostgreSQL: the row lock of the UPDATE), so sign-ups of one activity queue and the capacity count is exact. A new
/// member gets the next MemberNo in the same transaction (MemberService.CreateInAsync); a refused or failed sign-up
/// writes nothing, not even the member. docs/adr/015-activity-signups.md.
/// </remarks>
public sealed class SignupService(
    IDbContextFactory<PortalDbContext> dbFactory,
    SignupFormService forms,
    MemberService members,
    IStringLocalizer<SignupText> text,
    IStringLocalizer<ValidationText> validationText)
{
    private const int Attempts = 3;

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

    private async Task<SignupResult> SignUpAsync(SignupFormDto form, SignupSubmission submission, bool fromPage, MemberActor actor,
        CancellationToken ct)
    {
        var errors = new ValidationErrors(Messages);
        var name = Text.Clean(submission.Name);
        if (fromPage)
        {
            errors.Required(nameof(SignupSubmission.Name), name, ActivitySignup.NameMax);
        }
        else
        {
            errors.MaxLength(nameof(SignupSubmission.Name), name, ActivitySignup.NameMax);
        }
        var phone = form.AskPhone == AskPhone.Off ? null : MemberRules.NormalizePhone(submission.Phone);
        if (form.AskPhone != AskPhone.Off && phone is null && Text.Clean(submission.Phone) is not null)
        {
            errors.Add(nameof(SignupSubmission.Phone), "PhoneFormat");
        }
        else if (fromPage && form.AskPhone == AskPhone.Required && phone is null)
        {
            errors.Add(nameof(SignupSubmission.Phone), "Required");
        }
        var unionId = Text.Clean(submission.UnionId);
        if (unionId is not null && !MemberRules.IsUnionId(unionId))
        {
            errors.Add(nameof(SignupSubmission.UnionId), "UnionIdFormat", MemberRules.UnionIdMin, MemberRules.UnionIdMax);
        }
        if (!fromPage && submission.MemberNo is null && unionId is null && Text.Clean(submission.Phone) is null)
        {
            errors.Add(nameof(SignupSubmission.MemberNo), "WhoRequired");
        }
        var answers = SignupQuestions.Answers(form.Questions, submission.Answers, errors);
        if (errors.HasErrors)
        {
            return Invalid(errors);
        }
        var request = new Request(form, name, phone, unionId, submission.MemberNo, submission.RememberedMemberId, answers,
            Text.Clean(submission.ChannelKey), fromPage, actor);
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            try
            {
                var result = await WriteAsync(db, request, ct);
                if (result.Outcome == SignupOutcome.Created)
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

    private sealed record Request(SignupFormDto Form, string? Name, string? Phone, string? UnionId, int? MemberNo, int? RememberedMemberId,
        IReadOnlyList<SignupAnswer> Answers, string? ChannelKey, bool FromPage, MemberActor Actor);

    private async Task<SignupResult> WriteAsync(PortalDbContext db, Request request, CancellationToken ct)
    {
        var formId = request.Form.Id;
        // The lock every sign-up of this activity queues on; from here on the form and its count cannot move under us.
        if (await db.Set<SignupForm>().Where(f => f.Id == formId).ExecuteUpdateAsync(s => s.SetProperty(f => f.Capacity, f => f.Capacity), ct) == 0)
        {
            return new SignupResult(SignupOutcome.NotFound);
        }
        var form = await db.Set<SignupForm>().AsNoTracking().Where(f => f.Id == formId)
            .Select(f => new { f.ActivityId, f.OpensAt, f.ClosesAt, f.Capacity, f.LiveCodeId }).FirstAsync(ct);
        var channel = await SignupLookups.ChannelAsync(db, request.ChannelKey, ct);
        var member = await SignupLookups.FindMemberAsync(db, request.MemberNo, request.UnionId, request.Phone, request.RememberedMemberId, ct);
        if (request.MemberNo is not null && member is null)
        {
            return Invalid(nameof(SignupSubmission.MemberNo), "NotFound");
        }
        if (member is not null)
        {
            if (await SignupLookups.ReceiptAsync(db, form.ActivityId, member.Id, form.LiveCodeId, channel, false, ct) is { } existing)
            {
                return new SignupResult(SignupOutcome.Existing, existing);
            }
            if (member.Status == MemberStatus.Blacklisted)
            {
                return new SignupResult(SignupOutcome.Blacklisted);
            }
        }
        var now = DateTime.UtcNow;
        if (form.OpensAt is { } opens && now < opens)
        {
            return new SignupResult(SignupOutcome.NotOpen);
        }
        if (form.ClosesAt is { } closes && now >= closes)
        {
            return new SignupResult(SignupOutcome.Closed);
        }
        if (form.Capacity is { } capacity && await db.Set<ActivitySignup>().CountAsync(s => s.ActivityId == form.ActivityId, ct) >= capacity)
        {
            return new SignupResult(SignupOutcome.Full);
        }
        var name = request.Name ?? member?.RemarkName ?? member?.Nickname;
        var phone = request.Phone ?? (request.FromPage ? null : member?.Phone);
        if (name is null || (request.Form.AskPhone == AskPhone.Required && phone is null))
        {
            var errors = new ValidationErrors(Messages);
            if (name is null)
            {
                errors.Add(nameof(SignupSubmission.Name), "Required");
            }
            if (request.Form.AskPhone == AskPhone.Required && phone is null)
            {
                errors.Add(nameof(SignupSubmission.Phone), "Required");
            }
            return Invalid(errors);
        }
        var newMember = member is null;
        var memberId = member?.Id ?? (await members.CreateInAsync(db, new MemberInput
        {
            Nickname = name, Phone = request.Phone, UnionId = request.UnionId, FirstChannelId = channel?.ChannelId,
        }, request.Actor, ct)).Id;
        if (member is not null && request.UnionId is { } unionId)
        {
            // A trusted UnionID (signed link or API) for a member found another way, who has none yet: keep it. Nobody
            // else holds it (the UnionID was looked up first), and one already set is never replaced.
                        await db.Set<Member>().Where(m => m.Id == memberId && m.UnionId == null).ExecuteUpdateAsync(set => set
                .SetProperty(m => m.UnionId, unionId)
                .SetProperty(m => m.Version, m => m.Version + 1)
                .SetProperty(m => m.UpdatedAt, now), ct);
        }
        var signup = new ActivitySignup
        {
            ActivityId = form.ActivityId, MemberId = memberId, Name = name, Phone = phone, Answers = SignupJson.Write(request.Answers),
            ChannelKey = channel?.Key, ChannelId = channel?.ChannelId, CreatedById = request.Actor.StoredId, CreatedByName = request.Actor.StoredName,
        };
        db.Add(signup);
        await db.SaveChangesAsync(ct);
        signup.Raise(new ActivitySignedUp(signup.Id, form.ActivityId, memberId, newMember, signup.CreatedAt));
        await db.SaveChangesAsync(ct);
        return new SignupResult(SignupOutcome.Created, await SignupLookups.ReceiptAsync(db, form.ActivityId, memberId, form.LiveCodeId, channel, newMember, ct));
    }

    private SignupResult Invalid(string field, string key)
    {
        var errors = new ValidationErrors(Messages);
        errors.Add(field, key);
        return Invalid(errors);
    }

    private static SignupResult Invalid(ValidationErrors errors)
    {
        try
        {
            errors.ThrowIfAny();
        }
        catch (PortalValidationException ex)
        {
            return new SignupResult(SignupOutcome.Invalid, Errors: ex.Errors);
        }
        throw new InvalidOperationException("No errors to report.");
    }

    private static bool IsUniqueViolation(DbUpdateException ex) =>
        ex.InnerException?.Message.Contains("UNIQUE", StringComparison.OrdinalIgnoreCase) == true
        || ex.InnerException?.Message.Contains("duplicate key", StringComparison.OrdinalIgnoreCase) == true;
}
