using CommunityPortal.Infrastructure.Validation;
using CommunityPortal.Data;
using CommunityPortal.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CommunityPortal.Infrastructure.ApiKeys;

public sealed record ApiKeyDto(int Id, string Name, string Role, string Prefix, DateTime CreatedAt, DateTime? LastUsedAt, DateTime? RevokedAt);

/// <summary>The new key's secret, shown once; only its hash is stored.</summary>
public sealed record CreatedApiKey(ApiKeyDto Key, string Secret);

/// <summary>An authenticated key: who is calling and with which role.</summary>
public sealed record ApiKeyIdentity(int Id, string Name, string Role);

public sealed class ApiKeyService(IDbContextFactory<PortalDbContext> dbFactory, IStringLocalizer<ValidationText> validationText)
{
    public const string SecretPrefix = "cpk_";

    public async Task<CreatedApiKey> CreateAsync(string name, string role, CancellationToken ct = default)
    {
        var errors = new ValidationErrors(validationText);
        errors.Required("Name", name, ApiKey.NameMax);
        var canonicalRole = Roles.Normalize(role);
        if (canonicalRole is null)
        {
            errors.Add("Role", "Invalid");
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var trimmed = name?.Trim() ?? "";
        if (!errors.HasErrors && await db.Set<ApiKey>().AnyAsync(k => k.Name == trimmed, ct))
        {
            errors.Add("Name", "Unique");
        }
        errors.ThrowIfAny();

        var secret = SecretPrefix + SecretTokens.New();
        var key = new ApiKey
        {
            Name = trimmed,
            Role = canonicalRole!,
            KeyHash = Hash(secret),
            Prefix = secret[..(SecretPrefix.Length + 6)],
            CreatedAt = DateTime.UtcNow,
        };
        db.Add(key);
        await db.SaveChangesAsync(ct);
        return new CreatedApiKey(ToDto(key), secret);
    }

    /// <summary>Finds an active key by its secret (constant work: one indexed lookup of the hash).</summary>
    public async Task<ApiKeyIdentity?> AuthenticateAsync(string? secret, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(secret) || !secret.StartsWith(SecretPrefix, StringComparison.Ordinal) || secret.Length > 200)
        {
            return null;
        }
        var hash = Hash(secret.Trim());
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var key = await db.Set<ApiKey>().FirstOrDefaultAsync(k => k.KeyHash == hash && k.RevokedAt == null, ct);
        if (key is null)
        {
            return null;
        }
        // Record use at most once a minute, so a busy client does not write on every call.
        if (key.LastUsedAt is null || DateTime.UtcNow - key.LastUsedAt > TimeSpan.FromMinutes(1))
        {
            key.LastUsedAt = DateTime.UtcNow;
            await db.SaveChangesAsync(ct);
        }
        return new ApiKeyIdentity(key.Id, key.Name, key.Role);
    }

    public async Task<IReadOnlyList<ApiKeyDto>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var keys = await db.Set<ApiKey>().AsNoTracking().OrderBy(k => k.Name).ToListAsync(ct);
        return [.. keys.Select(ToDto)];
    }

    public async Task RevokeAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var key = await db.Set<ApiKey>().FirstOrDefaultAsync(k => k.Id == id, ct) ?? throw new NotFoundException($"API key {id}");
        key.RevokedAt ??= DateTime.UtcNow;
        await db.SaveChangesAsync(ct);
    }

    internal static string Hash(string secret) => SecretTokens.Hash(secret);

    private static ApiKeyDto ToDto(ApiKey k) => new(k.Id, k.Name, k.Role, k.Prefix, k.CreatedAt, k.LastUsedAt, k.RevokedAt);
}
