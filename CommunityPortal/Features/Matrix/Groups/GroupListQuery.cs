using CommunityPortal.Infrastructure.Validation;
using CommunityPortal.Infrastructure.Api;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CommunityPortal.Features.Matrix.Groups;

/// <summary>
/// The query string of GET /api/v1/groups. (No [Description] here: the OpenAPI generator of 10.0.14 fails on
/// attributes of [AsParameters] constructor parameters; ListGroups' description documents them instead.)
/// </summary>
public sealed record GroupListQuery(
    [FromQuery(Name = "skip")] int? Skip,
    [FromQuery(Name = "take")] int? Take,
    [FromQuery(Name = "search")] string? Search,
    [FromQuery(Name = "tier")] GroupTier? Tier,
    [FromQuery(Name = "status")] GroupStatus? Status,
    [FromQuery(Name = "lifetime")] GroupLifetime? Lifetime,
    [FromQuery(Name = "ownerEmail")] string? OwnerEmail,
    [FromQuery(Name = "label")] string? Label,
    [FromQuery(Name = "activityId")] int? ActivityId,
    [FromQuery(Name = "standalone")] bool? Standalone,
    [FromQuery(Name = "includeArchived")] bool? IncludeArchived,
    [FromQuery(Name = "sortBy")] string? SortBy,
    [FromQuery(Name = "desc")] bool? Desc)
{
    public const int DefaultTake = 20;

    public static readonly IReadOnlyList<string> SortKeys =
        ["name", "tier", "status", "memberCount", "capacity", "ownerEmail", "activity", "createdAt", "updatedAt"];

    /// <summary>Refuses a page or sort the service would otherwise quietly clamp or ignore.</summary>
    public GroupQuery ToGroupQuery(IStringLocalizer<ApiText> text)
    {
        var errors = new Dictionary<string, string[]>();
        if (Skip < 0)
        {
            errors["skip"] = [text["ParameterMin", "skip", 0]];
        }
        if (Take is < 1 or > GroupQuery.MaxTake)
        {
            errors["take"] = [text["ParameterRange", "take", 1, GroupQuery.MaxTake]];
        }
        var sortBy = Text.Clean(SortBy);
        if (sortBy is not null && !SortKeys.Contains(sortBy, StringComparer.OrdinalIgnoreCase))
        {
            errors["sortBy"] = [text["ParameterOneOf", "sortBy", string.Join(", ", SortKeys)]];
        }
        if (errors.Count > 0)
        {
            throw new PortalValidationException(errors);
        }
        return new GroupQuery
        {
            Skip = Skip ?? 0,
            Take = Take ?? DefaultTake,
            Search = Search,
            Tier = Tier,
            Status = Status,
            Lifetime = Lifetime,
            OwnerEmail = OwnerEmail,
            Label = Label,
            ActivityId = ActivityId,
            StandaloneOnly = Standalone ?? false,
            IncludeArchived = IncludeArchived ?? false,
            SortBy = sortBy,
            Descending = Desc ?? false,
        };
    }
}
