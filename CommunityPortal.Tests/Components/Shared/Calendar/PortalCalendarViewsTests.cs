using Bunit;
using CommunityPortal.Components.Shared.Calendar;
using CommunityPortal.Tests.Support;

namespace CommunityPortal.Tests.Components.Shared.Calendar;

public sealed class PortalCalendarViewsTests : CalendarTest
{
    private static readonly DateTime Anchor = new(2026, 12, 15); // a Tuesday

    [Fact]
    public void Week_PutsEachItemInItsDayAndHour()
    {
        CalendarItem[] items =
        [
            Item("tue-9b", new DateTime(2026, 12, 15, 9, 40, 0)),
            Item("tue-9a", new DateTime(2026, 12, 15, 9, 5, 0)),
            Item("sun-14", new DateTime(2026, 12, 20, 14, 0, 0)),
        ];

        var cut = RenderCalendar(CalendarView.Week, Anchor, items);
        var grid = cut.Find("[data-testid=calendar-hours]");

        Assert.Equal(7, grid.QuerySelectorAll("[data-testid=calendar-day-open]").Length);
        Assert.Equal(["tue-9a", "tue-9b"], Keys(grid.QuerySelector("[data-date='2026-12-15'][data-hour='9']")!));
        Assert.Equal(["sun-14"], Keys(grid.QuerySelector("[data-date='2026-12-20'][data-hour='14']")!));
        Assert.Equal(3, Keys(grid).Length);
    }

    [Fact]
    public void Week_AlsoListsItsDays_ForPhones()
    {
        var items = new[] { Item("sun", new DateTime(2026, 12, 20, 14, 0, 0)), Item("mon", new DateTime(2026, 12, 14, 8, 0, 0)) };

        var cut = RenderCalendar(CalendarView.Week, Anchor, items);

        var list = cut.Find("[data-testid=calendar-agenda]");
        Assert.Equal(["2026-12-14", "2026-12-20"], list.QuerySelectorAll("[data-testid=calendar-agenda-day]").Select(d => d.GetAttribute("data-date")));
        Assert.Equal(["mon", "sun"], Keys(list));
    }

    [Fact]
    public void Day_ShowsWorkingHours_StretchedToReachAnEarlyOrLateItem()
    {
        var items = new[] { Item("early", new DateTime(2026, 12, 15, 6, 30, 0)), Item("late", new DateTime(2026, 12, 15, 22, 0, 0)) };

        var cut = RenderCalendar(CalendarView.Day, Anchor, items, p => p.Add(c => c.FirstHour, 8).Add(c => c.LastHour, 20));

        var hours = cut.FindAll("[data-testid=calendar-slot]").Select(s => s.GetAttribute("data-hour")).ToList();
        Assert.Equal(Enumerable.Range(6, 17).Select(h => h.ToString()), hours);
        Assert.Equal(["early"], Keys(cut.Find("[data-testid=calendar-slot][data-hour='6']")));
        Assert.Equal(["late"], Keys(cut.Find("[data-testid=calendar-slot][data-hour='22']")));
    }

    [Fact]
    public void Day_WithoutItems_ShowsTheWorkingHours()
    {
        var cut = RenderCalendar(CalendarView.Day, Anchor, more: p => p.Add(c => c.FirstHour, 9).Add(c => c.LastHour, 17));

        Assert.Equal(9, cut.FindAll("[data-testid=calendar-slot]").Count);
        Assert.Empty(cut.FindAll("[data-testid=calendar-item]"));
    }

    [Fact]
    public void Agenda_ListsOnlyDaysWithItems_InOrder_WithTheSubtitle()
    {
        using var _ = Chinese();
        CalendarItem[] items =
        [
            Item("b", new DateTime(2026, 12, 20, 18, 0, 0), subtitle: "宝妈2群"),
            Item("a", new DateTime(2026, 12, 16, 9, 0, 0), subtitle: "宝妈1群"),
        ];

        var cut = RenderCalendar(CalendarView.Agenda, Anchor, items);

        var days = cut.FindAll("[data-testid=calendar-agenda-day]");
        Assert.Equal(["12月16日 周三", "12月20日 周日"], days.Select(d => d.QuerySelector("h3")!.TextContent));
        Assert.Equal(["a", "b"], Keys(cut.Find("[data-testid=calendar-agenda]")));
        Assert.Contains("宝妈1群", cut.Find("[data-key=a]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=calendar-empty]"));
    }

    [Theory]
    [InlineData("zh-CN", null, "这段时间没有安排")]
    [InlineData("en", null, "Nothing scheduled in these days")]
    [InlineData("en", "No tasks in these two weeks", "No tasks in these two weeks")]
    public void Agenda_WithNothingInItsDays_SaysSo(string culture, string? emptyText, string expected)
    {
        using var _ = new CultureScope(culture);
        // An item just outside the fourteen days does not count.
        var items = new[] { Item("later", new DateTime(2026, 12, 29, 9, 0, 0)) };

        var cut = RenderCalendar(CalendarView.Agenda, Anchor, items, p => p.Add(c => c.EmptyText, emptyText));

        Assert.Equal(expected, cut.Find("[data-testid=calendar-empty]").TextContent.Trim());
        Assert.Empty(cut.FindAll("[data-testid=calendar-item]"));
    }

    [Fact]
    public void Loading_ShowsAProgressBarAndMarksTheCalendarBusy()
    {
        var cut = RenderCalendar(CalendarView.Month, Anchor, more: p => p.Add(c => c.Loading, true));

        Assert.Single(cut.FindAll("[data-testid=calendar-loading]"));
        Assert.Equal("true", cut.Find(".cal-body").GetAttribute("aria-busy"));

        cut.Render(p => p.Add(c => c.Loading, false));

        Assert.Empty(cut.FindAll("[data-testid=calendar-loading]"));
        Assert.Equal("false", cut.Find(".cal-body").GetAttribute("aria-busy"));
    }
}
