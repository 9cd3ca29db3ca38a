using CommunityPortal.Features.Matrix;
using CommunityPortal.Features.Matrix.Activities;

namespace CommunityPortal.Tests.Features.Matrix.Activities;

public sealed class ActivityFormTests
{
    private static ActivityDto Period(int no, DateOnly start, DateOnly end) =>
        new(7, 3, "21天共读", 1, no, $"21天共读 第{no}期", start, end, ActivityStatus.Ended, 1, 0, 0);

    [Fact]
    public void Next_FollowsTheLatestPeriod_TheDayAfterItEnds_ForAWeek()
    {
        var form = ActivityForm.Next(3, Period(4, new DateOnly(2026, 11, 20), new DateOnly(2026, 11, 26)), new DateOnly(2026, 12, 3));

        Assert.Equal(5, form.PeriodNo);
        Assert.Equal(new DateTime(2026, 11, 27), form.StartDate);
        Assert.Equal(new DateTime(2026, 12, 3), form.EndDate);
    }

    [Fact]
    public void Next_OfANewSeries_StartsOnThePortalsToday()
    {
        var form = ActivityForm.Next(3, null, new DateOnly(2026, 12, 3));

        Assert.Equal(1, form.PeriodNo);
        Assert.Equal(new DateTime(2026, 12, 3), form.StartDate);
        Assert.Equal(new DateTime(2026, 12, 9), form.EndDate);
    }

    [Fact]
    public void PickedDates_AreSavedAsTheSameCalendarDays()
    {
        var form = ActivityForm.From(Period(2, new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 7)));
        form.StartDate = new DateTime(2026, 12, 31, 23, 59, 0);

        var input = form.ToInput();

        Assert.Equal(new DateOnly(2026, 12, 31), input.StartDate);
        Assert.Equal(new DateOnly(2026, 12, 7), input.EndDate);
        Assert.Equal((3, 2, "21天共读 第2期", ActivityStatus.Ended), (input.SeriesId, input.PeriodNo, input.Name, input.Status));
    }
}
