using System.Globalization;
using System.Text.RegularExpressions;

namespace CommunityPortal.Features.LiveCodes.Stats;

/// <summary>Short, culture-formatted labels for the chart's time axis.</summary>
public static partial class StatsLabels
{
    /// <summary>
    /// Minutes and hours by their time of day, with the month and day on the first bucket and at each local midnight;
    /// days by month and day.
    /// </summary>
    public static string Bucket(StatsGranularity granularity, DateTime local, bool first, CultureInfo? culture = null)
    {
        culture ??= CultureInfo.CurrentCulture;
        var day = local.ToString(MonthDayPattern(culture), culture);
        if (granularity == StatsGranularity.Day)
        {
            return day;
        }
        var time = local.ToString("t", culture);
        return first || local.TimeOfDay == TimeSpan.Zero ? $"{day} {time}" : time;
    }

    /// <summary>The culture's short date without its year: "M/d" for both zh-CN (yyyy/M/d) and en-US (M/d/yyyy).</summary>
    public static string MonthDayPattern(CultureInfo culture) =>
        YearPart().Replace(culture.DateTimeFormat.ShortDatePattern, "") is { Length: > 0 } pattern ? pattern : "M/d";

    [GeneratedRegex(@"^y+[^dMy]*|[^dMy]*y+$")]
    private static partial Regex YearPart();
}
