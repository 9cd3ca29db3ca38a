namespace CommunityPortal.Features.Sop;

/// <summary>One step of a plan version: when (time of day; weekdays or a day offset), what (title, content), who.</summary>
public sealed class SopStep
{
    public const int TitleMax = 80;
    public const int ContentMax = 2000;
    public const int UrlMax = 500;
    public const int KeyLength = 12;
    public const int MaxSteps = 50;
    public const int MaxDayOffset = 365;

    public int Id { get; set; }

    public int PlanVersionId { get; set; }

    /// <summary>The same step across versions (a task is one step on one day for one group).</summary>
    public string Key { get; set; } = "";

    public int Position { get; set; }

    public TimeOnly TimeOfDay { get; set; }

    /// <summary>Weekly plans: one bit per <see cref="DayOfWeek"/> (bit 0 Sunday … bit 6 Saturday).</summary>
    public int Weekdays { get; set; }

    /// <summary>Relative plans: days after the group's opening (0 = the opening day).</summary>
    public int DayOffset { get; set; }

    public string Title { get; set; } = "";

    public string Content { get; set; } = "";

    public string? ImageUrl { get; set; }

    public string? LinkUrl { get; set; }

    public SopAssigneeMode AssigneeMode { get; set; }

    public string? AssigneeId { get; set; }

    public static int Mask(IEnumerable<DayOfWeek> days) => days.Aggregate(0, (mask, day) => mask | (1 << (int)day));

    public static IReadOnlyList<DayOfWeek> Days(int mask) =>
        [.. Enum.GetValues<DayOfWeek>().Where(d => (mask & (1 << (int)d)) != 0).OrderBy(d => ((int)d + 6) % 7)];
}
