using CommunityPortal.Infrastructure.Validation;
using CommunityPortal.Data;
using CommunityPortal.Features.Matrix;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

using CommunityPortal.Features.LiveCodes.Alerts;
using CommunityPortal.Features.LiveCodes.Routing;
namespace CommunityPortal.Features.LiveCodes.Manage;

/// <summary>Creates and changes live codes and their pools; every committed change is pushed to the routing state.</summary>
public sealed class LiveCodeService(
    IDbContextFactory<PortalDbContext> dbFactory,
    ILiveCodeRoutingState routing,
    IStringLocalizer<LiveCodeText> text,
    IStringLocalizer<ValidationText> validationText)
{
    private IStringLocalizer<ValidationText> Messages => new FeatureValidationText<LiveCodeText>(validationText, text);

    public async Task<IReadOnlyList<LiveCodeSummary>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<LiveCode>().AsNoTracking().OrderBy(c => c.Name)
            .Select(c => new LiveCodeSummary(c.Id, c.Name, c.Slug, c.Mode, c.IsPaused, c.Pool.Count))
            .ToListAsync(ct);
    }

    public async Task<LiveCodeDto> GetAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var code = await db.Set<LiveCode>().AsNoTracking()
            .Where(c => c.Id == id)
            .Select(c => new
            {
                c.Id, c.Name, c.Slug, c.Mode, c.DefaultThreshold, c.ValidFrom, c.ValidUntil, c.IsPaused, c.FallbackMessage,
                HasFallbackImage = c.FallbackImage != null, c.LandingTitle, c.LandingText, c.Version,
            })
            .FirstOrDefaultAsync(ct) ?? throw NotFound();
        var pool = await (
                from e in db.Set<LiveCodePoolEntry>().AsNoTracking()
                join g in db.Set<Group>() on e.GroupId equals g.Id
                where e.LiveCodeId == id
                orderby e.Position
                select new PoolEntryDto(e.GroupId, g.Name, e.Position, e.Threshold, e.Threshold ?? code.DefaultThreshold))
            .ToListAsync(ct);
        return new LiveCodeDto(code.Id, code.Name, code.Slug, code.Mode, code.DefaultThreshold, code.ValidFrom, code.ValidUntil,
            code.IsPaused, code.FallbackMessage, code.HasFallbackImage, code.LandingTitle, code.LandingText, pool, code.Version);
    }

    public async Task<LiveCodeDto> CreateAsync(LiveCodeInput input, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await ValidateAsync(db, input, null, ct);
        var code = new LiveCode();
        Apply(code, input);
        db.Add(code);
        await db.SaveAsync(text["LiveCodeConflict"], nameof(input.Slug), SlugTaken, ct);
        await routing.ReloadAsync(code.Id, ct);
        return await GetAsync(code.Id, ct);
    }

    public async Task<LiveCodeDto> UpdateAsync(int id, LiveCodeInput input, int expectedVersion, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var code = await db.Set<LiveCode>().FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw NotFound();
        await ValidateAsync(db, input, id, ct);
        db.ExpectVersion(code, expectedVersion, text["LiveCodeConflict"]);
        Apply(code, input);
        await db.SaveAsync(text["LiveCodeConflict"], nameof(input.Slug), SlugTaken, ct);
        await routing.ReloadAsync(id, ct);
        return await GetAsync(id, ct);
    }

    /// <summary>Scans are facts: a live code that was scanned is paused or expired, never deleted.</summary>
    public async Task DeleteAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var code = await db.Set<LiveCode>().FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw NotFound();
        if (await db.Set<Scan>().AnyAsync(s => s.LiveCodeId == id, ct))
        {
            throw new ConflictException(text["LiveCodeHasScans"]);
        }
        db.Remove(code);
        await db.SaveAsync(text["LiveCodeConflict"], null, null, ct);
        await routing.ReloadAsync(id, ct);
    }

    /// <summary>The staff contact QR of the fallback page (PNG or JPEG), or null to remove it.</summary>
    public async Task SetFallbackImageAsync(int id, byte[]? image, CancellationToken ct = default)
    {
        var errors = new ValidationErrors(Messages);
        var contentType = image is null ? null : ImageType.Sniff(image);
        if (image is not null && image.Length > LiveCode.MaxFallbackImageBytes)
        {
            errors.Add("FallbackImage", "ImageTooLarge", LiveCode.MaxFallbackImageBytes / 1024 / 1024);
        }
        else if (image is not null && contentType is null)
        {
            errors.Add("FallbackImage", "NotAnImage");
        }
        errors.ThrowIfAny();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var code = await db.Set<LiveCode>().FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw NotFound();
        code.FallbackImage = image;
        code.FallbackImageContentType = contentType;
        await db.SaveAsync(text["LiveCodeConflict"], null, null, ct);
        await routing.ReloadAsync(id, ct);
    }

    /// <summary>
    /// Replaces the whole ordered pool. Groups leaving the pool are taken out of routing before the commit, so no scan
    /// reaches them from the moment the edit starts; the routing state is reloaded from the database afterwards
    /// (also when the save fails, which puts them back).
    /// </summary>
    public async Task<LiveCodeDto> SetPoolAsync(int id, IReadOnlyList<PoolEntryInput> entries, int expectedVersion, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var code = await db.Set<LiveCode>().Include(c => c.Pool).FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw NotFound();
        await ValidatePoolAsync(db, entries, ct);
        db.ExpectVersion(code, expectedVersion, text["LiveCodeConflict"]);

        var byGroup = code.Pool.ToDictionary(e => e.GroupId);
        var keep = entries.Select(e => e.GroupId).ToHashSet();
        code.Pool.RemoveAll(e => !keep.Contains(e.GroupId));
        for (var i = 0; i < entries.Count; i++)
        {
            if (!byGroup.TryGetValue(entries[i].GroupId, out var entry))
            {
                entry = new LiveCodePoolEntry { GroupId = entries[i].GroupId };
                code.Pool.Add(entry);
            }
            entry.Position = i;
            entry.Threshold = entries[i].Threshold;
        }
        // The pool belongs to the live code: a pool edit is an edit of the code, so its version moves.
        db.Entry(code).State = EntityState.Modified;

        routing.RetainOnly(id, keep);
        try
        {
            await db.SaveAsync(text["LiveCodeConflict"], null, null, ct);
        }
        finally
        {
            await routing.ReloadAsync(id, CancellationToken.None);
        }
        return await GetAsync(id, ct);
    }

    public async Task<LiveCodeDto> AddToPoolAsync(int id, int groupId, int? threshold, int expectedVersion, CancellationToken ct = default)
    {
        var pool = await CurrentPoolAsync(id, ct);
        pool.RemoveAll(e => e.GroupId == groupId);
        pool.Add(new PoolEntryInput(groupId, threshold));
        return await SetPoolAsync(id, pool, expectedVersion, ct);
    }

    public async Task<LiveCodeDto> RemoveFromPoolAsync(int id, int groupId, int expectedVersion, CancellationToken ct = default)
    {
        var pool = await CurrentPoolAsync(id, ct);
        pool.RemoveAll(e => e.GroupId == groupId);
        return await SetPoolAsync(id, pool, expectedVersion, ct);
    }

    /// <summary>Moves a pool group to a new 0-based position (clamped to the pool).</summary>
    public async Task<LiveCodeDto> MoveInPoolAsync(int id, int groupId, int newIndex, int expectedVersion, CancellationToken ct = default)
    {
        var pool = await CurrentPoolAsync(id, ct);
        var entry = pool.FirstOrDefault(e => e.GroupId == groupId) ?? throw new NotFoundException(text["PoolGroupNotFound"]);
        pool.Remove(entry);
        pool.Insert(Math.Clamp(newIndex, 0, pool.Count), entry);
        return await SetPoolAsync(id, pool, expectedVersion, ct);
    }

    public async Task<LiveCodeDto> SetThresholdAsync(int id, int groupId, int? threshold, int expectedVersion, CancellationToken ct = default)
    {
        var pool = await CurrentPoolAsync(id, ct);
        var index = pool.FindIndex(e => e.GroupId == groupId);
        if (index < 0)
        {
            throw new NotFoundException(text["PoolGroupNotFound"]);
        }
        pool[index] = pool[index] with { Threshold = threshold };
        return await SetPoolAsync(id, pool, expectedVersion, ct);
    }

    private async Task<List<PoolEntryInput>> CurrentPoolAsync(int id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Set<LiveCode>().AnyAsync(c => c.Id == id, ct))
        {
            throw NotFound();
        }
        return await db.Set<LiveCodePoolEntry>().AsNoTracking().Where(e => e.LiveCodeId == id).OrderBy(e => e.Position)
            .Select(e => new PoolEntryInput(e.GroupId, e.Threshold)).ToListAsync(ct);
    }

    private static void Apply(LiveCode code, LiveCodeInput input)
    {
        code.Name = input.Name.Trim();
        code.Slug = input.Slug.Trim();
        code.Mode = input.Mode;
        code.DefaultThreshold = input.DefaultThreshold;
        code.ValidFrom = input.ValidFrom is { } from ? Utc(from) : null;
        code.ValidUntil = input.ValidUntil is { } until ? Utc(until) : null;
        code.IsPaused = input.IsPaused;
        code.FallbackMessage = Text.Clean(input.FallbackMessage);
        code.LandingTitle = Text.Clean(input.LandingTitle);
        code.LandingText = Text.Clean(input.LandingText);
    }

    private static DateTime Utc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
    };

    private async Task ValidateAsync(PortalDbContext db, LiveCodeInput input, int? id, CancellationToken ct)
    {
        var errors = new ValidationErrors(Messages);
        errors.Required(nameof(input.Name), input.Name, LiveCode.NameMax);
        var slug = input.Slug?.Trim();
        if (string.IsNullOrEmpty(slug))
        {
            errors.Add(nameof(input.Slug), "Required");
        }
        else if (!LiveCode.IsValidSlug(slug))
        {
            errors.Add(nameof(input.Slug), "SlugFormat", LiveCode.SlugMin, LiveCode.SlugMax);
        }
        else if (await db.Set<LiveCode>().AnyAsync(c => c.Slug == slug && c.Id != id, ct))
        {
            errors.Add(nameof(input.Slug), "Unique");
        }
        if (!Enum.IsDefined(input.Mode))
        {
            errors.Add(nameof(input.Mode), "Invalid");
        }
        errors.Range(nameof(input.DefaultThreshold), input.DefaultThreshold, 1, LiveCode.MaxThreshold);
        if (input.ValidFrom is { } from && input.ValidUntil is { } until && Utc(until) < Utc(from))
        {
            errors.Add(nameof(input.ValidUntil), "EndBeforeStart", errors.Label(nameof(input.ValidFrom)));
        }
        errors.MaxLength(nameof(input.FallbackMessage), input.FallbackMessage, LiveCode.FallbackMessageMax);
        errors.MaxLength(nameof(input.LandingTitle), input.LandingTitle, LiveCode.LandingTitleMax);
        errors.MaxLength(nameof(input.LandingText), input.LandingText, LiveCode.LandingTextMax);
        errors.ThrowIfAny();
    }

    private async Task ValidatePoolAsync(PortalDbContext db, IReadOnlyList<PoolEntryInput> entries, CancellationToken ct)
    {
        const string field = "Pool";
        var errors = new ValidationErrors(Messages);
        if (entries.Count > LiveCode.MaxPoolSize)
        {
            errors.Add(field, "TooMany", LiveCode.MaxPoolSize);
        }
        if (entries.Select(e => e.GroupId).Distinct().Count() != entries.Count)
        {
            errors.Add(field, "DuplicateGroup");
        }
        if (entries.Any(e => e.Threshold is < 1 or > LiveCode.MaxThreshold))
        {
            errors.Add("Threshold", "Range", 1, LiveCode.MaxThreshold);
        }
        var ids = entries.Select(e => e.GroupId).Distinct().ToList();
        var found = await db.Set<Group>().Where(g => ids.Contains(g.Id)).CountAsync(ct);
        if (found != ids.Count)
        {
            errors.Add(field, "GroupNotFound");
        }
        errors.ThrowIfAny();
    }

    private string SlugTaken() => Messages["Unique", Messages["Field.Slug"]];

    private NotFoundException NotFound() => new(text["LiveCodeNotFound"]);
}
