
namespace CommunityPortal.Features.Matrix.Activities;

/// <summary>
/// What the activity dialog binds to: <see cref="ActivityInput"/> with the dates as the date picker's DateTime?. Property
/// names match ActivityInput, so the service's field errors land under the right inputs. The dates are calendar days of
/// the portal's time zone and stay calendar days: no conversion.
/// </summary>
public sealed class ActivityForm
{
    public int SeriesId { get; set; }

    public int PeriodNo { get; set; }

    public string? Name { get; set; }

    public DateTime? StartDate { get; set; }

    public DateTime? EndDate { get; set; }

    public ActivityStatus Status { get; set; } = ActivityStatus.Planned;

    /// <summary>The next free period, starting the day after the latest one ends (or today); a temporary group lives about a week.</summary>
    public static ActivityForm Next(int seriesId, ActivityDto? latest, DateOnly today)
    {
        var start = latest?.EndDate.AddDays(1) ?? today;
        return new ActivityForm
        {
            SeriesId = seriesId,
            PeriodNo = (latest?.PeriodNo ?? 0) + 1,
            StartDate = Day(start),
            EndDate = Day(start.AddDays(6)),
        };
    }

    public static ActivityForm From(ActivityDto activity) => new()
    {
        SeriesId = activity.SeriesId,
        PeriodNo = activity.PeriodNo,
        Name = activity.Name,
        StartDate = Day(activity.StartDate),
        EndDate = Day(activity.EndDate),
        Status = activity.Status,
    };

    public ActivityInput ToInput() => new()
    {
        SeriesId = SeriesId,
        PeriodNo = PeriodNo,
        Name = Name,
        StartDate = StartDate is { } start ? DateOnly.FromDateTime(start) : null,
        EndDate = EndDate is { } end ? DateOnly.FromDateTime(end) : null,
        Status = Status,
    };

    private static DateTime Day(DateOnly date) => date.ToDateTime(TimeOnly.MinValue);
}
