namespace CommunityPortal.Features.Sop.Tasks;

/// <summary>One step due on one day: what materialisation turns into a task.</summary>
public sealed record SopOccurrence(SopStep Step, DateOnly OccursOn, DateTime DueAt);

/// <summary>When a plan's steps fall in a range of days (pure: no clock, no database).</summary>
public static class SopSchedule
{
    /// <param name="opening">The group's opening day; a relative plan has no occurrence without one.</param>
    public static IEnumerable<SopOccurrence> Occurrences(SopPlanKind kind, IReadOnlyList<SopStep> steps, DateOnly from, DateOnly to,
        DateOnly? opening, TimeZoneInfo zone)
    {
        if (kind == SopPlanKind.Relative)
        {
            if (opening is not { } start)
            {
                yield break;
            }
            foreach (var step in steps)
            {
                var day = start.AddDays(step.DayOffset);
                if (day >= from && day <= to)
                {
                    yield return new(step, day, DueAt(day, step.TimeOfDay, zone));
                }
            }
            yield break;
        }
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            foreach (var step in steps)
            {
                if (kind == SopPlanKind.Daily || (step.Weekdays & (1 << (int)day.DayOfWeek)) != 0)
                {
                    yield return new(step, day, DueAt(day, step.TimeOfDay, zone));
                }
            }
        }
    }

    /// <summary>The wall-clock time in the team's zone as UTC; a time a daylight-saving jump skips moves an hour on.</summary>
    public static DateTime DueAt(DateOnly day, TimeOnly time, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(time, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }
        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }
}
