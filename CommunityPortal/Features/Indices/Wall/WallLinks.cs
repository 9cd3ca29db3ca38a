using CommunityPortal.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CommunityPortal.Features.Indices.Wall;

public sealed record WallLinkDto(int Id, string Name, string CreatedBy, DateTime CreatedAt, DateTime? RevokedAt)
{
    public bool IsActive => RevokedAt is null;
}

/// <summary>A link just made: its token exists only here, to be shown once.</summary>
public sealed record CreatedWallLink(WallLinkDto Link, string Token);

/// <summary>Wall screen links: made and revoked by Managers (the page checks the role), recognised by their token.</summary>
public sealed class WallLinks(
    IDbContextFactory<PortalDbContext> dbFactory,
    TimeProvider clock,
    WallLinkRevocations revocations,
    IStringLocalizer<ValidationText> validationText,
    IStringLocalizer<WallText> text)
{
    public async Task<CreatedWallLink> CreateAsync(string? name, string createdBy, CancellationToken ct = default)
    {
        var errors = new ValidationErrors(new FeatureValidationText<WallText>(validationText, text));
        errors.Required("Name", name, WallLink.NameMax);
        errors.ThrowIfAny();

        var token = SecretTokens.New();
        var link = new WallLink
        {
            Name = name!.Trim(),
            TokenHash = SecretTokens.Hash(token),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            CreatedBy = createdBy.Length > WallLink.CreatedByMax ? createdBy[..WallLink.CreatedByMax] : createdBy,
        };
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Add(link);
        await db.SaveChangesAsync(ct);
        return new CreatedWallLink(ToDto(link), token);
    }

    /// <summary>Every link, the working ones first, newest first.</summary>
    public async Task<IReadOnlyList<WallLinkDto>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<WallLink>().AsNoTracking()
            .OrderBy(l => l.RevokedAt != null).ThenByDescending(l => l.Id)
            .Select(l => new WallLinkDto(l.Id, l.Name, l.CreatedBy, l.CreatedAt, l.RevokedAt))
            .ToListAsync(ct);
    }

    /// <summary>Ends the link: its address answers "not valid" from now on, and open screens go dark (ADR 040).</summary>
    public async Task<WallLinkDto> RevokeAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var link = await db.Set<WallLink>().FirstOrDefaultAsync(l => l.Id == id, ct) ?? throw new NotFoundException(text["Links.NotFound"]);
        if (link.RevokedAt is null)
        {
            link.RevokedAt = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(ct);
        }
        revocations.Publish(id);
        return ToDto(link);
    }

    /// <summary>The id of the working link with this token, or null (malformed, unknown or revoked).</summary>
    public async Task<int?> FindActiveAsync(string? token, CancellationToken ct = default)
    {
        if (!SecretTokens.IsWellFormed(token))
        {
            return null;
        }
        var hash = SecretTokens.Hash(token!);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<WallLink>().AsNoTracking().Where(l => l.TokenHash == hash && l.RevokedAt == null)
            .Select(l => (int?)l.Id).FirstOrDefaultAsync(ct);
    }

    public async Task<bool> IsActiveAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<WallLink>().AnyAsync(l => l.Id == id && l.RevokedAt == null, ct);
    }

    private static WallLinkDto ToDto(WallLink l) => new(l.Id, l.Name, l.CreatedBy, l.CreatedAt, l.RevokedAt);
}
