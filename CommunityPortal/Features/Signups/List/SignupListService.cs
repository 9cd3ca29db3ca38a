using CommunityPortal.Infrastructure.Domain;
using CommunityPortal.Infrastructure.Validation;
using CommunityPortal.Data;
using CommunityPortal.Features.LiveCodes;
using CommunityPortal.Features.Members;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CommunityPortal.Features.Signups.List;

/// <summary>An activity's sign-ups for operators: the paged list with its counts, and check-in / completion marks.</summary>
public sealed class SignupListService(IDbContextFactory<PortalDbContext> dbFactory, IStringLocalizer<SignupText> text)
{
    /// <summary>Newest first.</summary>
    public async Task<PagedResult<SignupRow>> ListAsync(int activityId, SignupQuery query, CancellationToken ct = default)
    {
        var take = Math.Clamp(query.Take, 1, SignupQuery.MaxTake);
        var skip = Math.Max(0, query.Skip);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var signups = Search(db, db.Set<ActivitySignup>().AsNoTracking().Where(s => s.ActivityId == activityId), query.Search);
        var total = await signups.CountAsync(ct);
        var rows = await RowsAsync(db, signups.OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Id).Skip(skip).Take(take), ct);
        return new PagedResult<SignupRow>(rows, total, skip, take);
    }

    public async Task<SignupRow> GetAsync(int activityId, int signupId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await RowsAsync(db, db.Set<ActivitySignup>().AsNoTracking().Where(s => s.Id == signupId && s.ActivityId == activityId), ct);
        return rows.Count == 1 ? rows[0] : throw NotFound();
    }

    public async Task<SignupCounts> CountAsync(int activityId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var signups = db.Set<ActivitySignup>().AsNoTracking().Where(s => s.ActivityId == activityId);
        var capacity = await db.Set<SignupForm>().AsNoTracking().Where(f => f.ActivityId == activityId)
            .Select(f => f.Capacity).FirstOrDefaultAsync(ct);
        return new SignupCounts(
            await signups.CountAsync(ct),
            await signups.CountAsync(s => s.CheckedInAt != null, ct),
            await signups.CountAsync(s => s.CompletedAt != null, ct),
            capacity);
    }

    /// <summary>Marks (or unmarks) that the person came (到场), recording who and when.</summary>
    public Task<SignupRow> SetCheckedInAsync(int activityId, int signupId, bool checkedIn, MemberActor actor, CancellationToken ct = default) =>
        MarkAsync(activityId, signupId, s =>
        {
            if (!checkedIn)
            {
                (s.CheckedInAt, s.CheckedInById, s.CheckedInByName) = (null, null, null);
            }
            else if (s.CheckedInAt is null)
            {
                (s.CheckedInAt, s.CheckedInById, s.CheckedInByName) = (DateTime.UtcNow, actor.StoredId, actor.StoredName);
            }
            s.Raise(new MemberFactsChanged([s.MemberId]));
        }, ct);

    /// <summary>Marks (or unmarks) that the person completed the activity (完成), recording who and when.</summary>
    public Task<SignupRow> SetCompletedAsync(int activityId, int signupId, bool completed, MemberActor actor, CancellationToken ct = default) =>
        MarkAsync(activityId, signupId, s =>
        {
            if (!completed)
            {
                (s.CompletedAt, s.CompletedById, s.CompletedByName) = (null, null, null);
            }
            else if (s.CompletedAt is null)
            {
                (s.CompletedAt, s.CompletedById, s.CompletedByName) = (DateTime.UtcNow, actor.StoredId, actor.StoredName);
            }
        }, ct);

    private async Task<SignupRow> MarkAsync(int activityId, int signupId, Action<ActivitySignup> change, CancellationToken ct)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var signup = await db.Set<ActivitySignup>().FirstOrDefaultAsync(s => s.Id == signupId && s.ActivityId == activityId, ct) ?? throw NotFound();
            change(signup);
            // A mark is set or cleared, never edited: setting it twice keeps the first who and when; the last click wins.
            await db.SaveAsync(text["SignupConflict"], null, null, ct);
        }
        return await GetAsync(activityId, signupId, ct);
    }

    /// <summary>A MemberNo or the last digits of a phone (4 or more), a whole phone number, or part of the name given.</summary>
    private static IQueryable<ActivitySignup> Search(PortalDbContext db, IQueryable<ActivitySignup> signups, string? search)
    {
        if (Text.Clean(search) is not { } term)
        {
            return signups;
        }
        if (MemberRules.NormalizePhone(term) is { } phone)
        {
            return signups.Where(s => s.Phone == phone);
        }
        if (term.All(char.IsAsciiDigit) && term.Length < MemberRules.PhoneLength)
        {
            var number = int.TryParse(term, out var parsed) ? parsed : -1;
            var numbered = db.Set<Member>().Where(m => m.MemberNo == number).Select(m => m.Id);
            return term.Length >= 4
                ? signups.Where(s => numbered.Contains(s.MemberId) || (s.Phone != null && s.Phone.EndsWith(term)))
                : signups.Where(s => numbered.Contains(s.MemberId) || s.Name.Contains(term));
        }
        return signups.Where(s => s.Name.Contains(term));
    }

    private static async Task<IReadOnlyList<SignupRow>> RowsAsync(PortalDbContext db, IQueryable<ActivitySignup> signups, CancellationToken ct)
    {
        var rows = await signups
            .Join(db.Set<Member>(), s => s.MemberId, m => m.Id, (s, m) => new
            {
                s.Id, s.ActivityId, s.MemberId, m.MemberNo, m.Status, s.Name, s.Phone, s.Answers,
                ChannelName = db.Set<Channel>().Where(c => c.Id == s.ChannelId).Select(c => c.Name).FirstOrDefault(),
                s.CreatedAt, s.CheckedInAt, s.CheckedInByName, s.CompletedAt, s.CompletedByName,
            })
            .ToListAsync(ct);
        // The page's rows in the list's order (a join after LIMIT keeps the set, not necessarily the order).
        return [.. rows.OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Id).Select(s => new SignupRow(s.Id, s.ActivityId, s.MemberId, s.MemberNo, s.Status == MemberStatus.Blacklisted, s.Name,
            MemberRules.MaskPhone(s.Phone), SignupJson.Answers(s.Answers), s.ChannelName, s.CreatedAt, s.CheckedInAt, s.CheckedInByName,
            s.CompletedAt, s.CompletedByName))];
    }

    private NotFoundException NotFound() => new(text["SignupNotFound"]);
}
