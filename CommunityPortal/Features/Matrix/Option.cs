
namespace CommunityPortal.Features.Matrix;

/// <summary>A value and its display text, for dropdowns.</summary>
public sealed record Option<T>(T Value, string Text);

public static class Option
{
    public static IReadOnlyList<Option<T>> All<T>(Func<T, string> text) where T : struct, Enum =>
        [.. Enum.GetValues<T>().Select(v => new Option<T>(v, text(v)))];

    /// <summary>The options whose text contains the search (all when it is empty), in the reader's culture, ignoring case.</summary>
    public static IEnumerable<Option<int>> Matching(IReadOnlyList<Option<int>> options, string? search) =>
        string.IsNullOrWhiteSpace(search) ? options : options.Where(o => o.Text.Contains(search.Trim(), StringComparison.CurrentCultureIgnoreCase));
}
