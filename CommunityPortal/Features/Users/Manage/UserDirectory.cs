using CommunityPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace CommunityPortal.Features.Users.Manage;

/// <summary>A portal user as pickers show it (e.g. a group's owner).</summary>
public sealed record UserOption(string Email, string DisplayName)
{
    public string Label => DisplayName == Email ? Email : $"{DisplayName} · {Email}";
}

/// <summary>Read-only list of active (not locked-out) portal users, for pickers in other features.</summary>
public sealed class UserDirectory(IDbContextFactory<PortalDbContext> dbFactory)
{
    public async Task<IReadOnlyList<UserOption>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // LockoutEnd is a DateTimeOffset, which SQLite cannot compare: the list is small, so filter in memory.
        var users = await db.Users.AsNoTracking()
            .Where(u => u.Email != null)
            .Select(u => new { Email = u.Email!, u.DisplayName, u.LockoutEnd })
            .ToListAsync(ct);
        var now = DateTimeOffset.UtcNow;
        return [.. users
            .Where(u => u.LockoutEnd is null || u.LockoutEnd <= now)
            .Select(u => new UserOption(u.Email, string.IsNullOrWhiteSpace(u.DisplayName) ? u.Email : u.DisplayName.Trim()))
            .OrderBy(u => u.DisplayName, StringComparer.CurrentCulture)
            .ThenBy(u => u.Email, StringComparer.OrdinalIgnoreCase)];
    }
}
