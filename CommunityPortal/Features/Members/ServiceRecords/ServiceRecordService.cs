using CommunityPortal.Infrastructure.Validation;
using CommunityPortal.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CommunityPortal.Features.Members.ServiceRecords;

/// <summary>服务记录: notes colleagues share on a member. An edit keeps the earlier text as a revision.</summary>
public sealed class ServiceRecordService(
    IDbContextFactory<PortalDbContext> dbFactory,
    IStringLocalizer<MemberText> text,
    IStringLocalizer<ValidationText> validationText)
{
    private IStringLocalizer<ValidationText> Messages => new FeatureValidationText<MemberText>(validationText, text);

    /// <summary>A member's records, newest first.</summary>
    public async Task<IReadOnlyList<ServiceRecordDto>> ListAsync(int memberId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Project(db.Set<ServiceRecord>().Where(r => r.MemberId == memberId).OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id))
            .ToListAsync(ct);
    }

    public async Task<ServiceRecordDto> GetAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Project(db.Set<ServiceRecord>().Where(r => r.Id == id)).FirstOrDefaultAsync(ct) ?? throw NotFound();
    }

    /// <summary>The earlier texts of a record, newest first (the current text is the record's own).</summary>
    public async Task<IReadOnlyList<ServiceRecordRevisionDto>> HistoryAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Set<ServiceRecord>().AnyAsync(r => r.Id == id, ct))
        {
            throw NotFound();
        }
        return await db.Set<ServiceRecordRevision>().AsNoTracking().Where(v => v.ServiceRecordId == id)
            .OrderByDescending(v => v.ReplacedAt).ThenByDescending(v => v.Id)
            .Select(v => new ServiceRecordRevisionDto(v.Kind, v.Text, v.WrittenByName, v.WrittenAt, v.ReplacedAt))
            .ToListAsync(ct);
    }

    public async Task<ServiceRecordDto> AddAsync(int memberId, ServiceRecordInput input, MemberActor actor, CancellationToken ct = default)
    {
        var recordText = Validate(input);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Set<Member>().AnyAsync(m => m.Id == memberId, ct))
        {
            throw new NotFoundException(text["MemberNotFound"]);
        }
        var record = new ServiceRecord
        {
            MemberId = memberId, Kind = input.Kind, Text = recordText, AuthorId = actor.StoredId, AuthorName = actor.StoredName,
        };
        record.Raise(new MemberFactsChanged([memberId]));
        db.Add(record);
        await db.SaveAsync(text["RecordConflict"], null, null, ct);
        return await GetAsync(record.Id, ct);
    }

    /// <summary>Replaces the text (and kind); the text it replaces is kept with who wrote it and when.</summary>
    public async Task<ServiceRecordDto> EditAsync(int id, ServiceRecordInput input, int expectedVersion, MemberActor actor, CancellationToken ct = default)
    {
        var recordText = Validate(input);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var record = await db.Set<ServiceRecord>().FirstOrDefaultAsync(r => r.Id == id, ct) ?? throw NotFound();
        db.ExpectVersion(record, expectedVersion, text["RecordConflict"]);
        if (record.Text == recordText && record.Kind == input.Kind)
        {
            return await GetAsync(id, ct);
        }
        var now = DateTime.UtcNow;
        // One save: the revision and the new text commit together or not at all.
        db.Add(new ServiceRecordRevision
        {
            ServiceRecordId = id,
            Kind = record.Kind,
            Text = record.Text,
            WrittenById = record.EditedAt is null ? record.AuthorId : record.EditedById,
            WrittenByName = record.EditedAt is null ? record.AuthorName : record.EditedByName,
            WrittenAt = record.EditedAt ?? record.CreatedAt,
            ReplacedAt = now,
        });
        record.Kind = input.Kind;
        record.Text = recordText;
        record.EditedById = actor.StoredId;
        record.EditedByName = actor.StoredName;
        record.EditedAt = now;
        await db.SaveAsync(text["RecordConflict"], null, null, ct);
        return await GetAsync(id, ct);
    }

    private static IQueryable<ServiceRecordDto> Project(IQueryable<ServiceRecord> records) => records.AsNoTracking()
        .Select(r => new ServiceRecordDto(r.Id, r.MemberId, r.Kind, r.Text, r.AuthorName, r.CreatedAt, r.EditedByName, r.EditedAt,
            r.Revisions.Count, r.Version));

    private string Validate(ServiceRecordInput input)
    {
        var errors = new ValidationErrors(Messages);
        var recordText = Text.Clean(input.Text);
        errors.Required(nameof(input.Text), recordText, ServiceRecord.TextMax);
        if (!Enum.IsDefined(input.Kind))
        {
            errors.Add(nameof(input.Kind), "Invalid");
        }
        errors.ThrowIfAny();
        return recordText!;
    }

    private NotFoundException NotFound() => new(text["RecordNotFound"]);
}
