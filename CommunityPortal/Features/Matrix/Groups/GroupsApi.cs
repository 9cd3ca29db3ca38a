using CommunityPortal.Infrastructure.Domain;
using CommunityPortal.Infrastructure.Validation;
using CommunityPortal.Infrastructure.Api;
using CommunityPortal.Infrastructure.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace CommunityPortal.Features.Matrix.Groups;

public static class GroupsApi
{
    public static IEndpointRouteBuilder MapGroupsApi(this IEndpointRouteBuilder v1)
    {
        var api = v1.MapGroup("/groups").WithTags("Groups");
        api.MapGet("/", ListGroups).RequireAuthorization(Policies.Read).ProducesValidationProblem()
            .WithDescription("""
                Pages of groups: skip (default 0) and take (1-200, default 20); filters search (part of the name), tier,
                status, lifetime, ownerEmail, label, activityId, standalone (only groups outside any activity) and
                includeArchived (archived groups are left out unless asked for or filtered by status=Archived);
                sortBy one of name (default), tier, status, memberCount, capacity, ownerEmail, activity, createdAt,
                updatedAt, and desc=true to reverse.
                """);
        api.MapGet("/{id:int}", GetGroup).RequireAuthorization(Policies.Read).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/", CreateGroup).RequireAuthorization(Policies.Edit).ProducesValidationProblem();
        api.MapPut("/{id:int}", UpdateGroup).RequireAuthorization(Policies.Edit).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/{id:int}/archive", ArchiveGroup).RequireAuthorization(Policies.Manage).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapDelete("/{id:int}", DeleteGroup).RequireAuthorization(Policies.Manage)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return v1;
    }

    public static async Task<Ok<PagedResult<GroupResponse>>> ListGroups(
        [AsParameters] GroupListQuery query, GroupQueryService groups, IStringLocalizer<ApiText> text, CancellationToken ct)
    {
        var page = await groups.QueryAsync(query.ToGroupQuery(text), ct);
        return TypedResults.Ok(new PagedResult<GroupResponse>([.. page.Items.Select(GroupResponse.From)], page.TotalCount, page.Skip, page.Take));
    }

    public static async Task<Ok<GroupResponse>> GetGroup(int id, GroupService groups, CancellationToken ct) =>
        TypedResults.Ok(GroupResponse.From(await groups.GetAsync(id, ct)));

    public static async Task<Created<GroupResponse>> CreateGroup(GroupRequest request, GroupService groups, CancellationToken ct)
    {
        var group = GroupResponse.From(await groups.CreateAsync(request.ToInput(), ct));
        return TypedResults.Created($"{ApiSetup.Prefix}/groups/{group.Id}", group);
    }

    public static async Task<Ok<GroupResponse>> UpdateGroup(
        int id, GroupRequest request, GroupService groups, IStringLocalizer<ValidationText> validation, CancellationToken ct) =>
        TypedResults.Ok(GroupResponse.From(await groups.UpdateAsync(id, request.ToInput(), ApiInput.RequireVersion(request.Version, validation), ct)));

    public static async Task<Ok<GroupResponse>> ArchiveGroup(int id, GroupService groups, CancellationToken ct)
    {
        await groups.ArchiveAsync(id, ct);
        return TypedResults.Ok(GroupResponse.From(await groups.GetAsync(id, ct)));
    }

    public static async Task<NoContent> DeleteGroup(int id, GroupService groups, CancellationToken ct)
    {
        await groups.DeleteAsync(id, ct);
        return TypedResults.NoContent();
    }
}
