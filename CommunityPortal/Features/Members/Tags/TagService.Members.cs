using CommunityPortal.Data;
using CommunityPortal.Features.Members.List;
using Microsoft.EntityFrameworkCore;

namespace CommunityPortal.Features.Members.Tags;

/// <summary>Tags on members: one at a time, on a selection, or on every member of a filter; each call is one transaction.</summary>
public sealed partial class TagService
{
    /// <summary>Tags one member; false when the member had the tag already.</summary>
    public async Task<bool> AddToMemberAsync(int memberId, int tagId, MemberActor actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var tag = await RequireTagAsync(db, tagId, ct);
        await RequireMemberAsync(db, memberId, ct);
        var changed = await MemberTagging.AddAsync(db, [memberId], tag, actor, TagSource.Manual, DateTime.UtcNow, ct);
        await transaction.CommitAsync(ct);
        return changed > 0;
    }

    /// <summary>Untags one member; false when the member did not have the tag.</summary>
    public async Task<bool> RemoveFromMemberAsync(int memberId, int tagId, MemberActor actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var tag = await RequireTagAsync(db, tagId, ct);
        await RequireMemberAsync(db, memberId, ct);
        var changed = await MemberTagging.RemoveAsync(db, [memberId], tag, actor, DateTime.UtcNow, ct);
        await transaction.CommitAsync(ct);
        return changed > 0;
    }

    /// <summary>Adds the tags to the selected members (ids of members that no longer exist are skipped). One unit: all or nothing.</summary>
    public Task<BulkTagResult> BulkAddAsync(IReadOnlyCollection<int> memberIds, IReadOnlyCollection<int> tagIds, MemberActor actor, CancellationToken ct = default) =>
        BulkAsync(_ => Task.FromResult<IReadOnlyList<int>>(RequireSelection(memberIds)), tagIds, actor, add: true, ct);

    public Task<BulkTagResult> BulkRemoveAsync(IReadOnlyCollection<int> memberIds, IReadOnlyCollection<int> tagIds, MemberActor actor, CancellationToken ct = default) =>
        BulkAsync(_ => Task.FromResult<IReadOnlyList<int>>(RequireSelection(memberIds)), tagIds, actor, add: false, ct);

    /// <summary>Adds the tags to every member matching the filter at this moment. One unit: all or nothing.</summary>
    public Task<BulkTagResult> BulkAddByFilterAsync(MemberFilter filter, IReadOnlyCollection<int> tagIds, MemberActor actor, CancellationToken ct = default) =>
        BulkAsync(db => MatchingAsync(db, filter, ct), tagIds, actor, add: true, ct);

    public Task<BulkTagResult> BulkRemoveByFilterAsync(MemberFilter filter, IReadOnlyCollection<int> tagIds, MemberActor actor, CancellationToken ct = default) =>
        BulkAsync(db => MatchingAsync(db, filter, ct), tagIds, actor, add: false, ct);

    private async Task<BulkTagResult> BulkAsync(Func<PortalDbContext, Task<IReadOnlyList<int>>> members, IReadOnlyCollection<int> tagIds,
        MemberActor actor, bool add, CancellationToken ct)
    {
        if (tagIds.Count == 0)
        {
            var errors = new ValidationErrors(Messages);
            errors.Add("TagIds", "Required");
            errors.ThrowIfAny();
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var tags = new List<(int Id, string Name)>();
        foreach (var tagId in tagIds.Distinct())
        {
            tags.Add(await RequireTagAsync(db, tagId, ct));
        }
        var ids = await members(db);
        var at = DateTime.UtcNow;
        var changed = 0;
        foreach (var chunk in ids.Chunk(MemberTagging.ChunkSize))
        {
            foreach (var tag in tags)
            {
                changed += add
                    ? await MemberTagging.AddAsync(db, chunk, tag, actor, TagSource.Bulk, at, ct)
                    : await MemberTagging.RemoveAsync(db, chunk, tag, actor, at, ct);
            }
        }
        await transaction.CommitAsync(ct);
        return new BulkTagResult(ids.Count, changed);
    }

    private async Task<IReadOnlyList<int>> MatchingAsync(PortalDbContext db, MemberFilter filter, CancellationToken ct) =>
        await MemberFilters.Apply(db, db.Set<Member>().AsNoTracking(), filter, participants).OrderBy(m => m.Id).Select(m => m.Id).ToListAsync(ct);

    private IReadOnlyList<int> RequireSelection(IReadOnlyCollection<int> memberIds)
    {
        if (memberIds.Count == 0)
        {
            var errors = new ValidationErrors(Messages);
            errors.Add("MemberIds", "Required");
            errors.ThrowIfAny();
        }
        return memberIds.Distinct().ToList();
    }

    private async Task<(int Id, string Name)> RequireTagAsync(PortalDbContext db, int tagId, CancellationToken ct)
    {
        var tag = await db.Set<Tag>().Where(t => t.Id == tagId).Select(t => new { t.Id, t.Name }).FirstOrDefaultAsync(ct);
        if (tag is null)
        {
            var errors = new ValidationErrors(Messages);
            errors.Add("TagIds", "NotFound");
            errors.ThrowIfAny();
        }
        return (tag!.Id, tag.Name);
    }

    private async Task RequireMemberAsync(PortalDbContext db, int memberId, CancellationToken ct)
    {
        if (!await db.Set<Member>().AnyAsync(m => m.Id == memberId, ct))
        {
            throw new NotFoundException(text["MemberNotFound"]);
        }
    }
}
