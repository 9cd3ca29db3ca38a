using Bunit;
using CommunityPortal.Components.Shared.Calendar;
using CommunityPortal.Infrastructure.Time;
using CommunityPortal.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPortal.Tests.Components.Shared.Calendar;

/// <summary>
/// The calendar as a caller uses it: it records every range the calendar asks for and every item clicked. The clock stands at
/// Thursday 3 December 2026, 10:00 in the portal's time zone.
/// </summary>
public abstract class CalendarTest : ComponentTest
{
    protected static readonly DateTime Today = new(2026, 12, 3);

    protected List<CalendarRange> Ranges { get; } = [];

    protected List<CalendarItem> Clicked { get; } = [];

    protected List<CalendarView> ViewsChanged { get; } = [];

    protected List<DateTime> DatesChanged { get; } = [];

    protected override void AddFeatureServices(IServiceCollection services) =>
        services.AddSingleton<TimeProvider>(new FixedClock(PortalTime.ToUtc(Today.AddHours(10))));

    protected IRenderedComponent<PortalCalendar> RenderCalendar(
        CalendarView view,
        DateTime date,
        IReadOnlyList<CalendarItem>? items = null,
        Action<ComponentParameterCollectionBuilder<PortalCalendar>>? more = null) =>
        Render<PortalCalendar>(p =>
        {
            p.Add(c => c.View, view)
                .Add(c => c.ViewChanged, v => ViewsChanged.Add(v))
                .Add(c => c.Date, date)
                .Add(c => c.DateChanged, d => DatesChanged.Add(d))
                .Add(c => c.Items, items ?? [])
                .Add(c => c.OnRangeChanged, r => Ranges.Add(r))
                .Add(c => c.OnItemClick, i => Clicked.Add(i));
            more?.Invoke(p);
        });

    protected static CalendarItem Item(string key, DateTime start, CalendarTone tone = CalendarTone.Pending, string? subtitle = null) =>
        new(key, start, "Task " + key, tone, subtitle);

    /// <summary>The keys of the items inside an element, in the order shown.</summary>
    protected static string[] Keys(AngleSharp.Dom.IElement scope) =>
        [.. scope.QuerySelectorAll("[data-testid=calendar-item]").Select(e => e.GetAttribute("data-key")!)];

    protected static CalendarRange Range(CalendarView view, int y1, int m1, int d1, int y2, int m2, int d2) =>
        new(view, new DateTime(y1, m1, d1), new DateTime(y2, m2, d2));

    private sealed class FixedClock(DateTime utcNow) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(DateTime.SpecifyKind(utcNow, DateTimeKind.Utc));
    }
}
