using CommunityPortal.Infrastructure.Validation;
using CommunityPortal.Data;
using CommunityPortal.Features.LiveCodes;
using CommunityPortal.Features.LiveCodes.Alerts;
using CommunityPortal.Features.LiveCodes.Manage;
using CommunityPortal.Features.Matrix;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CommunityPortal.Features.Signups.Form;

/// <summary>An activity's sign-up form: read for the public page and the editor, created and changed by operators.</summary>
public sealed class SignupFormService(
    IDbContextFactory<PortalDbContext> dbFactory,
    IStringLocalizer<SignupText> text,
    IStringLocalizer<ValidationText> validationText)
{
    private IStringLocalizer<ValidationText> Messages => new FeatureValidationText<SignupText>(validationText, text);

    /// <summary>The activity's form, or null when it has none yet.</summary>
    public async Task<SignupFormDto?> GetAsync(int activityId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await FindAsync(db, db.Set<SignupForm>().Where(f => f.ActivityId == activityId), ct);
    }

    public async Task<SignupFormDto?> GetBySlugAsync(string slug, CancellationToken ct = default)
    {
        if (!SignupForm.IsValidSlug(slug))
        {
            return null;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await FindBySlugAsync(db, slug, ct);
    }

    /// <summary>The same, in the caller's context (and so its transaction): the public sign-up reads the form it writes under.</summary>
    internal static Task<SignupFormDto?> FindBySlugAsync(PortalDbContext db, string slug, CancellationToken ct) =>
        FindAsync(db, db.Set<SignupForm>().Where(f => f.Slug == slug), ct);

    /// <summary>A free slug for a new form: "act{id}", or with a number after it when that is taken.</summary>
    public async Task<string> SuggestSlugAsync(int activityId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var slug = $"act{activityId}";
        for (var n = 2; await db.Set<SignupForm>().AnyAsync(f => f.Slug == slug, ct); n++)
        {
            slug = $"act{activityId}-{n}";
        }
        return slug;
    }

    /// <summary>
    /// Creates the activity's form (<paramref name="expectedVersion"/> null) or changes it (the version the editor read).
    /// </summary>
    public async Task<SignupFormDto> SaveAsync(int activityId, SignupFormInput input, int? expectedVersion, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Set<Activity>().AnyAsync(a => a.Id == activityId, ct))
        {
            throw new NotFoundException(text["ActivityNotFound"]);
        }
        var form = await db.Set<SignupForm>().FirstOrDefaultAsync(f => f.ActivityId == activityId, ct);
        var stored = form is null ? [] : SignupJson.Questions(form.Questions);
        var questions = await ValidateAsync(db, input, form?.Id, stored, ct);
        if (form is null)
        {
            if (expectedVersion is not null)
            {
                throw new ConcurrencyConflictException(text["FormConflict"]);
            }
            form = new SignupForm { ActivityId = activityId };
            db.Add(form);
        }
        else
        {
            // Someone else made the form while this editor showed "no form yet", or changed it since it was read.
            db.ExpectVersion(form, expectedVersion ?? -1, text["FormConflict"]);
        }
        form.Slug = input.Slug.Trim();
        form.Title = input.Title.Trim();
        form.Intro = Text.Clean(input.Intro);
        form.OpensAt = input.OpensAt;
        form.ClosesAt = input.ClosesAt;
        form.Capacity = input.Capacity;
        form.AskPhone = input.AskPhone;
        form.Questions = SignupJson.Write(questions);
        form.LiveCodeId = input.LiveCodeId;
        await db.SaveAsync(text["FormConflict"], nameof(input.Slug), () => Messages["SlugTaken", Messages["Field.Slug"]], ct);
        return (await GetAsync(activityId, ct))!;
    }

    private static async Task<SignupFormDto?> FindAsync(PortalDbContext db, IQueryable<SignupForm> forms, CancellationToken ct)
    {
        var row = await forms.AsNoTracking()
            .Select(f => new
            {
                f.Id, f.ActivityId, ActivityName = db.Set<Activity>().Where(a => a.Id == f.ActivityId).Select(a => a.Name).FirstOrDefault(),
                f.Slug, f.Title, f.Intro, f.OpensAt, f.ClosesAt, f.Capacity, f.AskPhone, f.Questions, f.LiveCodeId,
                LiveCodeSlug = db.Set<LiveCode>().Where(l => l.Id == f.LiveCodeId).Select(l => l.Slug).FirstOrDefault(),
                f.Version,
            })
            .FirstOrDefaultAsync(ct);
        return row is null ? null : new SignupFormDto(row.Id, row.ActivityId, row.ActivityName ?? "", row.Slug, row.Title, row.Intro,
            row.OpensAt, row.ClosesAt, row.Capacity, row.AskPhone, SignupJson.Questions(row.Questions), row.LiveCodeId, row.LiveCodeSlug,
            row.Version);
    }

    private async Task<IReadOnlyList<SignupQuestion>> ValidateAsync(PortalDbContext db, SignupFormInput input, int? id,
        IReadOnlyList<SignupQuestion> stored, CancellationToken ct)
    {
        var errors = new ValidationErrors(Messages);
        var slug = input.Slug?.Trim();
        if (string.IsNullOrEmpty(slug))
        {
            errors.Add(nameof(input.Slug), "Required");
        }
        else if (!SignupForm.IsValidSlug(slug))
        {
            errors.Add(nameof(input.Slug), "SlugFormat", SignupForm.SlugMin, SignupForm.SlugMax);
        }
        else if (await db.Set<SignupForm>().AnyAsync(f => f.Slug == slug && f.Id != id, ct))
        {
            errors.Add(nameof(input.Slug), "SlugTaken");
        }
        errors.Required(nameof(input.Title), input.Title, SignupForm.TitleMax);
        errors.MaxLength(nameof(input.Intro), Text.Clean(input.Intro), SignupForm.IntroMax);
        if (input.OpensAt is { } opens && input.ClosesAt is { } closes && closes <= opens)
        {
            errors.Add(nameof(input.ClosesAt), "ClosesNotAfterOpens", errors.Label(nameof(input.OpensAt)));
        }
        if (input.Capacity is { } capacity)
        {
            errors.Range(nameof(input.Capacity), capacity, 1, SignupForm.MaxCapacity);
        }
        if (!Enum.IsDefined(input.AskPhone))
        {
            errors.Add(nameof(input.AskPhone), "Invalid");
        }
        if (input.LiveCodeId is { } liveCodeId && !await db.Set<LiveCode>().AnyAsync(l => l.Id == liveCodeId, ct))
        {
            errors.Add(nameof(input.LiveCodeId), "NotFound");
        }
        var questions = SignupQuestions.Clean(input.Questions ?? [], stored, errors);
        errors.ThrowIfAny();
        return questions;
    }
}
