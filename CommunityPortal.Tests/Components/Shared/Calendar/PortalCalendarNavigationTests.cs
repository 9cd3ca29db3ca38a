using Bunit;
using CommunityPortal.Components.Shared.Calendar;

namespace CommunityPortal.Tests.Components.Shared.Calendar;

public sealed class PortalCalendarNavigationTests : CalendarTest
{
    private static readonly DateTime Anchor = new(2026, 12, 15); // a Tuesday

    public static TheoryData<CalendarView, string, CalendarRange> Steps => new()
    {
        { CalendarView.Month, "calendar-next", Range(CalendarView.Month, 2026, 12, 28, 2027, 2, 8) },
        { CalendarView.Month, "calendar-previous", Range(CalendarView.Month, 2026, 10, 26, 2026, 12, 7) },
        { CalendarView.Month, "calendar-today", Range(CalendarView.Month, 2026, 11, 30, 2027, 1, 11) },
        { CalendarView.Week, "calendar-next", Range(CalendarView.Week, 2026, 12, 21, 2026, 12, 28) },
        { CalendarView.Week, "calendar-previous", Range(CalendarView.Week, 2026, 12, 7, 2026, 12, 14) },
        { CalendarView.Week, "calendar-today", Range(CalendarView.Week, 2026, 11, 30, 2026, 12, 7) },
        { CalendarView.Day, "calendar-next", Range(CalendarView.Day, 2026, 12, 16, 2026, 12, 17) },
        { CalendarView.Day, "calendar-previous", Range(CalendarView.Day, 2026, 12, 14, 2026, 12, 15) },
        { CalendarView.Day, "calendar-today", Range(CalendarView.Day, 2026, 12, 3, 2026, 12, 4) },
        { CalendarView.Agenda, "calendar-next", Range(CalendarView.Agenda, 2026, 12, 29, 2027, 1, 12) },
        { CalendarView.Agenda, "calendar-previous", Range(CalendarView.Agenda, 2026, 12, 1, 2026, 12, 15) },
        { CalendarView.Agenda, "calendar-today", Range(CalendarView.Agenda, 2026, 12, 3, 2026, 12, 17) },
    };

    [Theory]
    [MemberData(nameof(Steps))]
    public void Toolbar_ReportsTheRangeToLoad_FirstTheShownOneThenTheNewOne(CalendarView view, string button, CalendarRange expected)
    {
        var cut = RenderCalendar(view, Anchor);
        var shown = CalendarRange.For(view, Anchor, DayOfWeek.Monday, 14);

        cut.Find($"[data-testid={button}]").Click();

        // Today's month is the shown one: nothing new to load.
        Assert.Equal(expected == shown ? [shown] : [shown, expected], Ranges);
        Assert.Single(DatesChanged);
        Assert.Empty(ViewsChanged);
    }

    [Fact]
    public void FirstRender_ReportsItsRangeOnce_AndRendersDoNotRepeatIt()
    {
        var cut = RenderCalendar(CalendarView.Week, Anchor);

        cut.Render(p => p.Add(c => c.Items, [Item("a", Anchor.AddHours(9))]));
        cut.Render(p => p.Add(c => c.Loading, true));

        Assert.Equal([Range(CalendarView.Week, 2026, 12, 14, 2026, 12, 21)], Ranges);
    }

    [Fact]
    public void WithoutADate_ShowsTodayInThePortalsTimeZone()
    {
        Render<PortalCalendar>(p => p.Add(c => c.View, CalendarView.Day).Add(c => c.OnRangeChanged, r => Ranges.Add(r)));

        Assert.Equal([Range(CalendarView.Day, 2026, 12, 3, 2026, 12, 4)], Ranges);
    }

    [Fact]
    public void Navigation_TellsABoundCallerTheNewDate()
    {
        var cut = RenderCalendar(CalendarView.Week, Anchor);

        cut.Find("[data-testid=calendar-next]").Click();

        Assert.Equal([new DateTime(2026, 12, 22)], DatesChanged);
        Assert.Empty(ViewsChanged);
    }

    [Fact]
    public void Navigation_Holds_WhenACallerThatDoesNotBindTheDateReRenders()
    {
        var cut = RenderCalendar(CalendarView.Month, Anchor);
        cut.Find("[data-testid=calendar-next]").Click();

        // The caller loads the new range and renders again with its Date parameter unchanged (not bound).
        cut.Render(p => p.Add(c => c.Items, [Item("jan", new DateTime(2027, 1, 20, 9, 0, 0))]));

        Assert.Equal(2, Ranges.Count);
        Assert.Equal(["jan"], Keys(cut.Find("[data-date='2027-01-20']")));
        Assert.DoesNotContain("outside", cut.Find("[data-date='2027-01-20']").ClassList);
    }

    [Fact]
    public void CallerChangingViewOrDate_ReportsTheNewRange()
    {
        var cut = RenderCalendar(CalendarView.Month, Anchor);

        cut.Render(p => p.Add(c => c.Date, new DateTime(2027, 3, 10)));
        cut.Render(p => p.Add(c => c.View, CalendarView.Day));

        Assert.Equal(
            [
                Range(CalendarView.Month, 2026, 11, 30, 2027, 1, 11),
                Range(CalendarView.Month, 2027, 3, 1, 2027, 4, 12),
                Range(CalendarView.Day, 2027, 3, 10, 2027, 3, 11),
            ],
            Ranges);
    }

    [Theory]
    [InlineData("calendar-view-week", CalendarView.Week, 2026, 12, 14, 2026, 12, 21)]
    [InlineData("calendar-view-day", CalendarView.Day, 2026, 12, 15, 2026, 12, 16)]
    [InlineData("calendar-view-agenda", CalendarView.Agenda, 2026, 12, 15, 2026, 12, 29)]
    public void ViewSwitch_ShowsTheViewAndReportsItsRange(string button, CalendarView view, int y1, int m1, int d1, int y2, int m2, int d2)
    {
        var cut = RenderCalendar(CalendarView.Month, Anchor);

        cut.Find($"[data-testid={button}]").Click();

        Assert.Equal([view], ViewsChanged);
        Assert.Equal(Range(view, y1, m1, d1, y2, m2, d2), Ranges[^1]);
        Assert.Equal(view.ToString().ToLowerInvariant(), cut.Find("[data-testid=calendar]").GetAttribute("data-view"));
    }

    [Fact]
    public void WeekHeader_OpensTheDay()
    {
        var cut = RenderCalendar(CalendarView.Week, Anchor);

        cut.FindAll("[data-testid=calendar-hours] [data-testid=calendar-day-open]")[4].Click();

        Assert.Equal([CalendarView.Day], ViewsChanged);
        Assert.Equal(Range(CalendarView.Day, 2026, 12, 18, 2026, 12, 19), Ranges[^1]);
    }
}
