using CommunityPortal.Infrastructure.Time;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace CommunityPortal.Components.Shared.Calendar;

/// <summary>
/// A calendar over items the caller supplies: month, week, day and agenda views, today / previous / next, colour by tone.
/// It never loads anything: it reports the days it shows through <see cref="OnRangeChanged"/> (once at first and again on
/// every change of view or date, whoever made it) and shows whatever <see cref="Items"/> then holds.
/// </summary>
public sealed partial class PortalCalendar
{
    private CalendarView view;
    private DateTime date;
    private CalendarView? viewParameter;
    private DateTime? dateParameter;
    private CalendarRange? reported;
    private IReadOnlyList<CalendarItem>? groupedItems;
    private ILookup<DateTime, CalendarItem> byDay = Array.Empty<CalendarItem>().ToLookup(i => i.Start.Date);

    [Inject]
    private IStringLocalizer<CalendarText> S { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    /// <summary>The view shown (two-way: <c>@bind-View</c>).</summary>
    [Parameter]
    public CalendarView View { get; set; } = CalendarView.Month;

    [Parameter]
    public EventCallback<CalendarView> ViewChanged { get; set; }

    /// <summary>The anchor date (its time is ignored; default: today in the portal's time zone). Two-way: <c>@bind-Date</c>.</summary>
    [Parameter]
    public DateTime Date { get; set; }

    [Parameter]
    public EventCallback<DateTime> DateChanged { get; set; }

    /// <summary>
    /// The items of the range last reported through <see cref="OnRangeChanged"/>, in wall-clock time. Pass a new list to change
    /// them: the calendar sorts and groups a list once, when it receives it.
    /// </summary>
    [Parameter]
    public IReadOnlyList<CalendarItem> Items { get; set; } = [];

    /// <summary>Someone clicked an item, or pressed Enter or Space on it.</summary>
    [Parameter]
    public EventCallback<CalendarItem> OnItemClick { get; set; }

    /// <summary>The days now shown: load the items in it. Fired at first and whenever the view or the date changes.</summary>
    [Parameter]
    public EventCallback<CalendarRange> OnRangeChanged { get; set; }

    [Parameter]
    public DayOfWeek FirstDayOfWeek { get; set; } = DayOfWeek.Monday;

    /// <summary>Shows a progress bar and marks the calendar busy while the caller loads.</summary>
    [Parameter]
    public bool Loading { get; set; }

    /// <summary>What each tone means (for example Pending → "待办"): shown as the legend, in this order, and said after each item.</summary>
    [Parameter]
    public IReadOnlyDictionary<CalendarTone, string>? ToneLabels { get; set; }

    /// <summary>Items a month cell shows before "+k more".</summary>
    [Parameter]
    public int MaxItemsPerDay { get; set; } = 3;

    /// <summary>Days the agenda lists from the anchor date.</summary>
    [Parameter]
    public int AgendaDays { get; set; } = 14;

    /// <summary>The hours week and day views always show; earlier or later hours appear when an item falls in them.</summary>
    [Parameter]
    public int FirstHour { get; set; } = 8;

    [Parameter]
    public int LastHour { get; set; } = 20;

    /// <summary>The agenda's text when nothing falls in its days (default: a neutral "nothing scheduled").</summary>
    [Parameter]
    public string? EmptyText { get; set; }

    /// <summary>The calendar region's accessible name (default "日历" / "Calendar").</summary>
    [Parameter]
    public string? AriaLabel { get; set; }

    internal CalendarView CurrentView => view;

    internal DateTime Anchor => date;

    internal DateTime Today => PortalTime.ToLocal(Clock.GetUtcNow().UtcDateTime).Date;

    internal CalendarRange Range => CalendarRange.For(view, date, FirstDayOfWeek, AgendaDays);

    internal IReadOnlyList<CalendarItem> ItemsOn(DateTime day) => [.. byDay[day.Date]];

    internal string? ToneLabel(CalendarTone tone) => ToneLabels?.GetValueOrDefault(tone);

    internal Task OpenItemAsync(CalendarItem item) => OnItemClick.InvokeAsync(item);

    internal Task OpenDayAsync(DateTime day) => GoAsync(CalendarView.Day, day.Date);

    protected override async Task OnParametersSetAsync()
    {
        // A parameter is taken when the caller changed it, not on every render: a caller that does not bind View or Date
        // would otherwise undo each navigation the moment it re-renders.
        if (View != viewParameter)
        {
            viewParameter = view = View;
        }

        if (Date.Date != dateParameter)
        {
            dateParameter = Date.Date;
            date = Date == default ? Today : Date.Date;
        }

        if (!ReferenceEquals(Items, groupedItems))
        {
            groupedItems = Items;
            byDay = Items.OrderBy(i => i.Start).ThenBy(i => i.Title, StringComparer.CurrentCulture).ToLookup(i => i.Start.Date);
        }

        await ReportRangeAsync();
    }

    private Task StepAsync(int direction) => GoAsync(view, CalendarRange.Step(view, date, direction, AgendaDays));

    private Task TodayAsync() => GoAsync(view, Today);

    private Task SetViewAsync(CalendarView value) => GoAsync(value, date);

    private async Task GoAsync(CalendarView nextView, DateTime nextDate)
    {
        var viewChanged = nextView != view;
        var dateChanged = nextDate != date;
        view = nextView;
        date = nextDate;
        if (viewChanged)
        {
            await ViewChanged.InvokeAsync(view);
        }

        if (dateChanged)
        {
            await DateChanged.InvokeAsync(date);
        }

        await ReportRangeAsync();
        // A day or "+k more" button belongs to a child view, whose click re-renders only that child.
        StateHasChanged();
    }

    private async Task ReportRangeAsync()
    {
        var range = Range;
        if (range == reported)
        {
            return;
        }

        // Noted before the caller hears of it: its reload re-renders this component, which must not report the range again.
        reported = range;
        await OnRangeChanged.InvokeAsync(range);
    }

    private string StepLabel(string direction) =>
        view == CalendarView.Agenda ? S[$"{direction}.Agenda", AgendaDays] : S[$"{direction}.{view}"];
}
