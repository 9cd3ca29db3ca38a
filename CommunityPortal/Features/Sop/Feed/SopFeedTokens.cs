using CommunityPortal.Data;
using CommunityPortal.Features.Users;
using Microsoft.EntityFrameworkCore;

namespace CommunityPortal.Features.Sop.Feed;

/// <summary>A person's feed address as their page shows it: whether one is active and since when (the secret itself is shown once).</summary>
public sealed record SopFeedTokenInfo(bool IsActive, DateTime? CreatedAt);

/// <summary>
/// Private calendar feed tokens: 32 random bytes, URL-safe base64 (43 characters), at most one active per person. Only
/// the SHA-256 of the token is stored (like API keys), so a database copy does not open anyone's calendar — and the
/// address can be shown only when it is made; a person who lost it makes a new one, which ends the old.
/// </summary>
public sealed class SopFeedTokens(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    public const int TokenLength = SecretTokens.Length;

    public async Task<SopFeedTokenInfo> GetAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var created = await db.Set<SopFeedToken>().AsNoTracking().Where(t => t.UserId == userId && t.RevokedAt == null)
            .OrderByDescending(t => t.Id).Select(t => (DateTime?)t.CreatedAt).FirstOrDefaultAsync(ct);
        return new SopFeedTokenInfo(created is not null, created);
    }

    /// <summary>A new token for the person; any earlier one stops working in the same transaction. Returns the secret.</summary>
    public async Task<string> CreateAsync(string userId, CancellationToken ct = default)
    {
        var token = SecretTokens.New();
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // The revoking write comes first: a second regeneration at the same moment waits for this one, then revokes it.
        await db.Set<SopFeedToken>().Where(t => t.UserId == userId && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), ct);
        db.Add(new SopFeedToken { UserId = userId, TokenHash = Hash(token), CreatedAt = now });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return token;
    }

    /// <summary>Ends the person's feed address (its URL answers 404 from now on). True when there was one.</summary>
    public async Task<bool> RevokeAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.Set<SopFeedToken>().Where(t => t.UserId == userId && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), ct) > 0;
    }

    /// <summary>The person a token opens the feed of: active token, account not locked; else null.</summary>
    public async Task<ApplicationUser?> FindUserAsync(string token, CancellationToken ct = default)
    {
        if (!IsWellFormed(token))
        {
            return null;
        }
        var hash = Hash(token);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await (from t in db.Set<SopFeedToken>().AsNoTracking()
                          where t.TokenHash == hash && t.RevokedAt == null
                          join u in db.Set<ApplicationUser>().AsNoTracking() on t.UserId equals u.Id
                          select u).FirstOrDefaultAsync(ct);
        // A locked account's calendar goes dark with it (LockoutEnd is compared here: SQLite cannot compare offsets).
        return user is null || user.LockoutEnd > clock.GetUtcNow() ? null : user;
    }

    public static string Hash(string token) => SecretTokens.Hash(token);

    private static bool IsWellFormed(string token) => SecretTokens.IsWellFormed(token);
}
