
namespace CommunityPortal.Features.Matrix;

/// <summary>A value and its display text, for dropdowns.</summary>
public sealed record Option<T>(T Value, string Text);

public static class Option
{
    public static IReadOnlyList<Option<T>> All<T>(Func<T, string> text) where T : struct, Enum =>
        [.. Enum.GetValues<T>().Select(v => new Option<T>(v, text(v)))];
}
