namespace CommunityPortal.Features.Sop;

/// <summary>Tasks were made, moved or removed for these plans and groups (null: any).</summary>
public sealed record SopTasksChanged(IReadOnlyCollection<int>? PlanIds, IReadOnlyCollection<int>? GroupIds) : IDomainEvent;

/// <summary>A task was ticked done or skipped.</summary>
public sealed record SopTaskSettled(int TaskId, int PlanId, int GroupId, string? AssigneeId, SopTaskState State, bool OnTime) : IDomainEvent;
