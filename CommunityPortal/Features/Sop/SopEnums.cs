namespace CommunityPortal.Features.Sop;

/// <summary>日SOP, 周SOP, or a plan counted in days from a group's opening (开群仪式, task groups).</summary>
public enum SopPlanKind
{
    Daily = 0,
    Weekly = 1,
    Relative = 2,
}

public enum SopPlanStatus
{
    Active = 0,
    Archived = 1,
}

/// <summary>Who does a step: the group's owner (群主), or one named person (fixed accounts for fixed tasks, seeds/003).</summary>
public enum SopAssigneeMode
{
    GroupOwner = 0,
    User = 1,
}

/// <summary>A task's stored state. Overdue is not stored: a pending task past its due time plus the grace period.</summary>
public enum SopTaskState
{
    Pending = 0,
    Done = 1,
    Skipped = 2,
}

/// <summary>A task's state as people read it (and as the API and filters name it).</summary>
public enum SopTaskStatus
{
    Pending = 0,
    Done = 1,
    Skipped = 2,
    Overdue = 3,
}
