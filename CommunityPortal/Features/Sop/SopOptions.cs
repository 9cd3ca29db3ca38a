using System.ComponentModel.DataAnnotations;

namespace CommunityPortal.Features.Sop;

/// <summary>Sop: settings (appsettings or environment, e.g. Sop__HorizonDays).</summary>
public sealed class SopOptions
{
    public const string Section = "Sop";

    /// <summary>How many days ahead tasks exist (kept topped up every <see cref="RefreshMinutes"/>).</summary>
    [Range(1, 60)]
    public int HorizonDays { get; set; } = 14;

    /// <summary>A pending task is overdue this long after its due time (and managers are told once).</summary>
    [Range(0, 24 * 60)]
    public int OverdueAfterMinutes { get; set; } = 60;

    [Range(1, 24 * 60)]
    public int RefreshMinutes { get; set; } = 60;

    /// <summary>How often due tasks are looked for to remind their assignees.</summary>
    [Range(5, 600)]
    public int ReminderPollSeconds { get; set; } = 30;

    public TimeSpan OverdueAfter => TimeSpan.FromMinutes(OverdueAfterMinutes);
}
