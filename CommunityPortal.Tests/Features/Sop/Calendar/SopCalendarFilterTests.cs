using CommunityPortal.Components.Shared.Calendar;
using CommunityPortal.Features.Sop;
using CommunityPortal.Features.Sop.Calendar;

namespace CommunityPortal.Tests.Features.Sop.Calendar;

public sealed class SopCalendarFilterTests
{
    private static readonly SopViewer Operator = new(new SopActor("op-1", "小王", false), CanEdit: true);
    private static readonly SopViewer Boss = new(new SopActor("boss", "经理", true), CanEdit: true);
    private static readonly SopViewer Reader = new(new SopActor("viewer", "访客", false), CanEdit: false);

    [Fact]
    public void The_address_carries_every_filter_the_view_the_date_and_the_open_task()
    {
        var filter = new SopCalendarFilter
        {
            GroupId = 3, SeriesId = 5, Assignee = "li@example.cn", State = SopTaskStatus.Overdue, View = CalendarView.Agenda,
            Date = new DateOnly(2030, 1, 9), TaskId = 42,
        };

        var uri = filter.ToUri();

        Assert.Equal("sop/calendar?group=3&series=5&assignee=li@example.cn&state=Overdue&view=agenda&date=2030-01-09&task=42", uri);
        Assert.Equal(filter, SopCalendarFilter.Parse("http://portal.test/" + uri));
        Assert.Equal("sop/calendar", new SopCalendarFilter().ToUri());
    }

    [Fact]
    public void Nonsense_in_the_address_is_ignored_rather_than_guessed()
    {
        var parsed = SopCalendarFilter.Parse("http://portal.test/sop/calendar?group=-1&series=x&state=Later&view=year&date=9.1.2030&task=0");

        Assert.Equal(new SopCalendarFilter(), parsed);
    }

    [Fact]
    public void Operators_start_on_their_own_tasks_managers_and_viewers_on_everyones()
    {
        var range = CalendarRange.For(CalendarView.Week, new DateTime(2030, 1, 9), DayOfWeek.Monday, 14);

        Assert.Equal("op-1", new SopCalendarFilter().ToQuery(range, Operator).Assignee);
        Assert.Null(new SopCalendarFilter().ToQuery(range, Boss).Assignee);
        Assert.Null(new SopCalendarFilter().ToQuery(range, Reader).Assignee);
        Assert.Null(new SopCalendarFilter { Assignee = SopCalendarFilter.All }.ToQuery(range, Operator).Assignee);
        Assert.Equal("boss", new SopCalendarFilter { Assignee = SopCalendarFilter.Me }.ToQuery(range, Boss).Assignee);
        Assert.Equal("li@example.cn", new SopCalendarFilter { Assignee = "li@example.cn" }.ToQuery(range, Boss).Assignee);
    }

    [Fact]
    public void The_days_shown_are_the_teams_days_asked_for_in_utc()
    {
        var range = CalendarRange.For(CalendarView.Week, new DateTime(2030, 1, 9), DayOfWeek.Monday, 14);

        var query = new SopCalendarFilter { GroupId = 3, State = SopTaskStatus.Done }.ToQuery(range, Boss);

        // Monday 7 January 00:00 in Shanghai is 16:00 UTC the day before; the week ends at the next Monday's midnight.
        Assert.Equal((new DateTime(2030, 1, 6, 16, 0, 0), new DateTime(2030, 1, 13, 16, 0, 0)), (query.From, query.To));
        Assert.Equal((3, SopTaskStatus.Done), (query.GroupId, query.State));
    }
}
