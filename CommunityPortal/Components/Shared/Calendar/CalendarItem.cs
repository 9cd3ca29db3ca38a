namespace CommunityPortal.Components.Shared.Calendar;

/// <summary>
/// One entry on a <see cref="PortalCalendar"/>. Times are the portal's wall-clock time (<c>PortalTime.ToLocal</c>): the
/// caller converts, the calendar never does. An item is placed by <see cref="Start"/> alone (its day and hour).
/// </summary>
/// <param name="Key">The caller's id for the item; handed back through OnItemClick.</param>
/// <param name="Start">When it is due or begins, wall-clock.</param>
/// <param name="Title">The line shown on the calendar.</param>
/// <param name="Tone">Its colour; the caller chooses what each tone means and names it in the legend.</param>
/// <param name="Subtitle">A second line (for example the group's name); in week, day and agenda views and in the aria label.</param>
/// <param name="End">When it ends (optional; shown as a time span when on the same day).</param>
/// <param name="Icon">An icon shown before the title (<c>Icons.Material.Outlined.X</c>).</param>
public sealed record CalendarItem(
    string Key,
    DateTime Start,
    string Title,
    CalendarTone Tone = CalendarTone.Neutral,
    string? Subtitle = null,
    DateTime? End = null,
    string? Icon = null);

/// <summary>An item's colour, mapped to the theme's palette so that light and dark modes both read.</summary>
public enum CalendarTone
{
    Neutral,
    Pending,
    Done,
    Skipped,
    Overdue,
}

/// <summary>What the calendar shows: a month grid, a week or a day by hour, or a list of the coming days.</summary>
public enum CalendarView
{
    Month,
    Week,
    Day,
    Agenda,
}
