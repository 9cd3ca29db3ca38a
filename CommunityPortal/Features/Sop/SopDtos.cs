namespace CommunityPortal.Features.Sop;

public sealed record SopStepDto(string Key, string Time, IReadOnlyList<DayOfWeek> Weekdays, int DayOffset, string Title, string Content,
    string? ImageUrl, string? LinkUrl, SopAssigneeMode AssigneeMode, string? AssigneeId, string? AssigneeEmail, string? AssigneeName);

/// <summary>Where a plan applies: a group (GroupId and its name) or a rule (the criteria given).</summary>
public sealed record SopAssignmentDto(int Id, int? GroupId, string? GroupName, Matrix.GroupTier? Tier, Matrix.GroupLifetime? Lifetime,
    int? SeriesId, string? SeriesName, int? ActivityId, string? ActivityName, string? Label, DateTime CreatedAt);

public sealed record SopPlanSummaryDto(int Id, string Name, string? Description, SopPlanKind Kind, SopPlanStatus Status, bool IsTemplate,
    int CurrentVersion, int StepCount, int AssignmentCount, DateTime UpdatedAt);

public sealed record SopPlanDto(int Id, string Name, string? Description, SopPlanKind Kind, SopPlanStatus Status, bool IsTemplate,
    int CurrentVersion, int Version, IReadOnlyList<SopStepDto> Steps, IReadOnlyList<SopAssignmentDto> Assignments, DateTime UpdatedAt);

/// <summary>A task as the calendar, the API and the feed show it. State is Pending, Done, Skipped or Overdue.</summary>
public sealed record SopTaskDto(int Id, int PlanId, string PlanName, int PlanVersion, int GroupId, string GroupName, DateTime DueAt,
    DateOnly OccursOn, string Title, string Content, string? ImageUrl, string? LinkUrl, string? AssigneeId, string? AssigneeEmail,
    string? AssigneeName, SopTaskStatus State, DateTime? DoneAt, string? DoneBy, string? SkipReason, int Version, DateTime UpdatedAt);
