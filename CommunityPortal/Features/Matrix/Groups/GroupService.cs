using CommunityPortal.Infrastructure.Validation;
using CommunityPortal.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Localization;

namespace CommunityPortal.Features.Matrix.Groups;

/// <summary>Creates and changes groups. Reads for lists are in GroupQueryService.</summary>
public sealed class GroupService(
    IDbContextFactory<PortalDbContext> dbFactory,
    IStringLocalizer<MatrixText> text,
    IStringLocalizer<ValidationText> validationText,
    IGroupMembershipRecords membershipRecords)
{
    public async Task<GroupDto> GetAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await GroupProjection.Project(db.Set<Group>().AsNoTracking().Where(g => g.Id == id)).FirstOrDefaultAsync(ct)
            ?? throw NotFound();
    }

    /// <summary>
    /// True once the group has membership records (<see cref="IGroupMembershipRecords"/>): its member count then follows
    /// them, and <see cref="UpdateAsync"/> keeps that count whatever the input says.
    /// </summary>
    public async Task<bool> MemberCountFollowsRecordsAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await membershipRecords.ExistAsync(db, id, ct);
    }

    public async Task<GroupDto> CreateAsync(GroupInput input, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await BeginCheckAndWriteAsync(db, ct);
        var ownerId = await ValidateAsync(db, input, null, input.MemberCount, false, ct);
        var group = new Group();
        Apply(group, input, ownerId, input.MemberCount);
        db.Add(group);
        await db.SaveAsync(text["Conflict"], nameof(input.Name), NameTaken, ct);
        group.Raise(new GroupCreated(group.Id, group.ActivityId, group.Tier, group.Capacity, group.MemberCount));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return await GetAsync(group.Id, ct);
    }

    public async Task<GroupDto> UpdateAsync(int id, GroupInput input, int expectedVersion, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await BeginCheckAndWriteAsync(db, ct);
        var group = await db.Set<Group>().FirstOrDefaultAsync(g => g.Id == id, ct) ?? throw NotFound();
        // Once joins and leaves are recorded they alone move the count: a typed one (form or API) is ignored.
        var followsRecords = await membershipRecords.ExistAsync(db, id, ct);
        var memberCount = followsRecords ? group.MemberCount : input.MemberCount;
        var ownerId = await ValidateAsync(db, input, id, memberCount, followsRecords, ct);
        db.ExpectVersion(group, expectedVersion, text["GroupConflict"]);
        var (oldCount, oldStatus) = (group.MemberCount, group.Status);
        Apply(group, input, ownerId, memberCount);
        group.Raise(new GroupUpdated(id));
        if (oldCount != group.MemberCount)
        {
            group.Raise(new GroupMemberCountChanged(id, group.ActivityId, oldCount, group.MemberCount));
        }
        if (oldStatus != group.Status)
        {
            group.Raise(new GroupStatusChanged(id, oldStatus, group.Status));
        }
        await db.SaveAsync(text["GroupConflict"], nameof(input.Name), NameTaken, ct);
        await transaction.CommitAsync(ct);
        return await GetAsync(id, ct);
    }

    /// <summary>
    /// Sets the member count inside the caller's unit of work: Features/Members makes a group's count follow its
    /// membership records, and the records and the count commit together. GroupMemberCountChanged is published after
    /// that commit, so live-code routing hears it as it hears an edit. The version moves (an open edit form then gets a
    /// conflict instead of writing an old count back), and a concurrent change of the group fails the caller's save.
    /// </summary>
    public async Task SetMemberCountAsync(PortalDbContext db, int id, int count, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var group = await db.Set<Group>().FirstOrDefaultAsync(g => g.Id == id, ct) ?? throw NotFound();
        if (group.MemberCount == count)
        {
            return;
        }
        group.Raise(new GroupMemberCountChanged(id, group.ActivityId, group.MemberCount, count));
        group.MemberCount = count;
        if (count > 0 && group.OpenedAt is null)
        {
            group.OpenedAt = DateTime.UtcNow;
        }
        await db.SaveChangesAsync(ct);
    }

    public async Task ArchiveAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var group = await db.Set<Group>().FirstOrDefaultAsync(g => g.Id == id, ct) ?? throw NotFound();
        if (group.Status == GroupStatus.Archived)
        {
            return;
        }
        group.Raise(new GroupStatusChanged(id, group.Status, GroupStatus.Archived));
        group.Status = GroupStatus.Archived;
        await db.SaveAsync(text["GroupConflict"], null, null, ct);
    }

    /// <summary>Only a group that never had members and never opened can be deleted; others are archived.</summary>
    public async Task DeleteAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var group = await db.Set<Group>().FirstOrDefaultAsync(g => g.Id == id, ct) ?? throw NotFound();
        if (!group.CanBeDeleted())
        {
            throw new ConflictException(text["GroupNotEmpty"]);
        }
        db.Remove(group);
        group.Raise(new GroupDeleted(id, group.ActivityId));
        await db.SaveAsync(text["GroupConflict"], null, null, ct);
    }

    /// <summary>
    /// The unique index cannot see two standalone groups with one name (their NULL activity ids differ), so the name
    /// check and the write must not let another writer in between: on SQLite this transaction starts with
    /// BEGIN IMMEDIATE, which holds the write lock from the check to the commit. Events are published at the commit.
    /// </summary>
    private static Task<IDbContextTransaction> BeginCheckAndWriteAsync(PortalDbContext db, CancellationToken ct) =>
        db.Database.BeginTransactionAsync(ct);

    private static void Apply(Group group, GroupInput input, string? ownerId, int memberCount)
    {
        group.ActivityId = input.ActivityId;
        group.Name = input.Name.Trim();
        group.Tier = input.Tier;
        group.Lifetime = input.Lifetime;
        group.OwnerId = ownerId;
        group.Capacity = input.Capacity;
        group.MemberCount = memberCount;
        if (group.OpenedAt is null && (input.Status is GroupStatus.Open or GroupStatus.Full || memberCount > 0))
        {
            group.OpenedAt = DateTime.UtcNow;
        }
        group.Status = input.Status;
        group.Rules = CleanList(input.Rules);
        group.Announcement = Text.Clean(input.Announcement);
        group.WelcomeMessage = Text.Clean(input.WelcomeMessage);
        group.Labels = CleanList(input.Labels).Distinct(StringComparer.Ordinal).ToList();
    }

    private static List<string> CleanList(IEnumerable<string>? values) =>
        (values ?? []).Select(Text.Clean).OfType<string>().ToList();

    /// <summary>
    /// Validates the input and returns the owner's user id (null when no owner is given). <paramref name="memberCount"/>
    /// is the count the group will have: the typed one, or the records' one when <paramref name="followsRecords"/>,
    /// which the capacity must then hold.
    /// </summary>
    private async Task<string?> ValidateAsync(PortalDbContext db, GroupInput input, int? id, int memberCount, bool followsRecords, CancellationToken ct)
    {
        var errors = new ValidationErrors(validationText);
        errors.Required(nameof(input.Name), input.Name, Group.NameMax);
        var minCapacity = followsRecords ? Math.Clamp(memberCount, Group.MinCapacity, Group.MaxCapacity) : Group.MinCapacity;
        errors.Range(nameof(input.Capacity), input.Capacity, minCapacity, Group.MaxCapacity);
        if (!followsRecords && (memberCount < 0 || memberCount > input.Capacity))
        {
            errors.Add(nameof(input.MemberCount), "Range", 0, Math.Max(0, input.Capacity));
        }
        if (!Enum.IsDefined(input.Tier))
        {
            errors.Add(nameof(input.Tier), "Invalid");
        }
        if (!Enum.IsDefined(input.Lifetime))
        {
            errors.Add(nameof(input.Lifetime), "Invalid");
        }
        if (!Enum.IsDefined(input.Status))
        {
            errors.Add(nameof(input.Status), "Invalid");
        }
        var rules = CleanList(input.Rules);
        if (rules.Count > Group.MaxRules)
        {
            errors.Add(nameof(input.Rules), "TooMany", Group.MaxRules);
        }
        if (rules.Any(r => r.Length > Group.RuleMax))
        {
            errors.Add(nameof(input.Rules), "ItemMaxLength", Group.RuleMax);
        }
        var labels = CleanList(input.Labels);
        if (labels.Count > Group.MaxLabels)
        {
            errors.Add(nameof(input.Labels), "TooMany", Group.MaxLabels);
        }
        if (labels.Any(l => l.Length > Group.LabelMax))
        {
            errors.Add(nameof(input.Labels), "ItemMaxLength", Group.LabelMax);
        }
        errors.MaxLength(nameof(input.Announcement), input.Announcement, Group.AnnouncementMax);
        errors.MaxLength(nameof(input.WelcomeMessage), input.WelcomeMessage, Group.WelcomeMessageMax);

        if (input.ActivityId is { } activityId && !await db.Set<Activity>().AnyAsync(a => a.Id == activityId, ct))
        {
            errors.Add(nameof(input.ActivityId), "NotFound");
        }

        string? ownerId = null;
        if (Text.Clean(input.OwnerEmail) is { } email)
        {
            var normalized = email.ToUpperInvariant();
            ownerId = await db.Users.Where(u => u.NormalizedEmail == normalized).Select(u => u.Id).FirstOrDefaultAsync(ct);
            if (ownerId is null)
            {
                errors.Add(nameof(input.OwnerEmail), "UnknownUser");
            }
        }

        if (!errors.HasErrors)
        {
            var name = input.Name.Trim();
            if (await db.Set<Group>().AnyAsync(g => g.ActivityId == input.ActivityId && g.Name == name && g.Id != id, ct))
            {
                errors.Add(nameof(input.Name), "UniqueInParent");
            }
        }
        errors.ThrowIfAny();
        return ownerId;
    }

    private string NameTaken() => validationText["UniqueInParent", validationText["Field.Name"]];

    private NotFoundException NotFound() => new(text["GroupNotFound"]);
}
