using CommunityPortal.Infrastructure.Time;
using CommunityPortal.Infrastructure.Validation;
using CommunityPortal.Data;
using CommunityPortal.Features.Matrix;
using CommunityPortal.Features.Matrix.Groups;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

using CommunityPortal.Features.Members.Tags;
namespace CommunityPortal.Features.Members.Memberships;

/// <summary>
/// Members joining and leaving groups (from the UI, CSV or the API). Once a group has membership records its member
/// count follows them: each join or leave sets Group.MemberCount to the number of open stays, through
/// <see cref="GroupService.SetMemberCountAsync"/>, in the same transaction as the record.
/// </summary>
public sealed class MembershipService(
    IDbContextFactory<PortalDbContext> dbFactory,
    GroupService groups,
    AutoTags autoTags,
    IStringLocalizer<MemberText> text,
    IStringLocalizer<ValidationText> validationText)
{
    /// <summary>A join or leave may be reported a little ahead of the server's clock, never more.</summary>
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    private const int Attempts = 3;

    private IStringLocalizer<ValidationText> Messages => new FeatureValidationText<MemberText>(validationText, text);

    /// <summary>The member's stays in groups, newest first; with <paramref name="includeLeft"/> false only the current ones.</summary>
    public async Task<IReadOnlyList<MembershipDto>> ListAsync(int memberId, bool includeLeft = true, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await (
                from m in db.Set<GroupMembership>().AsNoTracking()
                join g in db.Set<Group>() on m.GroupId equals g.Id
                where m.MemberId == memberId && (includeLeft || m.LeftAt == null)
                orderby m.JoinedAt descending, m.Id descending
                select new MembershipDto(m.Id, m.GroupId, g.Name, m.JoinedAt, m.LeftAt, m.Source))
            .ToListAsync(ct);
    }

    /// <summary>
    /// Records that the member joined the group (at <paramref name="at"/>, default now), tags them with the group and
    /// updates the group's member count. False when the member is in the group already.
    /// </summary>
    public Task<bool> JoinAsync(int memberId, int groupId, MembershipSource source, DateTime? at = null, CancellationToken ct = default) =>
        WithRetryAsync(db => JoinInAsync(db, memberId, groupId, source, at, ct), ct);

    /// <summary>
    /// <see cref="JoinAsync"/> inside the caller's transaction (the events API applies a batch in one). Validation
    /// errors are thrown before anything is written, so a caller may roll back to a savepoint and go on.
    /// </summary>
    internal async Task<bool> JoinInAsync(PortalDbContext db, int memberId, int groupId, MembershipSource source, DateTime? at, CancellationToken ct)
    {
        var when = await ValidateAsync(db, memberId, groupId, source, at, ct);
        if (await db.Set<GroupMembership>().AnyAsync(m => m.MemberId == memberId && m.GroupId == groupId && m.LeftAt == null, ct))
        {
            return false;
        }
        var capacity = await db.Set<Group>().Where(g => g.Id == groupId).Select(g => g.Capacity).FirstAsync(ct);
        var count = await OpenCountAsync(db, groupId, ct) + 1;
        if (count > capacity)
        {
            var errors = new ValidationErrors(Messages);
            errors.Add("GroupId", "GroupFull", capacity);
            errors.ThrowIfAny();
        }
        db.Add(new GroupMembership { MemberId = memberId, GroupId = groupId, JoinedAt = when, Source = source });
        var member = await db.Set<Member>().FirstAsync(m => m.Id == memberId, ct);
        member.Raise(new MemberJoinedGroup(memberId, groupId, when));
        await db.SaveChangesAsync(ct);
        await groups.SetMemberCountAsync(db, groupId, count, ct);
        await autoTags.TagGroupAsync(db, memberId, groupId, when, ct);
        return true;
    }

    /// <summary>Records that the member left the group and updates its member count. False when the member was not in it.</summary>
    public Task<bool> LeaveAsync(int memberId, int groupId, MembershipSource source, DateTime? at = null, CancellationToken ct = default) =>
        WithRetryAsync(db => LeaveInAsync(db, memberId, groupId, source, at, ct), ct);

    /// <summary><see cref="LeaveAsync"/> inside the caller's transaction; validation errors come before any write.</summary>
    internal async Task<bool> LeaveInAsync(PortalDbContext db, int memberId, int groupId, MembershipSource source, DateTime? at, CancellationToken ct)
    {
        var when = await ValidateAsync(db, memberId, groupId, source, at, ct);
        var stay = await db.Set<GroupMembership>().FirstOrDefaultAsync(m => m.MemberId == memberId && m.GroupId == groupId && m.LeftAt == null, ct);
        if (stay is null)
        {
            return false;
        }
        if (when < stay.JoinedAt)
        {
            var errors = new ValidationErrors(Messages);
            errors.Add("At", "LeftBeforeJoined");
            errors.ThrowIfAny();
        }
        stay.LeftAt = when;
        var member = await db.Set<Member>().FirstAsync(m => m.Id == memberId, ct);
        member.Raise(new MemberLeftGroup(memberId, groupId, when));
        await db.SaveChangesAsync(ct);
        await groups.SetMemberCountAsync(db, groupId, await OpenCountAsync(db, groupId, ct), ct);
        return true;
    }

    private static Task<int> OpenCountAsync(PortalDbContext db, int groupId, CancellationToken ct) =>
        db.Set<GroupMembership>().CountAsync(m => m.GroupId == groupId && m.LeftAt == null, ct);

    private async Task<DateTime> ValidateAsync(PortalDbContext db, int memberId, int groupId, MembershipSource source, DateTime? at, CancellationToken ct)
    {
        var errors = new ValidationErrors(Messages);
        var now = DateTime.UtcNow;
        var when = at is { } given ? PortalTime.ToUtc(given) : now;
        if (when > now + ClockSkew)
        {
            errors.Add("At", "InFuture");
        }
        if (!Enum.IsDefined(source))
        {
            errors.Add("Source", "Invalid");
        }
        if (!await db.Set<Member>().AnyAsync(m => m.Id == memberId, ct))
        {
            errors.Add("MemberId", "NotFound");
        }
        if (!await db.Set<Group>().AnyAsync(g => g.Id == groupId, ct))
        {
            errors.Add("GroupId", "NotFound");
        }
        errors.ThrowIfAny();
        return when;
    }

    /// <summary>
    /// One transaction per attempt. On SQLite writers queue (BEGIN IMMEDIATE) and the first attempt succeeds; on
    /// PostgreSQL two joins of one group may race on its count, and the group's version makes the later one start over.
    /// </summary>
    private async Task<bool> WithRetryAsync(Func<PortalDbContext, Task<bool>> work, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            try
            {
                var changed = await work(db);
                await transaction.CommitAsync(ct);
                return changed;
            }
            catch (DbUpdateException ex) when (attempt < Attempts && (ex is DbUpdateConcurrencyException || IsUniqueViolation(ex)))
            {
                await transaction.RollbackAsync(ct);
            }
            catch (DbUpdateException)
            {
                throw new ConcurrencyConflictException(text["MembershipConflict"]);
            }
        }
    }

    private static bool IsUniqueViolation(DbUpdateException ex) =>
        ex.InnerException?.Message.Contains("UNIQUE", StringComparison.OrdinalIgnoreCase) == true
        || ex.InnerException?.Message.Contains("duplicate key", StringComparison.OrdinalIgnoreCase) == true;
}
