using System.ComponentModel;

namespace CommunityPortal.Features.Matrix;

// The API's wire shape (camelCase JSON, glossary names), kept apart from the services' DTOs so that either
// can change without breaking the other. Request members are all optional on the wire: a missing field is
// reported by the services' validation (naming the field in the caller's language), not by the deserializer.

public sealed record ThemeRequest
{
    public string? Name { get; init; }

    public string? Description { get; init; }

    [Description("The version last read; required on update (PUT).")]
    public int? Version { get; init; }

    public ThemeInput ToInput() => new() { Name = Name ?? "", Description = Description };
}

public sealed record ThemeResponse(int Id, string Name, string? Description, bool IsArchived, int SeriesCount, int Version)
{
    public static ThemeResponse From(ThemeDto t) => new(t.Id, t.Name, t.Description, t.IsArchived, t.SeriesCount, t.Version);
}

public sealed record SeriesRequest
{
    public int? ThemeId { get; init; }

    public string? Name { get; init; }

    public string? Description { get; init; }

    [Description("The version last read; required on update (PUT).")]
    public int? Version { get; init; }

    public SeriesInput ToInput() => new() { ThemeId = ThemeId ?? 0, Name = Name ?? "", Description = Description };
}

public sealed record SeriesResponse(int Id, int ThemeId, string Name, string? Description, bool IsArchived, int ActivityCount, int Version)
{
    public static SeriesResponse From(SeriesDto s) => new(s.Id, s.ThemeId, s.Name, s.Description, s.IsArchived, s.ActivityCount, s.Version);
}

public sealed record ActivityRequest
{
    public int? SeriesId { get; init; }

    [Description("第N期; leave out for the series' next number.")]
    public int? PeriodNo { get; init; }

    [Description("Leave out for \"{series} 第N期\".")]
    public string? Name { get; init; }

    public DateOnly? StartDate { get; init; }

    public DateOnly? EndDate { get; init; }

    [Description("Planned when left out.")]
    public ActivityStatus? Status { get; init; }

    [Description("The version last read; required on update (PUT).")]
    public int? Version { get; init; }

    public ActivityInput ToInput() => new()
    {
        SeriesId = SeriesId ?? 0,
        PeriodNo = PeriodNo ?? 0,
        Name = Name,
        StartDate = StartDate,
        EndDate = EndDate,
        Status = Status ?? ActivityStatus.Planned,
    };
}

public sealed record ActivityResponse(
    int Id, int SeriesId, int ThemeId, int PeriodNo, string Name, DateOnly StartDate, DateOnly EndDate,
    ActivityStatus Status, int GroupCount, int MemberCount, int Version)
{
    public static ActivityResponse From(ActivityDto a) =>
        new(a.Id, a.SeriesId, a.ThemeId, a.PeriodNo, a.Name, a.StartDate, a.EndDate, a.Status, a.GroupCount, a.MemberCount, a.Version);
}

public sealed record GroupRequest
{
    public string? Name { get; init; }

    [Description("Leave out for a standalone (long-term) group outside any activity.")]
    public int? ActivityId { get; init; }

    [Description("Welfare when left out.")]
    public GroupTier? Tier { get; init; }

    [Description("Temporary when left out.")]
    public GroupLifetime? Lifetime { get; init; }

    [Description("The e-mail of a portal user.")]
    public string? OwnerEmail { get; init; }

    [Description("1-500; 200 when left out.")]
    public int? Capacity { get; init; }

    [Description("0 to the capacity. Ignored once the group has membership records (joins and leaves): the count then follows them.")]
    public int? MemberCount { get; init; }

    [Description("Planned when left out.")]
    public GroupStatus? Status { get; init; }

    [Description("At most 3 core rules.")]
    public List<string>? Rules { get; init; }

    public string? Announcement { get; init; }

    public string? WelcomeMessage { get; init; }

    [Description("Free labels such as a region or a product.")]
    public List<string>? Labels { get; init; }

    [Description("The version last read; required on update (PUT).")]
    public int? Version { get; init; }

    public GroupInput ToInput() => new()
    {
        Name = Name ?? "",
        ActivityId = ActivityId,
        Tier = Tier ?? GroupTier.Welfare,
        Lifetime = Lifetime ?? GroupLifetime.Temporary,
        OwnerEmail = OwnerEmail,
        Capacity = Capacity ?? Group.DefaultCapacity,
        MemberCount = MemberCount ?? 0,
        Status = Status ?? GroupStatus.Planned,
        Rules = Rules ?? [],
        Announcement = Announcement,
        WelcomeMessage = WelcomeMessage,
        Labels = Labels ?? [],
    };
}

public sealed record GroupResponse(
    int Id,
    string Name,
    int? ActivityId,
    GroupTier Tier,
    GroupLifetime Lifetime,
    string? OwnerEmail,
    int Capacity,
    int MemberCount,
    GroupStatus Status,
    IReadOnlyList<string> Rules,
    string? Announcement,
    string? WelcomeMessage,
    IReadOnlyList<string> Labels,
    int Version,
    DateTime CreatedAt,
    DateTime UpdatedAt)
{
    // Times come from the database as UTC (PortalDbContext), so they go out with "Z".
    public static GroupResponse From(GroupDto g) => new(
        g.Id, g.Name, g.ActivityId, g.Tier, g.Lifetime, g.OwnerEmail, g.Capacity, g.MemberCount, g.Status,
        g.Rules, g.Announcement, g.WelcomeMessage, g.Labels, g.Version,
        g.CreatedAt, g.UpdatedAt);
}
