using Bunit;
using CommunityPortal.Components.Shared.Calendar;
using CommunityPortal.Tests.Support;

namespace CommunityPortal.Tests.Components.Shared.Calendar;

public sealed class PortalCalendarTextTests : CalendarTest
{
    [Theory]
    [InlineData("zh-CN", CalendarView.Month, 2026, 12, 15, "2026年12月")]
    [InlineData("en", CalendarView.Month, 2026, 12, 15, "December 2026")]
    [InlineData("zh-CN", CalendarView.Week, 2026, 12, 15, "2026年12月14日 – 12月20日")]
    [InlineData("en", CalendarView.Week, 2026, 12, 15, "14 Dec – 20 Dec 2026")]
    [InlineData("zh-CN", CalendarView.Day, 2026, 12, 15, "2026年12月15日 星期二")]
    [InlineData("en", CalendarView.Day, 2026, 12, 15, "Tuesday 15 December 2026")]
    [InlineData("zh-CN", CalendarView.Agenda, 2026, 12, 25, "2026年12月25日 – 2027年1月7日")]
    [InlineData("en", CalendarView.Agenda, 2026, 12, 25, "25 Dec 2026 – 7 Jan 2027")]
    public void Title_NamesTheShownRange_InTheUsersLanguage(string culture, CalendarView view, int y, int m, int d, string expected)
    {
        using var _ = new CultureScope(culture);

        var cut = RenderCalendar(view, new DateTime(y, m, d));

        Assert.Equal(expected, cut.Find("[data-testid=calendar-title]").TextContent);
    }

    [Theory]
    [InlineData("zh-CN", "今天", "上个月", "下个月", "周一", "月|周|日|日程")]
    [InlineData("en", "Today", "Previous month", "Next month", "Mon", "Month|Week|Day|Agenda")]
    public void Toolbar_And_Weekdays_SpeakTheUsersLanguage(string culture, string today, string previous, string next, string monday, string views)
    {
        using var _ = new CultureScope(culture);

        var cut = RenderCalendar(CalendarView.Month, new DateTime(2026, 12, 15));

        Assert.Equal(today, cut.Find("[data-testid=calendar-today]").TextContent.Trim());
        Assert.Equal(previous, cut.Find("[data-testid=calendar-previous]").GetAttribute("aria-label"));
        Assert.Equal(next, cut.Find("[data-testid=calendar-next]").GetAttribute("aria-label"));
        Assert.Equal(monday, cut.Find(".cal-weekday").TextContent);
        Assert.Equal(views.Split('|'), cut.FindAll("[data-testid^=calendar-view-]").Select(b => b.TextContent.Trim()));
    }

    [Theory]
    [InlineData("zh-CN", "12月10日 周四 09:00–10:30，Opening，Group 1")]
    [InlineData("en", "Thu 10 Dec 09:00–10:30, Opening, Group 1")]
    public void ItemLabel_SaysDayTimeSpanTitleAndSubtitle(string culture, string expected)
    {
        using var _ = new CultureScope(culture);
        var item = new CalendarItem("a", new DateTime(2026, 12, 10, 9, 0, 0), "Opening", Subtitle: "Group 1", End: new DateTime(2026, 12, 10, 10, 30, 0));

        var cut = RenderCalendar(CalendarView.Day, new DateTime(2026, 12, 10), [item]);

        Assert.Equal(expected, cut.Find("[data-key=a]").GetAttribute("aria-label"));
        Assert.Contains("09:00–10:30", cut.Find("[data-key=a]").TextContent);
    }

    [Theory]
    [InlineData("zh-CN", "还有 1 项", "2026年12月9日 星期三：还有 1 项，打开这一天")]
    [InlineData("en", "+1 more", "Wednesday 9 December 2026: 1 more, open this day")]
    public void MoreButton_CountsTheHiddenItems(string culture, string text, string label)
    {
        using var _ = new CultureScope(culture);
        var day = new DateTime(2026, 12, 9);
        var items = Enumerable.Range(0, 3).Select(i => Item("t" + i, day.AddHours(9 + i))).ToList();

        var cut = RenderCalendar(CalendarView.Month, day, items, p => p.Add(c => c.MaxItemsPerDay, 2));

        var more = cut.Find("[data-testid=calendar-more]");
        Assert.Equal(text, more.TextContent);
        Assert.Equal(label, more.GetAttribute("aria-label"));
    }
}
