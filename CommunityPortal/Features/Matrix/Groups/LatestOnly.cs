
namespace CommunityPortal.Features.Matrix.Groups;

/// <summary>
/// Loads that may overlap — the tree's first read still running when a save asks for a reload, "show archived" switched
/// twice — apply only the newest one's result, so an older, slower read never replaces a newer tree (the node just added
/// would vanish). Used on the renderer's synchronization context, one call at a time: no locking.
/// </summary>
public sealed class LatestOnly<T>
{
    private int _started;

    /// <summary>Runs <paramref name="load"/>; applies its result unless a later call started meanwhile. Returns whether it applied.</summary>
    public async Task<bool> RunAsync(Func<Task<T>> load, Action<T> apply)
    {
        var mine = ++_started;
        var result = await load();
        if (mine != _started)
        {
            return false;
        }
        apply(result);
        return true;
    }
}
