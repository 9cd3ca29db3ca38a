using CommunityPortal.Infrastructure.Domain;

namespace CommunityPortal.Features.Sop;

/// <summary>
/// One step of a plan on one day for one group, with its content rendered for that group. Unique per (plan, group,
/// step, day): materialising twice never makes a second one.
/// </summary>
public sealed class SopTask : Entity
{
    public const int SkipReasonMax = 200;

    public int PlanId { get; set; }

    public int PlanVersion { get; set; }

    public string StepKey { get; set; } = "";

    public int GroupId { get; set; }

    /// <summary>The day (in the team's time zone) the task belongs to.</summary>
    public DateOnly OccursOn { get; set; }

    public DateTime DueAt { get; set; }

    public string Title { get; set; } = "";

    public string Content { get; set; } = "";

    public string? ImageUrl { get; set; }

    public string? LinkUrl { get; set; }

    public string? AssigneeId { get; set; }

    public SopTaskState State { get; set; }

    public DateTime? DoneAt { get; set; }

    public string? DoneById { get; set; }

    public string? DoneByName { get; set; }

    public string? SkipReason { get; set; }

    /// <summary>When the assignee was reminded (at most once, even across restarts).</summary>
    public DateTime? RemindedAt { get; set; }

    /// <summary>When managers were told it is overdue (at most once).</summary>
    public DateTime? OverdueNotifiedAt { get; set; }

    public SopTaskStatus StatusAt(DateTime now, TimeSpan grace) =>
        State switch
        {
            SopTaskState.Done => SopTaskStatus.Done,
            SopTaskState.Skipped => SopTaskStatus.Skipped,
            _ => DueAt + grace < now ? SopTaskStatus.Overdue : SopTaskStatus.Pending,
        };
}

/// <summary>A person's private calendar feed address (iCalendar). Only a hash of the secret is stored.</summary>
public sealed class SopFeedToken
{
    public const int HashLength = 64;

    public int Id { get; set; }

    public string UserId { get; set; } = "";

    public string TokenHash { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public DateTime? RevokedAt { get; set; }
}
