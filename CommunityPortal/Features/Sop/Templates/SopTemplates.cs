using System.Globalization;
using System.Resources;

namespace CommunityPortal.Features.Sop.Templates;

/// <summary>A preloaded template's shape; its wording is in SopTemplateText under "{Key}.Name", "{Key}.{Step}.Title" …</summary>
public sealed record SopTemplate(string Key, SopPlanKind Kind, IReadOnlyList<SopTemplateStep> Steps);

public sealed record SopTemplateStep(string Key, string Time, int DayOffset = 0, DayOfWeek[]? Weekdays = null);

/// <summary>
/// The templates from the seeds: 开群仪式 (seeds/001: welcome, a warm-up game, the group's value, its rules, then a
/// closing activity lasting three days), a daily C-group SOP (greeting, product push, topic, wrap-up), a weekly activity
/// SOP with a prize, and a task-group SOP that ends by dissolving the group (seeds/003).
/// </summary>
public static class SopTemplates
{
    public static readonly IReadOnlyList<SopTemplate> All =
    [
        new("opening", SopPlanKind.Relative,
        [
            new("welcome", "10:00"), new("game", "20:00"), new("value", "20:30"), new("rules", "20:40"), new("kickoff", "21:00"),
            new("day1", "20:00", 1), new("day2", "20:00", 2), new("day3", "20:00", 3),
        ]),
        new("daily", SopPlanKind.Daily, [new("morning", "08:30"), new("product", "12:00"), new("topic", "15:00"), new("evening", "21:00")]),
        new("weekly", SopPlanKind.Weekly,
        [
            new("preview", "20:00", Weekdays: [DayOfWeek.Wednesday]), new("activity", "20:00", Weekdays: [DayOfWeek.Saturday]),
            new("prize", "20:00", Weekdays: [DayOfWeek.Sunday]),
        ]),
        new("taskgroup", SopPlanKind.Relative,
        [
            new("brief", "10:00"), new("task", "10:00", 1), new("collect", "20:00", 2), new("dissolve", "20:00", 3),
        ]),
    ];

    private static readonly ResourceManager Resources = new(typeof(SopTemplateText));

    /// <summary>The template as a plan input, worded in <paramref name="culture"/>.</summary>
    public static SopPlanInput Input(SopTemplate template, CultureInfo culture)
    {
        string Text(string key) => Resources.GetString($"{template.Key}.{key}", culture) ?? throw new InvalidOperationException($"No text {template.Key}.{key}");
        return new SopPlanInput
        {
            Name = Text("Name"),
            Description = Text("Description"),
            Kind = template.Kind,
            Steps = [.. template.Steps.Select(s => new SopStepInput
            {
                Key = s.Key,
                Time = s.Time,
                DayOffset = s.DayOffset,
                Weekdays = [.. s.Weekdays ?? []],
                Title = Text($"{s.Key}.Title"),
                Content = Text($"{s.Key}.Content"),
                AssigneeMode = SopAssigneeMode.GroupOwner,
            })],
        };
    }
}
