using System.Globalization;
using Microsoft.Extensions.Localization;

namespace CommunityPortal.Components.Shared.Calendar;

/// <summary>
/// The calendar's words and dates in the current culture. Date patterns live in CalendarText.resx because they are a matter
/// of language ("12月3日 周四" against "Thu 3 Dec"), not of the culture's defaults.
/// </summary>
internal static class CalendarFormat
{
    public static string Day(this IStringLocalizer<CalendarText> s, DateTime day) => s["Format.Day", day];

    public static string DayLong(this IStringLocalizer<CalendarText> s, DateTime day) => s["Format.DayLong", day];

    public static string Hour(int hour) => hour.ToString("00", CultureInfo.InvariantCulture) + ":00";

    /// <summary>"09:00", or "09:00–10:30" when the item ends later the same day.</summary>
    public static string Time(CalendarItem item) =>
        item.End is { } end && end > item.Start && end.Date == item.Start.Date
            ? $"{Clock(item.Start)}–{Clock(end)}"
            : Clock(item.Start);

    /// <summary>What a screen reader says for an item: day and time, title, subtitle, state.</summary>
    public static string ItemLabel(this IStringLocalizer<CalendarText> s, CalendarItem item, string? toneLabel)
    {
        string?[] parts = [s.Day(item.Start) + " " + Time(item), item.Title, item.Subtitle, toneLabel];
        return string.Join(s["Separator"].Value, parts.Where(p => !string.IsNullOrWhiteSpace(p)));
    }

    /// <summary>What a day's button says: the day, how many items, and that it opens the day.</summary>
    public static string DayButtonLabel(this IStringLocalizer<CalendarText> s, DateTime day, int count) => count switch
    {
        0 => s["Day.OpenNone", s.DayLong(day)],
        1 => s["Day.OpenOne", s.DayLong(day)],
        _ => s["Day.OpenMany", s.DayLong(day), count],
    };

    /// <summary>The toolbar's title: the month, the day, or the first and last day of a week or agenda.</summary>
    public static string Title(this IStringLocalizer<CalendarText> s, CalendarView view, DateTime anchor, CalendarRange range)
    {
        var last = range.End.AddDays(-1);
        return view switch
        {
            CalendarView.Month => s["Title.Month", anchor],
            CalendarView.Day => s["Title.Day", anchor],
            _ when range.Start.Year != last.Year => s["Title.RangeAcrossYears", range.Start, last],
            _ => s["Title.Range", range.Start, last],
        };
    }

    /// <summary>The palette colour of a tone, as a CSS custom property the calendar's parts read (--cal-tone).</summary>
    public static string ToneStyle(CalendarTone tone) => "--cal-tone: var(--mud-palette-" + tone switch
    {
        CalendarTone.Pending => "primary",
        CalendarTone.Done => "success",
        CalendarTone.Skipped => "gray-default",
        CalendarTone.Overdue => "error",
        _ => "secondary",
    } + ")";

    public static string ToneClass(CalendarTone tone) => "cal-tone-" + tone.ToString().ToLowerInvariant();

    private static string Clock(DateTime time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);
}
