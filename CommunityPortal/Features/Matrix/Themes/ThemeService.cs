using CommunityPortal.Infrastructure.Validation;
using CommunityPortal.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CommunityPortal.Features.Matrix.Themes;

public sealed class ThemeService(
    IDbContextFactory<PortalDbContext> dbFactory,
    IStringLocalizer<MatrixText> text,
    IStringLocalizer<ValidationText> validationText)
{
    public async Task<IReadOnlyList<ThemeDto>> ListAsync(bool includeArchived = false, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<Theme>().AsNoTracking()
            .Where(t => includeArchived || !t.IsArchived)
            .OrderBy(t => t.Name)
            .Select(t => new ThemeDto(t.Id, t.Name, t.Description, t.IsArchived, t.Version, t.Series.Count))
            .ToListAsync(ct);
    }

    public async Task<ThemeDto> GetAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<Theme>().AsNoTracking()
            .Where(t => t.Id == id)
            .Select(t => new ThemeDto(t.Id, t.Name, t.Description, t.IsArchived, t.Version, t.Series.Count))
            .FirstOrDefaultAsync(ct) ?? throw NotFound();
    }

    public async Task<ThemeDto> CreateAsync(ThemeInput input, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await ValidateAsync(db, input, null, ct);
        var theme = new Theme { Name = input.Name.Trim(), Description = Text.Clean(input.Description) };
        db.Add(theme);
        await db.SaveAsync(text["Conflict"], nameof(input.Name), NameTaken, ct);
        theme.Raise(new ThemeChanged(theme.Id, ChangeKind.Created));
        await db.SaveChangesAsync(ct);
        return await GetAsync(theme.Id, ct);
    }

    public async Task<ThemeDto> UpdateAsync(int id, ThemeInput input, int expectedVersion, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var theme = await db.Set<Theme>().FirstOrDefaultAsync(t => t.Id == id, ct) ?? throw NotFound();
        await ValidateAsync(db, input, id, ct);
        db.ExpectVersion(theme, expectedVersion, text["Conflict"]);
        theme.Name = input.Name.Trim();
        theme.Description = Text.Clean(input.Description);
        theme.Raise(new ThemeChanged(id, ChangeKind.Updated));
        await db.SaveAsync(text["Conflict"], nameof(input.Name), NameTaken, ct);
        return await GetAsync(id, ct);
    }

    public async Task SetArchivedAsync(int id, bool archived, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var theme = await db.Set<Theme>().FirstOrDefaultAsync(t => t.Id == id, ct) ?? throw NotFound();
        theme.IsArchived = archived;
        theme.Raise(new ThemeChanged(id, archived ? ChangeKind.Archived : ChangeKind.Updated));
        await db.SaveAsync(text["Conflict"], null, null, ct);
    }

    /// <summary>Only a theme without series can be deleted; anything with history is archived instead.</summary>
    public async Task DeleteAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var theme = await db.Set<Theme>().FirstOrDefaultAsync(t => t.Id == id, ct) ?? throw NotFound();
        if (await db.Set<Series>().AnyAsync(s => s.ThemeId == id, ct))
        {
            throw new ConflictException(text["ThemeNotEmpty"]);
        }
        db.Remove(theme);
        theme.Raise(new ThemeChanged(id, ChangeKind.Deleted));
        await db.SaveAsync(text["Conflict"], null, null, ct);
    }

    private async Task ValidateAsync(PortalDbContext db, ThemeInput input, int? id, CancellationToken ct)
    {
        var errors = new ValidationErrors(validationText);
        errors.Required(nameof(input.Name), input.Name, Theme.NameMax);
        errors.MaxLength(nameof(input.Description), input.Description, Theme.DescriptionMax);
        if (!errors.HasErrors)
        {
            var name = input.Name.Trim();
            if (await db.Set<Theme>().AnyAsync(t => t.Name == name && t.Id != id, ct))
            {
                errors.Add(nameof(input.Name), "Unique");
            }
        }
        errors.ThrowIfAny();
    }

    private string NameTaken() => validationText["Unique", validationText["Field.Name"]];

    private NotFoundException NotFound() => new(text["ThemeNotFound"]);
}
