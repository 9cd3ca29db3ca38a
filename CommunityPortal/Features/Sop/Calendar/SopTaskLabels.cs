using CommunityPortal.Components.Shared.Calendar;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace CommunityPortal.Features.Sop.Calendar;

/// <summary>How a task's state and times read and look, the same on the calendar, in the details, on the home card and the group page.</summary>
public static class SopTaskLabels
{
    public static readonly IReadOnlyList<SopTaskStatus> States = [SopTaskStatus.Pending, SopTaskStatus.Overdue, SopTaskStatus.Done, SopTaskStatus.Skipped];

    public static CalendarTone Tone(SopTaskStatus state) => state switch
    {
        SopTaskStatus.Done => CalendarTone.Done,
        SopTaskStatus.Skipped => CalendarTone.Skipped,
        SopTaskStatus.Overdue => CalendarTone.Overdue,
        _ => CalendarTone.Pending,
    };

    public static Color Colour(SopTaskStatus state) => state switch
    {
        SopTaskStatus.Done => Color.Success,
        SopTaskStatus.Skipped => Color.Default,
        SopTaskStatus.Overdue => Color.Error,
        _ => Color.Primary,
    };

    /// <summary>The state's palette colour as the CSS property --sop-tone (the same colours as the calendar's tones; dark mode follows).</summary>
    public static string ToneStyle(SopTaskStatus state) => "--sop-tone: var(--mud-palette-" + state switch
    {
        SopTaskStatus.Done => "success",
        SopTaskStatus.Skipped => "gray-default",
        SopTaskStatus.Overdue => "error",
        _ => "primary",
    } + ")";

    public static string Label(this IStringLocalizer<SopText> text, SopTaskStatus state) => text[$"Status.{state}"];

    /// <summary>The legend: each state's tone and name, in the order people meet them.</summary>
    public static IReadOnlyDictionary<CalendarTone, string> ToneLabels(IStringLocalizer<SopText> text) =>
        States.ToDictionary(Tone, text.Label);

    /// <summary>A task on the calendar: at its due time (wall-clock), its title, its group below.</summary>
    public static CalendarItem Item(SopTaskDto task) =>
        new(task.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), PortalTime.ToLocal(task.DueAt), task.Title, Tone(task.State),
            task.GroupName);

    /// <summary>A due or settled time in full ("1月7日 周一 09:00" / "Mon 7 Jan, 09:00").</summary>
    public static string When(this IStringLocalizer<SopText> text, DateTime utc) => text["Task.TimeFormat", PortalTime.ToLocal(utc)];

    /// <summary>A time of today ("09:00").</summary>
    public static string Clock(DateTime utc) => PortalTime.ToLocal(utc).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
