namespace CommunityPortal.Components.Shared.Calendar;

/// <summary>
/// The days a view shows, wall-clock: <see cref="Start"/> is a midnight, <see cref="End"/> the midnight after the last day
/// (exclusive). The caller loads the items in it (convert with <c>PortalTime.ToUtc</c> for a query on stored UTC times).
/// </summary>
public readonly record struct CalendarRange(CalendarView View, DateTime Start, DateTime End)
{
    public bool Contains(DateTime time) => time >= Start && time < End;

    public int DayCount => (int)(End - Start).TotalDays;

    public IEnumerable<DateTime> Days
    {
        get
        {
            var start = Start;
            return Enumerable.Range(0, DayCount).Select(d => start.AddDays(d));
        }
    }

    /// <summary>
    /// The range a view shows for an anchor date: a month is its whole 6 × 7 grid (the dimmed days of the months either side
    /// carry items too), a week starts on <paramref name="firstDayOfWeek"/>, the agenda runs <paramref name="agendaDays"/>
    /// from the date.
    /// </summary>
    public static CalendarRange For(CalendarView view, DateTime date, DayOfWeek firstDayOfWeek, int agendaDays)
    {
        var day = date.Date;
        return view switch
        {
            CalendarView.Month => new(view, StartOfWeek(new DateTime(day.Year, day.Month, 1), firstDayOfWeek), 42),
            CalendarView.Week => new(view, StartOfWeek(day, firstDayOfWeek), 7),
            CalendarView.Day => new(view, day, 1),
            _ => new(view, day, Math.Max(1, agendaDays)),
        };
    }

    /// <summary>The anchor date one page earlier (<paramref name="direction"/> −1) or later (+1) in a view.</summary>
    public static DateTime Step(CalendarView view, DateTime date, int direction, int agendaDays) => view switch
    {
        CalendarView.Month => date.Date.AddMonths(direction),
        CalendarView.Week => date.Date.AddDays(7 * direction),
        CalendarView.Day => date.Date.AddDays(direction),
        _ => date.Date.AddDays(Math.Max(1, agendaDays) * direction),
    };

    public static DateTime StartOfWeek(DateTime date, DayOfWeek firstDayOfWeek) =>
        date.Date.AddDays(-(((int)date.DayOfWeek - (int)firstDayOfWeek + 7) % 7));

    private CalendarRange(CalendarView view, DateTime start, int days) : this(view, start, start.AddDays(days))
    {
    }
}
