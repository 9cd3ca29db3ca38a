using System.Globalization;
using System.Text.RegularExpressions;

namespace CommunityPortal.Features.LiveCodes.Stats;

/// <summary>Short, culture-formatted labels for the chart's time axis.</summary>
public static partial class StatsLabels
{
    /// <summary>
    /// The axis label of a bucket, or "" for the buckets between labels: minutes every 10, hours every 6, days every 5,
    /// so that a phone's narrow chart never has two labels on top of each other. A new day shows its month and day instead
    /// of its midnight (minutes and hours), days show month and day; times are the reader's short time, hours without
    /// minutes where the culture writes AM/PM.
    /// </summary>
    public static string Axis(StatsGranularity granularity, DateTime local, CultureInfo? culture = null)
    {
        culture ??= CultureInfo.CurrentCulture;
        var day = local.ToString(MonthDayPattern(culture), culture);
        return granularity switch
        {
            StatsGranularity.Day => (local.Date - DateTime.UnixEpoch).Days % 5 == 0 ? day : "",
            _ when local.TimeOfDay == TimeSpan.Zero => day,
            StatsGranularity.Hour => local.Hour % 6 == 0 ? local.ToString(HourPattern(culture), culture) : "",
            _ => local.Minute % 10 == 0 ? local.ToString("t", culture) : "",
        };
    }

    /// <summary>The culture's short date without its year: "M/d" for both zh-CN (yyyy/M/d) and en-US (M/d/yyyy).</summary>
    public static string MonthDayPattern(CultureInfo culture) =>
        YearPart().Replace(culture.DateTimeFormat.ShortDatePattern, "") is { Length: > 0 } pattern ? pattern : "M/d";

    /// <summary>A whole hour as short as the culture writes it: "06:00", or "6 AM" where the clock has AM/PM.</summary>
    private static string HourPattern(CultureInfo culture) =>
        culture.DateTimeFormat.ShortTimePattern.Contains('t') ? "h tt" : culture.DateTimeFormat.ShortTimePattern;

    [GeneratedRegex(@"^y+[^dMy]*|[^dMy]*y+$")]
    private static partial Regex YearPart();
}
