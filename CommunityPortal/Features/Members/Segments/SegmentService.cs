using CommunityPortal.Infrastructure.Validation;
using CommunityPortal.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

using CommunityPortal.Features.Members.List;
namespace CommunityPortal.Features.Members.Segments;

/// <summary>Saved member-list filters (分群): save, rename, delete, list, and how many members each matches now.</summary>
public sealed class SegmentService(
    IDbContextFactory<PortalDbContext> dbFactory,
    IStringLocalizer<MemberListText> text,
    IStringLocalizer<ValidationText> validationText,
    IActivityParticipants participants)
{
    private IStringLocalizer<ValidationText> Messages => new FeatureValidationText<MemberListText>(validationText, text);

    /// <summary>Every segment, by name.</summary>
    public async Task<IReadOnlyList<SegmentDto>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Set<MemberSegment>().AsNoTracking()
            .Select(s => new { s.Id, s.Name, s.FilterJson, s.CreatedByName, s.CreatedAt, s.Version })
            .ToListAsync(ct);
        return [.. rows.OrderBy(s => s.Name, StringComparer.CurrentCulture)
            .Select(s => new SegmentDto(s.Id, s.Name, SegmentFilterJson.Read(s.FilterJson), s.CreatedByName, s.CreatedAt, s.Version))];
    }

    public async Task<SegmentDto> GetAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var s = await db.Set<MemberSegment>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct) ?? throw NotFound();
        return new SegmentDto(s.Id, s.Name, SegmentFilterJson.Read(s.FilterJson), s.CreatedByName, s.CreatedAt, s.Version);
    }

    /// <summary>Saves the filter under a new name (paging and sort of a query are not part of it).</summary>
    public async Task<SegmentDto> SaveAsync(SegmentInput input, MemberFilter filter, MemberActor actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var name = await ValidateAsync(db, input, null, ct);
        var json = SegmentFilterJson.Write(filter);
        if (json.Length > MemberSegment.FilterMax)
        {
            var errors = new ValidationErrors(Messages);
            errors.Add("Filter", "FilterTooLong");
            errors.ThrowIfAny();
        }
        var segment = new MemberSegment { Name = name, FilterJson = json, CreatedById = actor.StoredId, CreatedByName = actor.StoredName };
        db.Add(segment);
        await db.SaveAsync(text["Segment.Conflict"], nameof(input.Name), NameTaken, ct);
        return await GetAsync(segment.Id, ct);
    }

    public async Task<SegmentDto> RenameAsync(int id, SegmentInput input, int expectedVersion, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var segment = await db.Set<MemberSegment>().FirstOrDefaultAsync(s => s.Id == id, ct) ?? throw NotFound();
        var name = await ValidateAsync(db, input, id, ct);
        db.ExpectVersion(segment, expectedVersion, text["Segment.Conflict"]);
        segment.Name = name;
        await db.SaveAsync(text["Segment.Conflict"], nameof(input.Name), NameTaken, ct);
        return await GetAsync(id, ct);
    }

    /// <summary>Deletes the saved filter only (pages confirm first); its members and their tags stay as they are.</summary>
    public async Task DeleteAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.Set<MemberSegment>().Where(s => s.Id == id).ExecuteDeleteAsync(ct) == 0)
        {
            throw NotFound();
        }
    }

    /// <summary>How many members match the segment's filter at this moment.</summary>
    public async Task<int> CountAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var json = await db.Set<MemberSegment>().Where(s => s.Id == id).Select(s => s.FilterJson).FirstOrDefaultAsync(ct) ?? throw NotFound();
        return await MemberFilters.Apply(db, db.Set<Member>().AsNoTracking(), SegmentFilterJson.Read(json), participants).CountAsync(ct);
    }

    private async Task<string> ValidateAsync(PortalDbContext db, SegmentInput input, int? id, CancellationToken ct)
    {
        var errors = new ValidationErrors(Messages);
        var name = Text.Clean(input.Name);
        errors.Required(nameof(input.Name), name, MemberSegment.NameMax);
        if (!errors.HasErrors && await db.Set<MemberSegment>().AnyAsync(s => s.Name == name && s.Id != id, ct))
        {
            errors.Add(nameof(input.Name), "Segment.NameTaken");
        }
        errors.ThrowIfAny();
        return name!;
    }

    private string NameTaken() => Messages["Segment.NameTaken", Messages["Field.Name"]];

    private NotFoundException NotFound() => new(text["Segment.NotFound"]);
}
