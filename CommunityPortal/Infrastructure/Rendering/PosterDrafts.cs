using System.Collections.Concurrent;

using CommunityPortal.Infrastructure.Rendering;
namespace CommunityPortal.Infrastructure.Rendering;

/// <summary>
/// The poster each open editor is working on, so its preview and download links are plain GETs
/// (no script, no form post). Kept in memory for two hours after the last change, per user.
/// </summary>
public sealed class PosterDrafts(TimeProvider clock)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(2);

    private readonly ConcurrentDictionary<Guid, (string Owner, PosterSpec Spec, int QrSize, DateTimeOffset Touched)> _drafts = new();

    public void Put(Guid id, string owner, PosterSpec spec, int qrSizePixels)
    {
        var now = clock.GetUtcNow();
        foreach (var stale in _drafts.Where(d => now - d.Value.Touched > Lifetime).Select(d => d.Key))
        {
            _drafts.TryRemove(stale, out _);
        }
        _drafts[id] = (owner, spec.Copy(), qrSizePixels, now);
    }

    /// <summary>The draft, if it exists and belongs to this user (a link shared with someone else finds nothing).</summary>
    public (PosterSpec Spec, int QrSize)? Find(Guid id, string? owner) =>
        _drafts.TryGetValue(id, out var draft) && owner is not null && draft.Owner == owner ? (draft.Spec.Copy(), draft.QrSize) : null;

    public void Remove(Guid id) => _drafts.TryRemove(id, out _);
}
