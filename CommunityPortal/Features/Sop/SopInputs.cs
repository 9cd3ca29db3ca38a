namespace CommunityPortal.Features.Sop;

/// <summary>A plan as a manager edits it (page and API).</summary>
public sealed class SopPlanInput
{
    public string? Name { get; set; }

    public string? Description { get; set; }

    public SopPlanKind Kind { get; set; }

    public List<SopStepInput> Steps { get; set; } = [];
}

public sealed class SopStepInput
{
    /// <summary>The step's key when it already existed (keeps its tasks); empty for a new step.</summary>
    public string? Key { get; set; }

    /// <summary>"HH:mm", 00:00–23:59, in the team's time zone.</summary>
    public string? Time { get; set; }

    public List<DayOfWeek> Weekdays { get; set; } = [];

    public int DayOffset { get; set; }

    public string? Title { get; set; }

    public string? Content { get; set; }

    public string? ImageUrl { get; set; }

    public string? LinkUrl { get; set; }

    public SopAssigneeMode AssigneeMode { get; set; }

    /// <summary>With <see cref="SopAssigneeMode.User"/>: the person's id (pages) or e-mail (API).</summary>
    public string? Assignee { get; set; }
}

/// <summary>Where to apply a plan: named groups, or a rule (at least one criterion).</summary>
public sealed class SopApplyInput
{
    public List<int> GroupIds { get; set; } = [];

    public Matrix.GroupTier? Tier { get; set; }

    public Matrix.GroupLifetime? Lifetime { get; set; }

    public int? SeriesId { get; set; }

    public int? ActivityId { get; set; }

    public string? Label { get; set; }

    public bool IsRule => Tier is not null || Lifetime is not null || SeriesId is not null || ActivityId is not null
        || !string.IsNullOrWhiteSpace(Label);
}

/// <summary>Who ticks a task, and whether they may tick any (managers and admins) or only their own and their groups'.</summary>
public sealed record SopActor(string UserId, string Name, bool CanManage);
