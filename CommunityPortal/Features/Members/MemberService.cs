using CommunityPortal.Infrastructure.Validation;
using CommunityPortal.Data;
using CommunityPortal.Features.LiveCodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

using CommunityPortal.Features.Members.List;
using CommunityPortal.Features.Members.Tags;
namespace CommunityPortal.Features.Members;

/// <summary>Creates and changes members, blacklists them and lifts it. Lists are in MemberQueryService.</summary>
public sealed class MemberService(
    IDbContextFactory<PortalDbContext> dbFactory,
    AutoTags autoTags,
    IStringLocalizer<MemberText> text,
    IStringLocalizer<ValidationText> validationText)
{
    private IStringLocalizer<ValidationText> Messages => new FeatureValidationText<MemberText>(validationText, text);

    public async Task<MemberHeader> GetAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await HeaderAsync(db, db.Set<Member>().Where(m => m.Id == id), ct) ?? throw NotFound();
    }

    public async Task<MemberHeader> GetByNumberAsync(int memberNo, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await HeaderAsync(db, db.Set<Member>().Where(m => m.MemberNo == memberNo), ct) ?? throw NotFound();
    }

    /// <summary>The member with this UnionID, else the one with this phone (in any format), else null: how sign-up and import find people.</summary>
    public async Task<MemberHeader?> FindAsync(string? unionId, string? phone, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (Text.Clean(unionId) is { } union && await HeaderAsync(db, db.Set<Member>().Where(m => m.UnionId == union), ct) is { } byUnion)
        {
            return byUnion;
        }
        return MemberRules.NormalizePhone(phone) is { } normalized
            ? await HeaderAsync(db, db.Set<Member>().Where(m => m.Phone == normalized), ct)
            : null;
    }

    /// <summary>Creates a member with the next MemberNo, as a newcomer (C) unless told otherwise, tagged with its first channel.</summary>
    public async Task<MemberHeader> CreateAsync(MemberInput input, MemberActor actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // On SQLite this is BEGIN IMMEDIATE: the uniqueness checks, the number and the insert see no other writer.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var member = await CreateInAsync(db, input, actor, ct);
        await transaction.CommitAsync(ct);
        return await GetAsync(member.Id, ct);
    }

    /// <summary>Creates a member inside the caller's transaction (sign-up and CSV import build on this).</summary>
    internal async Task<Member> CreateInAsync(PortalDbContext db, MemberInput input, MemberActor actor, CancellationToken ct)
    {
        var clean = await ValidateAsync(db, input, null, ct);
        var member = new Member
        {
            MemberNo = await MemberNumbers.ReserveAsync(db, 1, ct), CreatedById = actor.StoredId, CreatedByName = actor.StoredName,
        };
        Apply(member, clean);
        db.Add(member);
        await SaveAsync(db, ct);
        if (member.FirstChannelId is { } channelId)
        {
            await autoTags.TagChannelAsync(db, member.Id, channelId, member.CreatedAt, ct);
        }
        member.Raise(new MemberCreated(member.Id, member.MemberNo, member.FirstChannelId));
        await db.SaveChangesAsync(ct);
        return member;
    }

    public async Task<MemberHeader> UpdateAsync(int id, MemberInput input, int expectedVersion, MemberActor actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var member = await db.Set<Member>().FirstOrDefaultAsync(m => m.Id == id, ct) ?? throw NotFound();
        var clean = await ValidateAsync(db, input, id, ct);
        db.ExpectVersion(member, expectedVersion, text["MemberConflict"]);
        var (oldLevel, oldChannel) = (member.GrowthLevel, member.FirstChannelId);
        Apply(member, clean);
        var now = DateTime.UtcNow;
        if (oldLevel != member.GrowthLevel)
        {
            db.Add(Event(id, MemberEventKind.GrowthChanged, actor, now, $"{oldLevel}→{member.GrowthLevel}"));
        }
        if (oldChannel != member.FirstChannelId)
        {
            // The first channel is part of the member's facts (the indices count members by it).
            member.Raise(new MemberFactsChanged([id]));
        }
        await SaveAsync(db, ct);
        if (member.FirstChannelId is { } channelId && channelId != oldChannel)
        {
            await autoTags.TagChannelAsync(db, id, channelId, now, ct);
        }
        await transaction.CommitAsync(ct);
        return await GetAsync(id, ct);
    }

    /// <summary>拉黑: the member can no longer sign up; the reason, who and when are kept and put on the timeline.</summary>
    public async Task<MemberHeader> BlacklistAsync(int id, string? reason, MemberActor actor, CancellationToken ct = default)
    {
        var errors = new ValidationErrors(Messages);
        errors.Required("BlacklistReason", reason, Member.BlacklistReasonMax);
        errors.ThrowIfAny();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var member = await db.Set<Member>().FirstOrDefaultAsync(m => m.Id == id, ct) ?? throw NotFound();
        if (member.IsBlacklisted)
        {
            throw new ConflictException(text["AlreadyBlacklisted", member.MemberNo]);
        }
        var now = DateTime.UtcNow;
        member.Status = MemberStatus.Blacklisted;
        member.BlacklistReason = reason!.Trim();
        member.BlacklistedById = actor.StoredId;
        member.BlacklistedByName = actor.StoredName;
        member.BlacklistedAt = now;
        member.Raise(new MemberStatusChanged(id, MemberStatus.Active, MemberStatus.Blacklisted));
        db.Add(Event(id, MemberEventKind.Blacklisted, actor, now, member.BlacklistReason));
        await db.SaveAsync(text["MemberConflict"], null, null, ct);
        return await GetAsync(id, ct);
    }

    /// <summary>解除拉黑: recorded on the timeline too, with an optional note; the earlier reason stays on its own entry.</summary>
    public async Task<MemberHeader> LiftBlacklistAsync(int id, string? note, MemberActor actor, CancellationToken ct = default)
    {
        var errors = new ValidationErrors(Messages);
        errors.MaxLength("LiftNote", Text.Clean(note), Member.BlacklistReasonMax);
        errors.ThrowIfAny();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var member = await db.Set<Member>().FirstOrDefaultAsync(m => m.Id == id, ct) ?? throw NotFound();
        if (!member.IsBlacklisted)
        {
            throw new ConflictException(text["NotBlacklisted", member.MemberNo]);
        }
        member.Status = MemberStatus.Active;
        member.BlacklistReason = null;
        member.BlacklistedById = null;
        member.BlacklistedByName = null;
        member.BlacklistedAt = null;
        member.Raise(new MemberStatusChanged(id, MemberStatus.Blacklisted, MemberStatus.Active));
        db.Add(Event(id, MemberEventKind.BlacklistLifted, actor, DateTime.UtcNow, Text.Clean(note)));
        await db.SaveAsync(text["MemberConflict"], null, null, ct);
        return await GetAsync(id, ct);
    }

    /// <summary>Deletes the member and everything on their timeline. The MemberNo is never given again.</summary>
    public async Task DeleteAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var member = await db.Set<Member>().FirstOrDefaultAsync(m => m.Id == id, ct) ?? throw NotFound();
        if (await db.Set<GroupMembership>().AnyAsync(m => m.MemberId == id && m.LeftAt == null, ct))
        {
            // The groups' member counts follow the records: leaving first keeps them right.
            throw new ConflictException(text["MemberStillInGroups", member.MemberNo]);
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Scans stay (they are the live codes' facts) but no longer name the member.
        await db.Set<Scan>().Where(s => s.MemberId == id).ExecuteUpdateAsync(s => s.SetProperty(x => x.MemberId, (int?)null), ct);
        db.Remove(member);
        member.Raise(new MemberDeleted(id, member.MemberNo));
        await db.SaveAsync(text["MemberConflict"], null, null, ct);
        await transaction.CommitAsync(ct);
    }

    private static MemberEvent Event(int memberId, MemberEventKind kind, MemberActor actor, DateTime at, string? detail) => new()
    {
        MemberId = memberId, Kind = kind, At = at, RecordedAt = DateTime.UtcNow, ActorId = actor.StoredId, ActorName = actor.StoredName,
        Detail = detail,
    };

    private static async Task<MemberHeader?> HeaderAsync(PortalDbContext db, IQueryable<Member> members, CancellationToken ct)
    {
        var header = await members.AsNoTracking()
            .Select(m => new MemberHeader(
                m.Id, m.MemberNo, m.UnionId, m.Nickname, m.RemarkName, m.Phone, m.Gender, m.Region, m.FirstChannelId,
                db.Set<Channel>().Where(c => c.Id == m.FirstChannelId).Select(c => c.Name).FirstOrDefault(),
                m.GrowthLevel, m.Status, m.BlacklistReason, m.BlacklistedByName, m.BlacklistedAt, m.CreatedAt, Array.Empty<TagChip>(), m.Version))
            .FirstOrDefaultAsync(ct);
        if (header is null)
        {
            return null;
        }
        var tags = await MemberTagChips.ForAsync(db, [header.Id], ct);
        return header with { Tags = tags.GetValueOrDefault(header.Id, []) };
    }

    private sealed record CleanInput(string Nickname, string? RemarkName, string? Phone, string? UnionId, Gender Gender, string? Region,
        int? FirstChannelId, GrowthLevel GrowthLevel);

    private static void Apply(Member member, CleanInput input)
    {
        member.Nickname = input.Nickname;
        member.RemarkName = input.RemarkName;
        member.Phone = input.Phone;
        member.UnionId = input.UnionId;
        member.Gender = input.Gender;
        member.Region = input.Region;
        member.FirstChannelId = input.FirstChannelId;
        member.GrowthLevel = input.GrowthLevel;
    }

    private async Task<CleanInput> ValidateAsync(PortalDbContext db, MemberInput input, int? id, CancellationToken ct)
    {
        var errors = new ValidationErrors(Messages);
        var nickname = Text.Clean(input.Nickname);
        errors.Required(nameof(input.Nickname), nickname, Member.NicknameMax);
        var remarkName = Text.Clean(input.RemarkName);
        errors.MaxLength(nameof(input.RemarkName), remarkName, Member.RemarkNameMax);
        var region = Text.Clean(input.Region);
        errors.MaxLength(nameof(input.Region), region, Member.RegionMax);
        var phone = MemberRules.NormalizePhone(input.Phone);
        if (phone is null && Text.Clean(input.Phone) is not null)
        {
            errors.Add(nameof(input.Phone), "PhoneFormat");
        }
        var unionId = Text.Clean(input.UnionId);
        if (unionId is not null && !MemberRules.IsUnionId(unionId))
        {
            errors.Add(nameof(input.UnionId), "UnionIdFormat", MemberRules.UnionIdMin, MemberRules.UnionIdMax);
        }
        if (!Enum.IsDefined(input.Gender))
        {
            errors.Add(nameof(input.Gender), "Invalid");
        }
        if (!Enum.IsDefined(input.GrowthLevel))
        {
            errors.Add(nameof(input.GrowthLevel), "Invalid");
        }
        if (input.FirstChannelId is { } channelId && !await db.Set<Channel>().AnyAsync(c => c.Id == channelId, ct))
        {
            errors.Add(nameof(input.FirstChannelId), "NotFound");
        }
        var wellFormed = !errors.HasErrors;
        if (unionId is not null && wellFormed
            && await db.Set<Member>().Where(m => m.UnionId == unionId && m.Id != id).Select(m => (int?)m.MemberNo).FirstOrDefaultAsync(ct) is { } unionOwner)
        {
            errors.Add(nameof(input.UnionId), "TakenByMember", unionOwner);
        }
        if (phone is not null && wellFormed
            && await db.Set<Member>().Where(m => m.Phone == phone && m.Id != id).Select(m => (int?)m.MemberNo).FirstOrDefaultAsync(ct) is { } phoneOwner)
        {
            errors.Add(nameof(input.Phone), "TakenByMember", phoneOwner);
        }
        errors.ThrowIfAny();
        return new CleanInput(nickname!, remarkName, phone, unionId, input.Gender, region, input.FirstChannelId, input.GrowthLevel);
    }

    /// <summary>Saves; a unique-index race (possible on PostgreSQL, where the checks above do not lock) names its field.</summary>
    private async Task SaveAsync(PortalDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveAsync(text["MemberConflict"], null, null, ct);
        }
        catch (DbUpdateException ex) when (ex.InnerException?.Message is { } message
            && (message.Contains("UNIQUE", StringComparison.OrdinalIgnoreCase) || message.Contains("duplicate key", StringComparison.OrdinalIgnoreCase)))
        {
            var field = message.Contains(nameof(Member.UnionId), StringComparison.Ordinal) ? nameof(MemberInput.UnionId)
                : message.Contains(nameof(Member.Phone), StringComparison.Ordinal) ? nameof(MemberInput.Phone)
                : throw new ConcurrencyConflictException(text["MemberConflict"]);
            var errors = new ValidationErrors(Messages);
            errors.Add(field, "Taken");
            errors.ThrowIfAny();
        }
    }

    private NotFoundException NotFound() => new(text["MemberNotFound"]);
}
