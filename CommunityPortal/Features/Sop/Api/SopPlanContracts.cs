using System.ComponentModel;
using CommunityPortal.Features.Matrix;
using CommunityPortal.Features.Sop.Tasks;

namespace CommunityPortal.Features.Sop.Api;

// The SOP API's wire shape for plans, apart from the services' DTOs. Request members are optional on the wire: what is
// missing or wrong is reported by the services' validation, naming the field in the caller's language.

public sealed record SopPlanRequest
{
    [Description("At most 60 characters.")]
    public string? Name { get; init; }

    public string? Description { get; init; }

    [Description("Daily (every day), Weekly (on each step's weekdays) or Relative (a step's dayOffset after the group's opening). Required.")]
    public SopPlanKind? Kind { get; init; }

    [Description("1-50 steps. On update, send each existing step's key to keep its tasks; a step without a key is new.")]
    public List<SopStepRequest>? Steps { get; init; }

    [Description("The version last read; required on update (PUT).")]
    public int? Version { get; init; }

    public SopPlanInput ToInput(SopPlanKind kind) => new()
    {
        Name = Name,
        Description = Description,
        Kind = kind,
        Steps = [.. (Steps ?? []).Select(s => s.ToInput())],
    };
}

public sealed record SopStepRequest
{
    [Description("The step's key as read from the plan (keeps its tasks across versions); leave out for a new step.")]
    public string? Key { get; init; }

    [Description("\"HH:mm\", 00:00-23:59, in the team's time zone (Portal:TimeZone).")]
    public string? Time { get; init; }

    [Description("Weekly plans: at least one day (\"Monday\" …).")]
    public List<DayOfWeek>? Weekdays { get; init; }

    [Description("Relative plans: days after the group's opening, 0-365 (0 = the opening day).")]
    public int? DayOffset { get; init; }

    public string? Title { get; init; }

    [Description("The text to post. Placeholders: {group} {activity} {series} {liveCodeUrl} {signupUrl} {date} {owner}; any other {name} is refused.")]
    public string? Content { get; init; }

    public string? ImageUrl { get; init; }

    public string? LinkUrl { get; init; }

    [Description("GroupOwner (the group's owner does it) or User (the person in assignee). GroupOwner when left out and no assignee is given.")]
    public SopAssigneeMode? AssigneeMode { get; init; }

    [Description("With assigneeMode User: the e-mail of a portal user.")]
    public string? Assignee { get; init; }

    public SopStepInput ToInput() => new()
    {
        Key = Key,
        Time = Time,
        Weekdays = Weekdays ?? [],
        DayOffset = DayOffset ?? 0,
        Title = Title,
        Content = Content,
        ImageUrl = ImageUrl,
        LinkUrl = LinkUrl,
        AssigneeMode = AssigneeMode ?? (string.IsNullOrWhiteSpace(Assignee) ? SopAssigneeMode.GroupOwner : SopAssigneeMode.User),
        Assignee = Assignee,
    };
}

public sealed record SopApplyRequest
{
    [Description("Groups chosen by id (archived groups are refused).")]
    public List<int>? GroupIds { get; init; }

    [Description("A rule instead of (or besides) named groups: every group matching all the criteria given, including groups created later.")]
    public GroupTier? Tier { get; init; }

    public GroupLifetime? Lifetime { get; init; }

    public int? SeriesId { get; init; }

    public int? ActivityId { get; init; }

    public string? Label { get; init; }

    public SopApplyInput ToInput() => new()
    {
        GroupIds = GroupIds ?? [], Tier = Tier, Lifetime = Lifetime, SeriesId = SeriesId, ActivityId = ActivityId, Label = Label,
    };
}

public sealed record SopCopyRequest
{
    [Description("The new plan's name; leave out for the template's name (or \"… (copy)\" for a plan).")]
    public string? Name { get; init; }
}

public sealed record SopStepResponse(string Key, string Time, IReadOnlyList<DayOfWeek> Weekdays, int DayOffset, string Title, string Content,
    string? ImageUrl, string? LinkUrl, SopAssigneeMode AssigneeMode, string? AssigneeEmail, string? AssigneeName)
{
    public static SopStepResponse From(SopStepDto s) =>
        new(s.Key, s.Time, s.Weekdays, s.DayOffset, s.Title, s.Content, s.ImageUrl, s.LinkUrl, s.AssigneeMode, s.AssigneeEmail, s.AssigneeName);
}

public sealed record SopAssignmentResponse(int Id, int? GroupId, string? GroupName, GroupTier? Tier, GroupLifetime? Lifetime, int? SeriesId,
    int? ActivityId, string? Label, DateTime CreatedAt)
{
    public static SopAssignmentResponse From(SopAssignmentDto a) =>
        new(a.Id, a.GroupId, a.GroupName, a.Tier, a.Lifetime, a.SeriesId, a.ActivityId, a.Label, a.CreatedAt);
}

public sealed record SopPlanSummaryResponse(int Id, string Name, string? Description, SopPlanKind Kind, SopPlanStatus Status, bool IsTemplate,
    int CurrentVersion, int StepCount, int AssignmentCount, DateTime UpdatedAt)
{
    public static SopPlanSummaryResponse From(SopPlanSummaryDto p) =>
        new(p.Id, p.Name, p.Description, p.Kind, p.Status, p.IsTemplate, p.CurrentVersion, p.StepCount, p.AssignmentCount, p.UpdatedAt);
}

public sealed record SopPlanResponse(
    int Id,
    string Name,
    string? Description,
    SopPlanKind Kind,
    SopPlanStatus Status,
    bool IsTemplate,
    [property: Description("The number of the plan's newest version of steps (done tasks keep the version they were made from).")] int CurrentVersion,
    IReadOnlyList<SopStepResponse> Steps,
    IReadOnlyList<SopAssignmentResponse> Assignments,
    [property: Description("Send it back on update (PUT).")] int Version,
    DateTime UpdatedAt)
{
    public static SopPlanResponse From(SopPlanDto p) => new(p.Id, p.Name, p.Description, p.Kind, p.Status, p.IsTemplate, p.CurrentVersion,
        [.. p.Steps.Select(SopStepResponse.From)], [.. p.Assignments.Select(SopAssignmentResponse.From)], p.Version, p.UpdatedAt);
}

/// <summary>What DELETE did: a plan nobody has worked on is deleted; one with done or skipped tasks is archived instead.</summary>
public enum SopPlanRemoval
{
    Deleted = 0,
    Archived = 1,
}

public sealed record SopPlanDeleteResponse(int Id, [property: Description("Deleted, or Archived when the plan has done or skipped tasks.")] SopPlanRemoval Result);

public sealed record SopApplyResponse(int TasksCreated, int TasksUpdated, int TasksRemoved, SopPlanResponse Plan)
{
    public static SopApplyResponse From(SopMaterializeResult result, SopPlanDto plan) =>
        new(result.Created, result.Updated, result.Removed, SopPlanResponse.From(plan));
}
