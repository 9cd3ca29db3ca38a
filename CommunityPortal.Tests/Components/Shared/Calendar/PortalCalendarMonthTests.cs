using Bunit;
using CommunityPortal.Components.Shared.Calendar;
using CommunityPortal.Tests.Support;

namespace CommunityPortal.Tests.Components.Shared.Calendar;

public sealed class PortalCalendarMonthTests : CalendarTest
{
    [Theory]
    [InlineData(DayOfWeek.Monday, "2026-11-30", "2027-01-10")]
    [InlineData(DayOfWeek.Sunday, "2026-11-29", "2027-01-09")]
    public void Month_ShowsSixWeeksStartingOnTheFirstDayOfWeek(DayOfWeek firstDay, string first, string last)
    {
        var cut = RenderCalendar(CalendarView.Month, new DateTime(2026, 12, 15), more: p => p.Add(c => c.FirstDayOfWeek, firstDay));

        var days = cut.FindAll("[data-testid=calendar-day]").Select(d => d.GetAttribute("data-date")).ToList();
        Assert.Equal(42, days.Count);
        Assert.Equal(first, days[0]);
        Assert.Equal(last, days[^1]);
        Assert.Equal(days.Count, days.Distinct().Count());
    }

    [Fact]
    public void Month_MarksTodayAndDimsTheDaysOfOtherMonths()
    {
        var cut = RenderCalendar(CalendarView.Month, new DateTime(2026, 12, 15));

        var today = cut.Find("[data-date='2026-12-03']");
        Assert.Contains("today", today.ClassList);
        Assert.Equal("date", today.QuerySelector("[data-testid=calendar-day-open]")!.GetAttribute("aria-current"));
        Assert.Single(cut.FindAll("[aria-current=date]"));
        Assert.Contains("outside", cut.Find("[data-date='2026-11-30']").ClassList);
        Assert.Contains("outside", cut.Find("[data-date='2027-01-01']").ClassList);
        Assert.DoesNotContain("outside", cut.Find("[data-date='2026-12-31']").ClassList);
    }

    [Fact]
    public void Month_PutsEachItemOnItsDay_InTimeOrder()
    {
        CalendarItem[] items =
        [
            Item("late", new DateTime(2026, 12, 3, 20, 0, 0)),
            Item("early", new DateTime(2026, 12, 3, 8, 30, 0)),
            Item("next-month", new DateTime(2027, 1, 2, 9, 0, 0)),
        ];

        var cut = RenderCalendar(CalendarView.Month, new DateTime(2026, 12, 15), items);

        Assert.Equal(["early", "late"], Keys(cut.Find("[data-date='2026-12-03']")));
        Assert.Equal(["next-month"], Keys(cut.Find("[data-date='2027-01-02']")));
        Assert.Equal(3, cut.FindAll("[data-testid=calendar-item]").Count);
        Assert.Contains("08:30", cut.Find("[data-key=early]").TextContent);
    }

    [Fact]
    public void Month_ShowsTheFirstItemsOfABusyDay_ThenHowManyMore_WhichOpensTheDay()
    {
        var day = new DateTime(2026, 12, 9);
        var items = Enumerable.Range(0, 5).Select(i => Item("t" + i, day.AddHours(8 + i))).ToList();
        using var _ = Chinese();
        var cut = RenderCalendar(CalendarView.Month, new DateTime(2026, 12, 15), items, p => p.Add(c => c.MaxItemsPerDay, 3));

        var cell = cut.Find("[data-date='2026-12-09']");
        Assert.Equal(["t0", "t1", "t2"], Keys(cell));
        var more = cell.QuerySelector("[data-testid=calendar-more]")!;
        Assert.Equal("还有 2 项", more.TextContent);

        more.Click();

        Assert.Equal([CalendarView.Day], ViewsChanged);
        Assert.Equal([day], DatesChanged);
        Assert.Equal(Range(CalendarView.Day, 2026, 12, 9, 2026, 12, 10), Ranges[^1]);
        Assert.Equal("day", cut.Find("[data-testid=calendar]").GetAttribute("data-view"));
        Assert.Equal(["t0", "t1", "t2", "t3", "t4"], Keys(cut.Find("[data-testid=calendar-hours]")));
    }

    [Fact]
    public void Month_DayWithFewItems_HasNoMoreButton_AndTappingTheDayOpensIt()
    {
        using var _ = Chinese();
        var items = new[] { Item("a", new DateTime(2026, 12, 10, 9, 0, 0)) };
        var cut = RenderCalendar(CalendarView.Month, new DateTime(2026, 12, 15), items);

        Assert.Empty(cut.FindAll("[data-testid=calendar-more]"));
        var open = cut.Find("[data-date='2026-12-10'] [data-testid=calendar-day-open]");
        Assert.Equal("2026年12月10日 星期四：1 项，打开这一天", open.GetAttribute("aria-label"));

        open.Click();

        Assert.Equal(Range(CalendarView.Day, 2026, 12, 10, 2026, 12, 11), Ranges[^1]);
    }

    [Fact]
    public void ItemClicked_HandsTheItemToTheCaller()
    {
        var item = Item("a", new DateTime(2026, 12, 10, 9, 0, 0));
        var cut = RenderCalendar(CalendarView.Month, new DateTime(2026, 12, 15), [item]);

        cut.Find("[data-key=a]").Click();

        Assert.Equal([item], Clicked);
    }

    [Fact]
    public void Item_IsANativeButton_NamedByDayTimeTitleGroupAndState()
    {
        using var _ = Chinese();
        var labels = new Dictionary<CalendarTone, string> { [CalendarTone.Pending] = "待办", [CalendarTone.Done] = "已完成" };
        var item = Item("a", new DateTime(2026, 12, 10, 9, 5, 0), CalendarTone.Done, "宝妈1群");
        var cut = RenderCalendar(CalendarView.Month, new DateTime(2026, 12, 15), [item], p => p.Add(c => c.ToneLabels, labels));

        var button = cut.Find("[data-key=a]");
        // A native button: the browser presses it on Enter and Space and shows its focus; no key handling of our own.
        Assert.Equal("BUTTON", button.TagName);
        Assert.Equal("button", button.GetAttribute("type"));
        Assert.Equal("12月10日 周四 09:05，Task a，宝妈1群，已完成", button.GetAttribute("aria-label"));
        Assert.Contains("--mud-palette-success", button.GetAttribute("style"));
        Assert.Equal(["待办", "已完成"], cut.FindAll("[data-testid=calendar-legend] li").Select(li => li.TextContent));
    }
}
