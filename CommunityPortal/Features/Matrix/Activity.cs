using CommunityPortal.Infrastructure.Domain;

namespace CommunityPortal.Features.Matrix;

/// <summary>活动: one period (第N期) of a series, with dates and the groups it opens.</summary>
public sealed class Activity : Entity
{
    public const int NameMax = 60;

    public int SeriesId { get; set; }

    public Series? Series { get; set; }

    /// <summary>第N期: unique within the series.</summary>
    public int PeriodNo { get; set; }

    public string Name { get; set; } = "";

    public DateOnly StartDate { get; set; }

    public DateOnly EndDate { get; set; }

    public ActivityStatus Status { get; set; }

    public List<Group> Groups { get; set; } = [];
}
