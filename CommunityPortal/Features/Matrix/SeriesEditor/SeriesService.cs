using CommunityPortal.Infrastructure.Validation;
using CommunityPortal.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CommunityPortal.Features.Matrix.SeriesEditor;

public sealed class SeriesService(
    IDbContextFactory<PortalDbContext> dbFactory,
    IStringLocalizer<MatrixText> text,
    IStringLocalizer<ValidationText> validationText)
{
    public async Task<IReadOnlyList<SeriesDto>> ListAsync(int? themeId = null, bool includeArchived = false, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Project(db.Set<Series>().AsNoTracking()
                .Where(s => themeId == null || s.ThemeId == themeId)
                .Where(s => includeArchived || !s.IsArchived)
                .OrderBy(s => s.Theme!.Name).ThenBy(s => s.Name))
            .ToListAsync(ct);
    }

    public async Task<SeriesDto> GetAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Project(db.Set<Series>().AsNoTracking().Where(s => s.Id == id)).FirstOrDefaultAsync(ct) ?? throw NotFound();
    }

    public async Task<SeriesDto> CreateAsync(SeriesInput input, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await ValidateAsync(db, input, null, ct);
        var series = new Series { ThemeId = input.ThemeId, Name = input.Name.Trim(), Description = Text.Clean(input.Description) };
        db.Add(series);
        await db.SaveAsync(text["Conflict"], nameof(input.Name), NameTaken, ct);
        series.Raise(new SeriesChanged(series.Id, series.ThemeId, ChangeKind.Created));
        await db.SaveChangesAsync(ct);
        return await GetAsync(series.Id, ct);
    }

    public async Task<SeriesDto> UpdateAsync(int id, SeriesInput input, int expectedVersion, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var series = await db.Set<Series>().FirstOrDefaultAsync(s => s.Id == id, ct) ?? throw NotFound();
        await ValidateAsync(db, input, id, ct);
        db.ExpectVersion(series, expectedVersion, text["Conflict"]);
        series.ThemeId = input.ThemeId;
        series.Name = input.Name.Trim();
        series.Description = Text.Clean(input.Description);
        series.Raise(new SeriesChanged(id, series.ThemeId, ChangeKind.Updated));
        await db.SaveAsync(text["Conflict"], nameof(input.Name), NameTaken, ct);
        return await GetAsync(id, ct);
    }

    public async Task SetArchivedAsync(int id, bool archived, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var series = await db.Set<Series>().FirstOrDefaultAsync(s => s.Id == id, ct) ?? throw NotFound();
        series.IsArchived = archived;
        series.Raise(new SeriesChanged(id, series.ThemeId, archived ? ChangeKind.Archived : ChangeKind.Updated));
        await db.SaveAsync(text["Conflict"], null, null, ct);
    }

    public async Task DeleteAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var series = await db.Set<Series>().FirstOrDefaultAsync(s => s.Id == id, ct) ?? throw NotFound();
        if (await db.Set<Activity>().AnyAsync(a => a.SeriesId == id, ct))
        {
            throw new ConflictException(text["SeriesNotEmpty"]);
        }
        db.Remove(series);
        series.Raise(new SeriesChanged(id, series.ThemeId, ChangeKind.Deleted));
        await db.SaveAsync(text["Conflict"], null, null, ct);
    }

    private static IQueryable<SeriesDto> Project(IQueryable<Series> query) =>
        query.Select(s => new SeriesDto(s.Id, s.ThemeId, s.Theme!.Name, s.Name, s.Description, s.IsArchived, s.Version, s.Activities.Count));

    private async Task ValidateAsync(PortalDbContext db, SeriesInput input, int? id, CancellationToken ct)
    {
        var errors = new ValidationErrors(validationText);
        errors.Required(nameof(input.Name), input.Name, Series.NameMax);
        errors.MaxLength(nameof(input.Description), input.Description, Series.DescriptionMax);
        if (!await db.Set<Theme>().AnyAsync(t => t.Id == input.ThemeId, ct))
        {
            errors.Add(nameof(input.ThemeId), "NotFound");
        }
        else if (!errors.HasErrors)
        {
            var name = input.Name.Trim();
            if (await db.Set<Series>().AnyAsync(s => s.ThemeId == input.ThemeId && s.Name == name && s.Id != id, ct))
            {
                errors.Add(nameof(input.Name), "UniqueInParent");
            }
        }
        errors.ThrowIfAny();
    }

    private string NameTaken() => validationText["UniqueInParent", validationText["Field.Name"]];

    private NotFoundException NotFound() => new(text["SeriesNotFound"]);
}
