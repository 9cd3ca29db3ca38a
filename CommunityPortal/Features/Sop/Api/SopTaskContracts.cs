using System.ComponentModel;

namespace CommunityPortal.Features.Sop.Api;

public sealed record SopSkipRequest
{
    [Description("Why the task is skipped (required, at most 200 characters).")]
    public string? Reason { get; init; }
}

/// <summary>A task as the API shows it. Times are UTC; occursOn is the day in the team's time zone.</summary>
public sealed record SopTaskResponse(
    int Id,
    int PlanId,
    string PlanName,
    [property: Description("The plan version the task's text comes from.")] int PlanVersion,
    int GroupId,
    string GroupName,
    DateTime DueAt,
    DateOnly OccursOn,
    string Title,
    [property: Description("The step's content rendered for this group (placeholders filled in): the text to paste.")] string Content,
    string? ImageUrl,
    string? LinkUrl,
    string? AssigneeEmail,
    string? AssigneeName,
    [property: Description("Pending, Done, Skipped or Overdue (pending past its due time plus Sop:OverdueAfterMinutes).")] SopTaskStatus State,
    DateTime? DoneAt,
    [property: Description("Who ticked it: a person's name, or an API key's name.")] string? DoneBy,
    string? SkipReason,
    int Version,
    DateTime UpdatedAt)
{
    public static SopTaskResponse From(SopTaskDto t) => new(t.Id, t.PlanId, t.PlanName, t.PlanVersion, t.GroupId, t.GroupName, t.DueAt,
        t.OccursOn, t.Title, t.Content, t.ImageUrl, t.LinkUrl, t.AssigneeEmail, t.AssigneeName, t.State, t.DoneAt, t.DoneBy, t.SkipReason,
        t.Version, t.UpdatedAt);
}
