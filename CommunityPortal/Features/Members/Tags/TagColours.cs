using System.Globalization;
using System.Text.RegularExpressions;

namespace CommunityPortal.Features.Members.Tags;

/// <summary>The swatches offered for tags, and the colour picker's value as the #RRGGBB that TagService stores.</summary>
public static partial class TagColours
{
    public static IReadOnlyList<string> Palette { get; } =
        ["#E53935", "#FB8C00", "#FDD835", "#43A047", "#00897B", "#1E88E5", "#3949AB", "#8E24AA", "#6D4C41", "#546E7A"];

    /// <summary>"#1e88e5", "#1E88E5FF" (the picker adds alpha) or "rgb(30, 136, 229)" → "#1E88E5"; anything else → null.</summary>
    public static string? Normalize(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        var v = value.Trim();
        if (Hex().Match(v) is { Success: true } hex)
        {
            return "#" + hex.Groups[1].Value.ToUpperInvariant();
        }
        if (Rgb().Match(v) is { Success: true } rgb)
        {
            var parts = Enumerable.Range(1, 3).Select(i => int.Parse(rgb.Groups[i].Value, CultureInfo.InvariantCulture)).ToArray();
            return parts.All(p => p <= 255) ? $"#{parts[0]:X2}{parts[1]:X2}{parts[2]:X2}" : null;
        }
        return null;
    }

    [GeneratedRegex("^#?([0-9A-Fa-f]{6})(?:[0-9A-Fa-f]{2})?$")]
    private static partial Regex Hex();

    [GeneratedRegex(@"^rgba?\(\s*(\d{1,3})\s*,\s*(\d{1,3})\s*,\s*(\d{1,3})\s*(?:,\s*[\d.]+\s*)?\)$")]
    private static partial Regex Rgb();
}
