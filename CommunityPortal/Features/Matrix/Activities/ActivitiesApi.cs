using CommunityPortal.Infrastructure.Validation;
using CommunityPortal.Infrastructure.Api;
using CommunityPortal.Infrastructure.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace CommunityPortal.Features.Matrix.Activities;

public static class ActivitiesApi
{
    public static IEndpointRouteBuilder MapActivitiesApi(this IEndpointRouteBuilder v1)
    {
        var api = v1.MapGroup("/activities").WithTags("Activities");
        api.MapGet("/", ListActivities).RequireAuthorization(Policies.Read);
        api.MapGet("/{id:int}", GetActivity).RequireAuthorization(Policies.Read).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/", CreateActivity).RequireAuthorization(Policies.Edit).ProducesValidationProblem();
        api.MapPut("/{id:int}", UpdateActivity).RequireAuthorization(Policies.Edit).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/{id:int}/archive", ArchiveActivity).RequireAuthorization(Policies.Manage).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapDelete("/{id:int}", DeleteActivity).RequireAuthorization(Policies.Manage)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        // 复制上一期: an action on the series that yields an activity, so it is documented with the activities.
        v1.MapPost("/series/{id:int}/copy-previous", CopyPreviousActivity).WithTags("Activities")
            .RequireAuthorization(Policies.Manage)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return v1;
    }

    public static async Task<Ok<List<ActivityResponse>>> ListActivities(
        ActivityService activities, int? seriesId = null, bool includeArchived = false, CancellationToken ct = default) =>
        TypedResults.Ok((await activities.ListAsync(seriesId, includeArchived, ct)).Select(ActivityResponse.From).ToList());

    public static async Task<Ok<ActivityResponse>> GetActivity(int id, ActivityService activities, CancellationToken ct) =>
        TypedResults.Ok(ActivityResponse.From(await activities.GetAsync(id, ct)));

    public static async Task<Created<ActivityResponse>> CreateActivity(ActivityRequest request, ActivityService activities, CancellationToken ct) =>
        Created(await activities.CreateAsync(request.ToInput(), ct));

    public static async Task<Ok<ActivityResponse>> UpdateActivity(
        int id, ActivityRequest request, ActivityService activities, IStringLocalizer<ValidationText> validation, CancellationToken ct) =>
        TypedResults.Ok(ActivityResponse.From(
            await activities.UpdateAsync(id, request.ToInput(), ApiInput.RequireVersion(request.Version, validation), ct)));

    public static async Task<Ok<ActivityResponse>> ArchiveActivity(int id, ActivityService activities, CancellationToken ct)
    {
        await activities.ArchiveAsync(id, ct);
        return TypedResults.Ok(ActivityResponse.From(await activities.GetAsync(id, ct)));
    }

    public static async Task<NoContent> DeleteActivity(int id, ActivityService activities, CancellationToken ct)
    {
        await activities.DeleteAsync(id, ct);
        return TypedResults.NoContent();
    }

    /// <summary>Creates the series' next period from its latest one, groups included (names re-numbered, counts reset).</summary>
    public static async Task<Created<ActivityResponse>> CopyPreviousActivity(int id, ActivityService activities, CancellationToken ct) =>
        Created(await activities.CopyPreviousAsync(id, ct));

    private static Created<ActivityResponse> Created(ActivityDto activity) =>
        TypedResults.Created($"{ApiSetup.Prefix}/activities/{activity.Id}", ActivityResponse.From(activity));
}
