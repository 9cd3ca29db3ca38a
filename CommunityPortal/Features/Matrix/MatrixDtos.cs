
namespace CommunityPortal.Features.Matrix;

public sealed record ThemeDto(int Id, string Name, string? Description, bool IsArchived, int Version, int SeriesCount);

public sealed record SeriesDto(int Id, int ThemeId, string ThemeName, string Name, string? Description, bool IsArchived, int Version, int ActivityCount);

public sealed record ActivityDto(
    int Id,
    int SeriesId,
    string SeriesName,
    int ThemeId,
    int PeriodNo,
    string Name,
    DateOnly StartDate,
    DateOnly EndDate,
    ActivityStatus Status,
    int Version,
    int GroupCount,
    int MemberCount);

public sealed record GroupDto(
    int Id,
    string Name,
    int? ActivityId,
    string? ActivityName,
    GroupTier Tier,
    GroupLifetime Lifetime,
    string? OwnerEmail,
    string? OwnerName,
    int Capacity,
    int MemberCount,
    GroupStatus Status,
    IReadOnlyList<string> Rules,
    string? Announcement,
    string? WelcomeMessage,
    IReadOnlyList<string> Labels,
    int Version,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    bool CanDelete = false)
{
    public GroupInput ToInput() => new()
    {
        ActivityId = ActivityId,
        Name = Name,
        Tier = Tier,
        Lifetime = Lifetime,
        OwnerEmail = OwnerEmail,
        Capacity = Capacity,
        MemberCount = MemberCount,
        Status = Status,
        Rules = [.. Rules],
        Announcement = Announcement,
        WelcomeMessage = WelcomeMessage,
        Labels = [.. Labels],
    };
}

/// <summary>Filters, sort and page for the groups grid and GET /api/v1/groups.</summary>
public sealed record GroupQuery
{
    public const int MaxTake = 200;

    public string? Search { get; init; }

    public GroupTier? Tier { get; init; }

    public GroupStatus? Status { get; init; }

    public GroupLifetime? Lifetime { get; init; }

    public string? OwnerEmail { get; init; }

    public string? Label { get; init; }

    public int? ActivityId { get; init; }

    /// <summary>Only groups outside any activity.</summary>
    public bool StandaloneOnly { get; init; }

    public bool IncludeArchived { get; init; }

    /// <summary>name, tier, status, memberCount, capacity, owner, activity, updatedAt, createdAt.</summary>
    public string? SortBy { get; init; }

    public bool Descending { get; init; }

    public int Skip { get; init; }

    public int Take { get; init; } = 20;
}

public sealed record MatrixTree(IReadOnlyList<ThemeNode> Themes, IReadOnlyList<GroupLeaf> StandaloneGroups)
{
    public int GroupCount => Themes.Sum(t => t.GroupCount) + StandaloneGroups.Count;

    public int MemberCount => Themes.Sum(t => t.MemberCount) + StandaloneGroups.Sum(g => g.MemberCount);
}

public sealed record ThemeNode(int Id, string Name, bool IsArchived, IReadOnlyList<SeriesNode> Series)
{
    public int GroupCount => Series.Sum(s => s.GroupCount);

    public int MemberCount => Series.Sum(s => s.MemberCount);
}

public sealed record SeriesNode(int Id, string Name, bool IsArchived, IReadOnlyList<ActivityNode> Activities)
{
    public int GroupCount => Activities.Sum(a => a.GroupCount);

    public int MemberCount => Activities.Sum(a => a.MemberCount);
}

public sealed record ActivityNode(int Id, int PeriodNo, string Name, ActivityStatus Status, DateOnly StartDate, DateOnly EndDate, IReadOnlyList<GroupLeaf> Groups)
{
    public int GroupCount => Groups.Count;

    public int MemberCount => Groups.Sum(g => g.MemberCount);
}

public sealed record GroupLeaf(int Id, int? ActivityId, string Name, GroupTier Tier, GroupStatus Status, int MemberCount, int Capacity);
