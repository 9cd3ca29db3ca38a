using CommunityPortal.Infrastructure.Validation;
using CommunityPortal.Data;
using CommunityPortal.Features.Members;
using Microsoft.EntityFrameworkCore;

using CommunityPortal.Features.Signups.Form;
namespace CommunityPortal.Features.Signups.Public;

/// <summary>The sign-up's checks and its writes inside the transaction (called with the form's row locked).</summary>
public sealed partial class SignupService
{
    /// <summary>The submission's own checks (no database): a request to write, or why it is invalid.</summary>
    private (Request? Request, SignupResult? Invalid) Check(SignupFormDto form, SignupSubmission submission, bool fromPage, MemberActor actor)
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
            return (null, Invalid(errors));
        }
        return (new Request(form, name, phone, unionId, submission.MemberNo, submission.RememberedMemberId, answers,
            Text.Clean(submission.ChannelKey), fromPage, actor), null);
    }

    private sealed record Request(SignupFormDto Form, string? Name, string? Phone, string? UnionId, int? MemberNo, int? RememberedMemberId,
        IReadOnlyList<SignupAnswer> Answers, string? ChannelKey, bool FromPage, MemberActor Actor);

    private async Task<SignupResult> WriteAsync(PortalDbContext db, Request request, CancellationToken ct)
    {
        var formId = request.Form.Id;
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
