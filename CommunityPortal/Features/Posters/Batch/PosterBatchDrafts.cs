using System.Collections.Concurrent;

namespace CommunityPortal.Features.Posters.Batch;

/// <summary>
/// The batch each open batch editor last got right, so its preview and PDF links are plain GETs (an
/// &lt;a download&gt; works). In memory, per user, for two hours after the last change.
/// </summary>
public sealed class PosterBatchDrafts(TimeProvider clock)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(2);

    private readonly ConcurrentDictionary<Guid, (string Owner, PosterBatchDraft Draft, DateTimeOffset Touched)> _drafts = new();

    public void Put(Guid id, string owner, PosterBatchDraft draft)
    {
        var now = clock.GetUtcNow();
        foreach (var stale in _drafts.Where(d => now - d.Value.Touched > Lifetime).Select(d => d.Key))
        {
            _drafts.TryRemove(stale, out _);
        }
        _drafts[id] = (owner, draft with { Design = draft.Design.Copy(), Targets = [.. draft.Targets] }, now);
    }

    /// <summary>The draft, if it exists and belongs to this user.</summary>
    public PosterBatchDraft? Find(Guid id, string? owner) =>
        _drafts.TryGetValue(id, out var entry) && owner is not null && entry.Owner == owner
            ? entry.Draft with { Design = entry.Draft.Design.Copy() }
            : null;
}
