using System.Globalization;
using System.Text.RegularExpressions;

namespace CommunityPortal.Features.Sop.Plans;

/// <summary>What a task's content knows of its group, for the placeholders.</summary>
public sealed record SopPlaceholderValues(string Group, string? Activity, string? Series, string? LiveCodeUrl, string? SignupUrl,
    DateOnly Date, string? Owner);

/// <summary>The placeholders a step's content may use: {group}, {activity}, {series}, {liveCodeUrl}, {signupUrl}, {date}, {owner}.</summary>
public static partial class SopPlaceholders
{
    public static readonly IReadOnlyList<string> Names = ["group", "activity", "series", "liveCodeUrl", "signupUrl", "date", "owner"];

    /// <summary>Every {name} in the text that is not a placeholder (case matters: {Group} is refused, not guessed).</summary>
    public static IReadOnlyList<string> Unknown(string? text) =>
        text is null ? [] : [.. Token().Matches(text).Select(m => m.Groups[1].Value).Where(n => !Names.Contains(n)).Distinct()];

    public static string Render(string text, SopPlaceholderValues values, CultureInfo culture) =>
        Token().Replace(text, m => m.Groups[1].Value switch
        {
            "group" => values.Group,
            "activity" => values.Activity ?? "",
            "series" => values.Series ?? "",
            "liveCodeUrl" => values.LiveCodeUrl ?? "",
            "signupUrl" => values.SignupUrl ?? "",
            "date" => values.Date.ToString(culture.DateTimeFormat.MonthDayPattern, culture),
            "owner" => values.Owner ?? "",
            _ => m.Value,
        });

    public static string List => string.Join(" ", Names.Select(n => "{" + n + "}"));

    [GeneratedRegex(@"\{([A-Za-z]+)\}")]
    private static partial Regex Token();
}
