namespace CommunityPortal.Features.Sop;

/// <summary>
/// Where a plan applies: one group (GroupId), or a rule over groups (any of tier, lifetime, series, activity, label;
/// all given criteria must match). A rule also takes groups created after it, 复制上一期 included.
/// </summary>
public sealed class SopAssignment
{
    public int Id { get; set; }

    public int PlanId { get; set; }

    public int? GroupId { get; set; }

    public Matrix.GroupTier? Tier { get; set; }

    public Matrix.GroupLifetime? Lifetime { get; set; }

    public int? SeriesId { get; set; }

    public int? ActivityId { get; set; }

    public string? Label { get; set; }

    /// <summary>Tasks are made only for times after this: applying a plan at 15:00 makes no task due at 09:00 that day.</summary>
    public DateTime CreatedAt { get; set; }

    public string? CreatedById { get; set; }

    public bool IsRule => GroupId is null;
}
