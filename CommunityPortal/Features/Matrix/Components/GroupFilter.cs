namespace CommunityPortal.Features.Matrix.Components;

/// <summary>The groups grid's filters, as the user set them above the grid.</summary>
public sealed class GroupFilter
{
    public string? Search { get; set; }

    public GroupTier? Tier { get; set; }

    public GroupStatus? Status { get; set; }

    public string? OwnerEmail { get; set; }

    public string? Label { get; set; }

    public bool IncludeArchived { get; set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Search) && Tier is null && Status is null
        && string.IsNullOrWhiteSpace(OwnerEmail) && string.IsNullOrWhiteSpace(Label) && !IncludeArchived;

    public void Clear() => (Search, Tier, Status, OwnerEmail, Label, IncludeArchived) = (null, null, null, null, null, false);

    /// <summary>Grid column (property) → the sort keys GroupQueryService knows.</summary>
    public static string? SortKey(string? property) => property switch
    {
        nameof(GroupDto.Name) => "name",
        nameof(GroupDto.ActivityName) => "activity",
        nameof(GroupDto.Tier) => "tier",
        nameof(GroupDto.OwnerName) => "owner",
        nameof(GroupDto.MemberCount) => "memberCount",
        nameof(GroupDto.Capacity) => "capacity",
        nameof(GroupDto.Status) => "status",
        nameof(GroupDto.UpdatedAt) => "updatedAt",
        _ => null,
    };

    public GroupQuery ToQuery(int skip, int take, string? sortProperty, bool descending) => new()
    {
        Search = Search,
        Tier = Tier,
        Status = Status,
        OwnerEmail = OwnerEmail,
        Label = Label,
        IncludeArchived = IncludeArchived,
        SortBy = SortKey(sortProperty),
        Descending = descending,
        Skip = skip,
        Take = take,
    };
}
