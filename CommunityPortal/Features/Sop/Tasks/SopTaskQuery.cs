namespace CommunityPortal.Features.Sop.Tasks;

/// <summary>Which tasks to read: a due-time range (UTC, From inclusive, To exclusive) and optional filters.</summary>
public sealed record SopTaskQuery(DateTime From, DateTime To)
{
    public const int MaxRangeDays = 62;
    public const int MaxTake = 5_000;

    public int? GroupId { get; init; }

    public int? SeriesId { get; init; }

    public int? ActivityId { get; init; }

    public int? PlanId { get; init; }

    /// <summary>A user id, or an e-mail (the API).</summary>
    public string? Assignee { get; init; }

    public SopTaskStatus? State { get; init; }

    public int Take { get; init; } = MaxTake;
}
