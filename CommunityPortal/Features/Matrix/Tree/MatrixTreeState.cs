
namespace CommunityPortal.Features.Matrix.Tree;

/// <summary>
/// Which nodes of the matrix tree are open, and which one was just created (shown and focused).
/// By default themes and series are open and, in each series, only its latest period: a busy matrix stays readable.
/// </summary>
public sealed class MatrixTreeState
{
    private readonly Dictionary<string, bool> _overrides = new(StringComparer.Ordinal);
    private bool? _all;

    public string? Highlight { get; private set; }

    public static string ThemeKey(int id) => $"t{id}";

    public static string SeriesKey(int id) => $"s{id}";

    public static string ActivityKey(int id) => $"a{id}";

    public static string GroupKey(int id) => $"g{id}";

    public const string StandaloneKey = "standalone";

    public bool IsExpanded(string key, bool byDefault) =>
        _overrides.TryGetValue(key, out var expanded) ? expanded : _all ?? byDefault;

    public void Toggle(string key, bool byDefault) => _overrides[key] = !IsExpanded(key, byDefault);

    public void SetAll(bool expanded)
    {
        _overrides.Clear();
        _all = expanded;
    }

    /// <summary>Opens the given nodes (a new item's ancestors) and marks <paramref name="key"/> to be shown.</summary>
    public void Reveal(string? key, params string[] open)
    {
        foreach (var node in open)
        {
            _overrides[node] = true;
        }
        Highlight = key;
    }
}

/// <summary>What every node of the tree shares: the commands, the open/closed state, and a way to reload.</summary>
public sealed class MatrixTreeContext(MatrixCommands commands, MatrixTreeState state, Func<Task> reload)
{
    public MatrixCommands Commands { get; } = commands;

    public MatrixTreeState State { get; } = state;

    /// <summary>Reloads the tree; with a key, opens <paramref name="open"/> and shows that node.</summary>
    public Task ReloadAsync(string? reveal = null, params string[] open)
    {
        State.Reveal(reveal, open);
        return reload();
    }
}
