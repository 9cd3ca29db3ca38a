using System.Collections.Concurrent;
using CommunityPortal.Data;
using Microsoft.EntityFrameworkCore;

using CommunityPortal.Features.LiveCodes.Routing;
namespace CommunityPortal.Features.LiveCodes.Alerts;

/// <summary>
/// Live-code names for alerts (routing memory holds only the slug). Cached per settings object: a reload of the code
/// (which a rename goes through) replaces its settings, so only codes reloaded since the last call are read again.
/// </summary>
public sealed class LiveCodeNames(IDbContextFactory<PortalDbContext> dbFactory)
{
    private readonly ConcurrentDictionary<int, (LiveCodeSettings Settings, string Name)> _cache = new();

    public async Task<IReadOnlyDictionary<int, string>> ResolveAsync(IReadOnlyCollection<LiveCodeRoute> routes, CancellationToken ct = default)
    {
        var stale = routes.Select(r => r.Settings)
            .Where(s => !_cache.TryGetValue(s.Id, out var hit) || !ReferenceEquals(hit.Settings, s))
            .ToList();
        if (stale.Count > 0)
        {
            var ids = stale.Select(s => s.Id).ToList();
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var names = await db.Set<LiveCode>().AsNoTracking().Where(c => ids.Contains(c.Id))
                .Select(c => new { c.Id, c.Name }).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
            foreach (var settings in stale)
            {
                _cache[settings.Id] = (settings, names.GetValueOrDefault(settings.Id) ?? settings.Slug);
            }
        }
        foreach (var gone in _cache.Keys.Except(routes.Select(r => r.Settings.Id)).ToList())
        {
            _cache.TryRemove(gone, out _);
        }
        return routes.ToDictionary(r => r.Settings.Id, r => _cache.TryGetValue(r.Settings.Id, out var hit) ? hit.Name : r.Settings.Slug);
    }
}
