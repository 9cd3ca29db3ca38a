
namespace CommunityPortal.Features.Matrix.Groups;

/// <summary>
/// What the group form binds to. Property names match <see cref="GroupInput"/> so that the service's field errors
/// land under the right inputs; rules are three inputs and labels one comma-separated text. No validation attributes:
/// MudBlazor inputs check a bound property's attributes themselves and show their English default messages, while
/// GroupService's checks (name, capacity, count) are in the user's language and name the field.
/// </summary>
public sealed class GroupFormModel
{
    private static readonly char[] LabelSeparators = [',', '，', '、', ';', '；', '\n'];

    public string Name { get; set; } = "";

    public int? ActivityId { get; set; }

    public GroupTier Tier { get; set; } = GroupTier.Welfare;

    public GroupLifetime Lifetime { get; set; } = GroupLifetime.Temporary;

    public string? OwnerEmail { get; set; }

    public int Capacity { get; set; } = Group.DefaultCapacity;

    /// <summary>0 to the capacity: checked by the service, whose message names the actual capacity.</summary>
    public int MemberCount { get; set; }

    public GroupStatus Status { get; set; } = GroupStatus.Planned;

    public string? Rule1 { get; set; }

    public string? Rule2 { get; set; }

    public string? Rule3 { get; set; }

    /// <summary>The three rule inputs as the service takes them; its "Rules" errors show under them.</summary>
    public List<string> Rules => [.. new[] { Rule1, Rule2, Rule3 }.Where(r => !string.IsNullOrWhiteSpace(r)).Select(r => r!.Trim())];

    public string? Announcement { get; set; }

    public string? WelcomeMessage { get; set; }

    /// <summary>Comma-separated (，、; also accepted).</summary>
    public string? Labels { get; set; }

    public static GroupFormModel ForNew(int? activityId) => new()
    {
        ActivityId = activityId,
        // A group outside any activity is a standing community (长期群) by nature.
        Lifetime = activityId is null ? GroupLifetime.LongTerm : GroupLifetime.Temporary,
    };

    public static GroupFormModel From(GroupDto group) => new()
    {
        Name = group.Name,
        ActivityId = group.ActivityId,
        Tier = group.Tier,
        Lifetime = group.Lifetime,
        OwnerEmail = group.OwnerEmail,
        Capacity = group.Capacity,
        MemberCount = group.MemberCount,
        Status = group.Status,
        Rule1 = group.Rules.ElementAtOrDefault(0),
        Rule2 = group.Rules.ElementAtOrDefault(1),
        Rule3 = group.Rules.ElementAtOrDefault(2),
        Announcement = group.Announcement,
        WelcomeMessage = group.WelcomeMessage,
        Labels = string.Join(", ", group.Labels),
    };

    public static List<string> SplitLabels(string? labels) =>
        [.. (labels ?? "").Split(LabelSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    public GroupInput ToInput() => new()
    {
        Name = Name,
        ActivityId = ActivityId,
        Tier = Tier,
        Lifetime = Lifetime,
        OwnerEmail = OwnerEmail,
        Capacity = Capacity,
        MemberCount = MemberCount,
        Status = Status,
        Rules = Rules,
        Announcement = Announcement,
        WelcomeMessage = WelcomeMessage,
        Labels = SplitLabels(Labels),
    };
}
